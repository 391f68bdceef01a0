/// How mount and unmount events propagate to and from a mount, with the peer-group numbers.
///
/// Derived from the optional fields. A mount with neither `shared:` nor `master:` is
/// private. A mount can be shared and a slave at once (`shared:61 master:60`).
public struct Propagation: Hashable, Sendable, CustomStringConvertible {
  /// The peer group the mount belongs to (`shared:N`), if it is shared.
  public var peerGroup: UInt32?
  /// The peer group the mount receives from (`master:N`), if it is a slave.
  public var master: UInt32?
  /// The dominant peer group visible in this namespace (`propagate_from:N`).
  public var propagateFrom: UInt32?
  /// Whether the mount is unbindable.
  public var isUnbindable: Bool

  /// Collects the propagation state from a mount's optional fields.
  public init(_ fields: [OptionalField]) {
    peerGroup = nil
    master = nil
    propagateFrom = nil
    isUnbindable = false
    for field in fields {
      switch field {
      case .shared(let group): peerGroup = group
      case .master(let group): master = group
      case .propagateFrom(let group): propagateFrom = group
      case .unbindable: isUnbindable = true
      case .other: break
      }
    }
  }

  /// Whether the mount neither sends nor receives events.
  public var isPrivate: Bool { peerGroup == nil && master == nil }

  /// The state in the kernel's words with its numbers, e.g. `shared:61,master:60` or
  /// `private,unbindable`.
  public var description: String {
    var parts: [String] = []
    if let peerGroup { parts.append("shared:\(peerGroup)") }
    if let master { parts.append("master:\(master)") }
    if let propagateFrom { parts.append("propagate_from:\(propagateFrom)") }
    if parts.isEmpty { parts.append("private") }
    if isUnbindable { parts.append("unbindable") }
    return parts.joined(separator: ",")
  }
}
