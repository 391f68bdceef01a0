/// `dev.host-devtmpfs`: a devtmpfs is mounted with root `/`.
///
/// The kernel has one devtmpfs, shared by every mount of it, holding a node for every
/// device of the host: disks, memory (`/dev/mem` where it exists), input devices,
/// terminals. A container that sees its root can open any of them that the device
/// cgroup allows, and a privileged one can open all of them.
///
/// - Default severity: error.
/// - Exceptions: binds of single nodes from a devtmpfs (root other than `/`) are judged by
///   `dev.unexpected-node`.
/// - Blind spots: the device cgroup, which may still refuse the nodes, is not weighed.
struct DevHostDevtmpfsRule: Rule {
  let metadata = RuleMetadata(
    id: "dev.host-devtmpfs", severity: .error,
    summary: "a devtmpfs is mounted with root / (every host device node)",
    explanation: """
      Fires for every visible devtmpfs mount whose root is /, that is the whole instance, wherever \
      it is mounted. Binds of single nodes from a devtmpfs are dev.unexpected-node's.
      """,
    rationale: """
      The kernel has one devtmpfs, shared by all its mounts, with a node for every device of the \
      host: disks, memory devices, input devices, terminals. A container that sees it can open any \
      of them the device cgroup allows, and a privileged container all of them; raw access to the \
      host's disks is a complete escape.
      """,
    remediation: "Do not bind the host's /dev (as privileged setups with -v /dev:/dev do); "
      + "pass the devices the workload needs one by one.",
    references: [
      "OCI runtime spec: Linux container configuration, devices",
      "CIS Docker Benchmark: Ensure that host devices are not directly exposed to containers",
      "CIS Docker Benchmark: Ensure sensitive host system directories are not mounted on "
        + "containers",
    ],
    blindSpots: [
      "The device cgroup, which may still refuse the nodes, is not weighed.",
      """
      A devtmpfs mounted nodev is reported too, although its nodes cannot be opened through that \
      mount.
      """,
    ])

  func check(_ context: AuditContext) -> [Finding] {
    context.visibleMounts.compactMap { mount in
      guard mount.filesystemType == "devtmpfs", mount.root == "/" else { return nil }
      let message =
        "devtmpfs '/' from '\(mount.source)' (\(mount.device)) is mounted at "
        + "'\(mount.mountPoint)': every host device node is reachable"
      return finding(message, mount: mount, in: context)
    }
  }
}
