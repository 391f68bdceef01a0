/// The identity of a namespace, as its `/proc/<pid>/ns/` link names it (`mnt:[4026531841]`,
/// `net:[4026531840]`).
public struct NamespaceIdentity: Hashable, Sendable, CustomStringConvertible {
  /// The link's text.
  public var name: String

  /// Creates an identity from the link text.
  public init(name: String) {
    self.name = name
  }

  /// Reads a namespace of a process, or of the auditor itself for `nil`; the mount
  /// namespace unless `kind` says otherwise.
  ///
  /// Only the link is read (`readlink`); nothing inside the process's namespaces is opened.
  public static func ofProcess(
    _ pid: Int32?, kind: NamespaceKind = .mount
  ) throws(AuditError) -> NamespaceIdentity {
    NamespaceIdentity(name: try SystemCall.readLink(kind.linkPath(of: pid)))
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
