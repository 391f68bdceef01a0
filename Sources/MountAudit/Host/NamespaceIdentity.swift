/// The identity of a namespace, as its `/proc/<pid>/ns/` link names it (`mnt:[4026531841]`,
/// `net:[4026531840]`).
public struct NamespaceIdentity: Hashable, Sendable, CustomStringConvertible {
  /// The link's text.
  public var name: String
  /// For a mount namespace, its unique 64-bit ID where the kernel gives one: the inode
  /// number in `name` is recycled once a namespace is gone, this ID never is.
  public var uniqueID: UInt64?

  /// Creates an identity from the link text and, when known, the unique ID.
  public init(name: String, uniqueID: UInt64? = nil) {
    self.name = name
    self.uniqueID = uniqueID
  }

  /// The same namespace: the same link text, and the same unique ID where both have one.
  public static func == (lhs: NamespaceIdentity, rhs: NamespaceIdentity) -> Bool {
    guard lhs.name == rhs.name else { return false }
    guard let left = lhs.uniqueID, let right = rhs.uniqueID else { return true }
    return left == right
  }

  /// Hashes the link text only, so that equal identities hash alike.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(name)
  }

  /// Reads a namespace of a process, or of the auditor itself for `nil`; the mount
  /// namespace unless `kind` says otherwise.
  ///
  /// Only the link is read (`readlink`); nothing inside the process's namespaces is opened.
  public static func ofProcess(
    _ pid: Int32?, kind: NamespaceKind = .mount
  ) throws(AuditError) -> NamespaceIdentity {
    let link = kind.linkPath(of: pid)
    let name = try SystemCall.readLink(link)
    return NamespaceIdentity(
      name: name, uniqueID: kind == .mount ? SystemCall.mountNamespaceID(link: link) : nil)
  }

  /// The link's text.
  public var description: String { name }
}

/// A kind of namespace mountaudit compares between the target and the host, by the name of
/// its link under `/proc/<pid>/ns/`.
public enum NamespaceKind: String, Hashable, Sendable {
  /// The mount namespace (`mnt`), behind `namespace.host`.
  case mount = "mnt"
  /// The network namespace (`net`), which decides whose network sysctls
  /// `/proc/sys/net` shows.
  case network = "net"

  /// The link naming `pid`'s namespace of this kind (`/proc/42/ns/net`), or the auditor's
  /// own (`/proc/self/ns/net`) for `nil`.
  public func linkPath(of pid: Int32?) -> String {
    "/proc/\(pid.map { String($0) } ?? "self")/ns/\(rawValue)"
  }
}
