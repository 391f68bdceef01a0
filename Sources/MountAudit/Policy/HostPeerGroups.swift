/// The host's mounts by propagation group, for the `propagation.*` rules.
///
/// Peer-group numbers are allocated by the kernel for the whole system, not per namespace,
/// so a target mount and a host mount printed with the same `shared:N` are in one group
/// when both tables were read at the same time. Every host mount counts, shadowed ones too:
/// propagation reaches a mount whether or not a process can see it.
struct HostPeerGroups: Sendable {
  private let members: [UInt32: [MountEntry]]
  private let slaves: [UInt32: [MountEntry]]

  /// Indexes the host's table; empty without one.
  init(host: MountTree?) {
    var members: [UInt32: [MountEntry]] = [:]
    var slaves: [UInt32: [MountEntry]] = [:]
    for entry in host?.entries ?? [] {
      let propagation = entry.propagation
      if let group = propagation.peerGroup { members[group, default: []].append(entry) }
      if let master = propagation.master { slaves[master, default: []].append(entry) }
    }
    self.members = members
    self.slaves = slaves
  }

  /// The host mounts in peer group `group` (`shared:group`), in input order.
  func members(of group: UInt32) -> [MountEntry] { members[group] ?? [] }

  /// The host mounts that are slaves of peer group `group` (`master:group`), in input order.
  func slaves(of group: UInt32) -> [MountEntry] { slaves[group] ?? [] }

  /// `'/run'`, or `'/run' and 2 other host mounts`, naming the first of `mounts`.
  static func describe(_ mounts: [MountEntry]) -> String {
    guard let first = mounts.first else { return "no host mount" }
    let others = mounts.count - 1
    switch others {
    case 0: return "'\(first.mountPoint)'"
    case 1: return "'\(first.mountPoint)' and 1 other host mount"
    default: return "'\(first.mountPoint)' and \(others) other host mounts"
    }
  }
}
