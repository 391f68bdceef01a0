/// Which paths an exception or an expected bind names: one path exactly, or a glob.
///
/// An exact pattern matches the same bytes and nothing else: `/data` matches neither
/// `/data/x` nor `/database`. A glob is matched by glibc's `fnmatch` with `FNM_PATHNAME`:
/// `*`, `?` and `[...]` match within one path component, never match `/`, and never match
/// the root `/` itself (`/*` names the top-level paths, not `/`), so
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
        return Self.glob(Array(pattern.utf8), matches: path)
      }
      let directory = Array(pattern.utf8.dropLast(3))
      var ancestor = path
      while let parent = ancestor.parentPath {
        if directory.isEmpty ? parent == "/" : Self.glob(directory, matches: parent) {
          return true
        }
        ancestor = parent
      }
      return false
    }
  }

  /// `fnmatch` with `FNM_PATHNAME`, except that `/` is matched only by the glob `/`:
  /// fnmatch lets `*` match the empty name after the slash, so `/*`, written for the
  /// top-level directories, would match the root itself.
  private static func glob(_ pattern: [UInt8], matches path: ByteString) -> Bool {
    if path == "/" { return pattern == [UInt8(ascii: "/")] }
    return SystemCall.matchesPathPattern(pattern, path: path.bytes)
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
    if text.utf8.contains(0) { return "expected a path without a NUL byte" }
    guard text.hasPrefix("/") else { return pathExpectation }
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
    if text.utf8.contains(0) { return "expected a glob without a NUL byte" }
    if problem(inPath: text) != nil { return globExpectation }
    let components = text.split(separator: "/")
    for (index, component) in components.enumerated() where component.contains("**") {
      if component != "**" || index != components.count - 1 { return globExpectation }
    }
    return unbalancedGlob(text)
  }

  /// What is wrong with a glob's quoting and brackets: a `\` that quotes nothing, or a
  /// `[` never closed (fnmatch would take it literally, which is seldom what was meant).
  private static func unbalancedGlob(_ text: String) -> String? {
    var characters = text.makeIterator()
    while let character = characters.next() {
      switch character {
      case "\\":
        if characters.next() == nil {
          return "expected a glob that does not end in a lone backslash"
        }
      case "[":
        var closed = false
        var first = true
        while let inner = characters.next() {
          if inner == "]" && !first {
            closed = true
            break
          }
          first = inner == "!" && first
        }
        if !closed { return "expected a glob whose '[' is closed by ']'" }
      default:
        continue
      }
    }
    return nil
  }

  /// What is wrong with `text` as an entry of an exact path list (`sensitivePaths`,
  /// `runtimeSockets`, `maskedPaths`, `readOnlyPaths`): a path as for `problem(inPath:)`,
  /// without glob characters, which such lists would take literally.
  static func problem(inListedPath text: String) -> String? {
    if let problem = problem(inPath: text) { return problem }
    if text.contains(where: { "*?[".contains($0) }) {
      return "expected an exact path: this list takes no glob ('*', '?' or '[')"
    }
    return nil
  }

  static let pathExpectation =
    "expected an absolute path without empty, '.' or '..' components or a trailing '/'"
  static let globExpectation =
    "expected an absolute glob without empty, '.' or '..' components or a trailing '/', "
    + "with '**' only as its last component"
}
