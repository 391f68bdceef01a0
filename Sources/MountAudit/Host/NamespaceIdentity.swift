/// The identity of a mount namespace, as the `/proc/<pid>/ns/mnt` link names it
/// (`mnt:[4026531841]`).
public struct NamespaceIdentity: Hashable, Sendable, CustomStringConvertible {
  /// The link's text.
  public var name: String

  /// Creates an identity from the link text.
  public init(name: String) {
    self.name = name
  }

  /// Reads the mount namespace of a process, or of the auditor itself for `nil`.
  public static func ofProcess(_ pid: Int32?) throws(AuditError) -> NamespaceIdentity {
    let path = pid.map { "/proc/\($0)/ns/mnt" } ?? "/proc/self/ns/mnt"
    return NamespaceIdentity(name: try SystemCall.readLink(path))
  }

  /// The link's text.
  public var description: String { name }
}
