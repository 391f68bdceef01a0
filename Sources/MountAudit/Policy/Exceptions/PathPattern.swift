/// Which paths an exception or an expected bind names: one path exactly, or a glob.
///
/// An exact pattern matches the same bytes and nothing else: `/data` matches neither
/// `/data/x` nor `/database`. A glob is matched by glibc's `fnmatch` with `FNM_PATHNAME`:
/// `*`, `?` and `[...]` match within one path component and never match `/`, so
/// `/var/lib/kubelet/pods/*/volumes` matches `/var/lib/kubelet/pods/1234/volumes` but not
/// `/var/lib/kubelet/pods/1234/x/volumes`. A leading `.` is not special, and `\` quotes
/// the next character. A glob may end in the component `**`: `/srv/data/**` matches every
/// path strictly below a directory the rest of the glob matches (`/srv/data/a`,
/// `/srv/data/a/b`), not that directory itself (git's meaning). `**` anywhere else is
/// refused when the policy is read, so that no glob means something other than it seems.
public enum PathPattern: Hashable, Sendable, CustomStringConvertible {
  /// One path, byte for byte.
  case exact(ByteString)
  /// An `fnmatch` pattern, as described above.
  case glob(String)

  /// Whether `path` is matched.
  public func matches(_ path: ByteString) -> Bool {
    switch self {
    case .exact(let expected):
      return path == expected
    case .glob(let pattern):
      guard pattern.hasSuffix("/**") else {
        return SystemCall.matchesPathPattern(Array(pattern.utf8), path: path.bytes)
      }
      let directory = Array(pattern.utf8.dropLast(3))
      var ancestor = path
      while let parent = ancestor.parentPath {
        if directory.isEmpty
          ? parent == "/"
          : SystemCall.matchesPathPattern(
            directory, path: parent.bytes)
        {
          return true
        }
        ancestor = parent
      }
      return false
    }
  }

  /// The kind and the pattern, as messages quote it: `glob '/srv/**'`.
  public var description: String {
    switch self {
    case .exact(let path): "'\(path)'"
    case .glob(let pattern): "glob '\(pattern)'"
    }
  }

  /// What is wrong with `text` as an exact path, or `nil` when it is an absolute path
  /// without empty, `.` or `..` components and without a trailing `/` (the form mount
  /// tables print).
  static func problem(inPath text: String) -> String? {
    guard text.hasPrefix("/"), !text.utf8.contains(0) else { return pathExpectation }
    if text == "/" { return nil }
    let components = text.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
    if components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) {
      return pathExpectation
    }
    return nil
  }

  /// What is wrong with `text` as a glob, or `nil` when it is well formed: a path as for
  /// `problem(inPath:)`, with `**` only as its whole last component.
  static func problem(inGlob text: String) -> String? {
    if problem(inPath: text) != nil { return globExpectation }
    let components = text.split(separator: "/")
    for (index, component) in components.enumerated() where component.contains("**") {
      if component != "**" || index != components.count - 1 { return globExpectation }
    }
    return nil
  }

  static let pathExpectation =
    "expected an absolute path without empty, '.' or '..' components or a trailing '/'"
  static let globExpectation =
    "expected an absolute glob without empty, '.' or '..' components or a trailing '/', "
    + "with '**' only as its last component"
}
