/// `propagation.host-peer`: a target mount is in a peer group with a host mount.
///
/// Checks the `shared:N` tag of every visible mount against the host's table. A mount in
/// the same peer group as a host mount sends and receives mount events both ways: a mount
/// made in the container appears on the host (and outlives the container), and the host's
/// new mounts, including other containers' mounts of the same volume, appear in the
/// container. That is how mounts of one namespace leak into another (runc's
/// CVE-2025-52881 needed exactly this footprint). A host mount that is a slave of the
/// target mount's group (`master:N` on the host) is reported too: events still flow from
/// the container to the host.
///
/// - Default severity: error.
/// - Exceptions: none. Every mount is judged on its own (no folding), so a shared volume
///   and a mount received into it are two findings.
/// - Blind spots: needs the host table read at the same time as the target's (offline,
///   peer-group numbers freed and reused between the two reads would be false matches, and
///   missed ones the other way). Only the host reference is compared: a group shared with
///   another container and not with the host is `propagation.shared`'s.
struct PropagationHostPeerRule: Rule {
  let metadata = RuleMetadata(
    id: "propagation.host-peer", severity: .error,
    summary: "a target mount is in a peer group (shared:N) that a host mount is also in: "
      + "mounts flow both ways",
    explanation: """
      Reads the shared:N tag of every visible mount of the target and looks in the host's table \
      for mounts in the same peer group N. It also fires when a host mount is a slave of that \
      group (master:N on the host side), since events still flow from the container to the host. \
      Each mount is judged on its own: a shared volume and a mount received into it are two \
      findings.
      """,
    rationale: """
      Mounts of one peer group receive each other's mount and unmount events. A mount made in the \
      container appears on the host, where it can cover host paths and outlive the container; a \
      mount the host makes (another container's volume, a disk attached later) appears in the \
      container. A racing container with shared mounts is how CVE-2025-52881 redirected runc's \
      writes into other procfs files.
      """,
    remediation: "Make the mount private or a slave (rprivate or rslave in the OCI mount "
      + "options, no :shared or :rshared bind option, no Bidirectional mountPropagation).",
    references: [
      "OCI runtime spec: Linux container configuration, rootfs mount propagation",
      "CIS Docker Benchmark: Ensure mount propagation mode is not set to shared",
      "Linux kernel: Documentation/filesystems/sharedsubtree.rst",
      "CVE-2025-52881",
    ],
    blindSpots: [
      """
      Peer-group numbers compare only between tables read at the same time on one machine: \
      against a host table saved at another time, freed and reused numbers give false matches \
      and hide real ones.
      """,
      """
      Only the host reference is compared: a group shared with another container and not with \
      the host is propagation.shared's, a note.
      """,
    ],
    requirements: [.hostTable],
    foldsNestedMounts: false)

  func check(_ context: AuditContext) -> [Finding] {
    let host = context.hostPeerGroups
    return context.visibleMounts.compactMap { mount in
      guard let group = mount.propagation.peerGroup else { return nil }
      let peers = host.members(of: group)
      if !peers.isEmpty {
        let message =
          "'\(mount.mountPoint)' is in peer group \(group) with the host's "
          + "\(HostPeerGroups.describe(peers)): mounts propagate both ways"
        return finding(message, mount: mount, in: context)
      }
      let slaves = host.slaves(of: group)
      guard !slaves.isEmpty else { return nil }
      let message =
        "'\(mount.mountPoint)' is in peer group \(group), of which the host's "
        + "\(HostPeerGroups.describe(slaves)) is a slave: mounts made in the container "
        + "reach the host"
      return finding(message, mount: mount, in: context)
    }
  }
}
