/// `propagation.shared`: a target mount is shared, but only with mounts outside the host.
///
/// Checks the `shared:N` tag of every visible mount whose peer group no host mount is in
/// (or a slave of). Such a mount still sends and receives mount events: with the
/// container's other mounts in the group, and with other containers' mounts of the same
/// volume, which is how one container's mounts can appear in another. Runtimes make every
/// mount private by default, so a shared one was asked for.
///
/// - Default severity: note.
/// - Exceptions: none; no folding, each mount is judged on its own. Groups that the host
///   is in or is a slave of are `propagation.host-peer`'s.
/// - Blind spots: needs the host table read at the same time as the target's; the other
///   members of the group in other namespaces cannot be seen, only counted in this table.
struct PropagationSharedRule: Rule {
  let metadata = RuleMetadata(
    id: "propagation.shared", severity: .note,
    summary: "a target mount is shared only with other container mounts",
    explanation: """
      Fires for every visible mount with a shared:N tag when no host mount is in group N or a \
      slave of it, and says how many other mounts of the same table share the group. Groups the \
      host takes part in are propagation.host-peer's.
      """,
    rationale: """
      A shared mount still exchanges mount events: with the container's other mounts in the group, \
      and with other containers' mounts of the same volume, so one container's mounts can appear \
      in another. Runtimes make mounts private by default, so a shared one was asked for (a \
      :shared bind option, Bidirectional propagation in Kubernetes).
      """,
    remediation: "Make the mount private (rprivate) unless the workload needs to share "
      + "mounts with other containers.",
    references: [
      "OCI runtime spec: Linux container configuration, rootfs mount propagation",
      "CIS Docker Benchmark: Ensure mount propagation mode is not set to shared",
    ],
    blindSpots: [
      """
      The other members of the group live in other namespaces and cannot be seen; only this \
      table's members are counted.
      """,
      """
      Needs a host table read at the same time as the target's, to tell a host group from a \
      container's.
      """,
    ],
    requirements: [.hostTable],
    foldsNestedMounts: false)

  func check(_ context: AuditContext) -> [Finding] {
    let host = context.hostPeerGroups
    var peersInTable: [UInt32: Int] = [:]
    for entry in context.target.entries {
      if let group = entry.propagation.peerGroup { peersInTable[group, default: 0] += 1 }
    }
    return context.visibleMounts.compactMap { mount in
      guard let group = mount.propagation.peerGroup, host.members(of: group).isEmpty,
        host.slaves(of: group).isEmpty
      else { return nil }
      let others = (peersInTable[group] ?? 1) - 1
      let peers =
        switch others {
        case 0: "no other mount of this table"
        case 1: "1 other mount of this table"
        default: "\(others) other mounts of this table"
        }
      let message =
        "'\(mount.mountPoint)' is shared in peer group \(group) with \(peers) and no host mount"
      return finding(message, mount: mount, in: context)
    }
  }
}
