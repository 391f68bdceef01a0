/// `propagation.host-slave`: a target mount is a slave of a host peer group.
///
/// Checks the `master:N` tag of every visible mount against the host's peer groups. A
/// slave receives the host's new mounts under it (a disk attached later, another
/// container's volume) but sends nothing back. That is what Kubernetes'
/// `HostToContainer` propagation and `rslave` binds are for, so it is only noted: the
/// container's view of the host's tree changes while it runs.
///
/// - Default severity: note.
/// - Exceptions: none; no folding, each mount is judged on its own.
/// - Blind spots: needs the host table read at the same time as the target's (peer-group
///   numbers are reused). A slave of a group that no host mount is in (another container's
///   group, or one the host reference cannot see) is not reported.
struct PropagationHostSlaveRule: Rule {
  let metadata = RuleMetadata(
    id: "propagation.host-slave", severity: .note,
    summary: "a target mount is a slave (master:N) of a host peer group: host mounts flow in",
    explanation: """
      Reads the master:N tag of every visible mount and fires when a host mount is in peer group \
      N: the container mount receives the host's mount events below it and sends none back. Each \
      mount is judged on its own.
      """,
    rationale: """
      Nothing the container mounts reaches the host, but its view of the host's tree changes while \
      it runs: a disk, a network share or another container's volume mounted later on the host \
      appears inside. Kubernetes' HostToContainer propagation and rslave binds ask for exactly \
      that, so it is a note for a reviewer to confirm.
      """,
    remediation: "Make the mount private (rprivate) unless the workload must see mounts "
      + "the host makes later.",
    references: [
      "OCI runtime spec: Linux container configuration, rootfs mount propagation",
      "Linux kernel: Documentation/filesystems/sharedsubtree.rst",
    ],
    blindSpots: [
      """
      Needs a host table read at the same time as the target's, since peer-group numbers are \
      reused.
      """,
      """
      A slave of a group that no host mount is in (another container's group, or one the host \
      reference cannot see) is not reported.
      """,
    ],
    requirements: [.hostTable],
    foldsNestedMounts: false)

  func check(_ context: AuditContext) -> [Finding] {
    let host = context.hostPeerGroups
    return context.visibleMounts.compactMap { mount in
      guard let master = mount.propagation.master else { return nil }
      let peers = host.members(of: master)
      guard !peers.isEmpty else { return nil }
      let message =
        "'\(mount.mountPoint)' is a slave of peer group \(master) of the host's "
        + "\(HostPeerGroups.describe(peers)): host mounts propagate in"
      return finding(message, mount: mount, in: context)
    }
  }
}
