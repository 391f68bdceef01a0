/// `dev.unexpected-node`: a device node bound from a devtmpfs is not a default one.
///
/// Runtimes in user namespaces cannot create device nodes, so they bind the default ones
/// (`null`, `zero`, `full`, `random`, `urandom`, `tty`, `console`, `ptmx`, `fuse`,
/// `net/tun`) from the host's devtmpfs. A bind of any other devtmpfs path hands the
/// container a host device: a disk, `/dev/mem`, a GPU, an input device.
///
/// - Default severity: error.
/// - Exceptions: the default nodes above, recognised by the last component of the root
///   (`net/tun` by the last two), `console` only at `/dev/console` (where
///   `dev.console-invalid` judges it); devtmpfs with root `/` (`dev.host-devtmpfs`).
/// - Blind spots: device nodes created with mknod inside the container's own `/dev` tmpfs
///   are files, not mounts, and cannot be seen in mountinfo at all; podman --privileged and
///   docker --privileged create every host device that way, so a privileged container's
///   disks and `/dev/mem` pass unseen (its writable `/sys` and missing masks are still
///   reported). A name is not a device number: a node renamed on the host to a default
///   name passes. A bound directory of devtmpfs (`/dev/dri`) is reported like a node,
///   since mountinfo does not say which it is. Binds are judged wherever they are
///   mounted, not only under `/dev`.
struct DevUnexpectedNodeRule: Rule {
  let metadata = RuleMetadata(
    id: "dev.unexpected-node", severity: .error,
    summary: "a device node bound from a devtmpfs is not one of the default nodes",
    explanation: """
      Fires for every visible devtmpfs mount whose root is neither / nor one of the default nodes \
      runtimes bind: null, zero, full, random, urandom, tty, ptmx, fuse, net/tun, and console only \
      at /dev/console (where dev.console-invalid judges it). Nodes are recognised by the last \
      component of the root, and binds are judged wherever they are mounted.
      """,
    rationale: """
      Runtimes in user namespaces cannot create device nodes, so they bind the default ones from \
      the host's devtmpfs. A bind of any other node hands the container a host device: a disk, \
      /dev/mem, a GPU, an input device. Some are wanted (a GPU for a compute job), which is why \
      each should be a deliberate, reviewed decision.
      """,
    remediation: "Remove the bind, or pass the device deliberately with --device and a "
      + "device cgroup rule, and review why the workload needs it.",
    references: [
      "OCI runtime spec: Linux container configuration, default devices",
      "CIS Docker Benchmark: Ensure that host devices are not directly exposed to containers",
    ],
    blindSpots: [
      """
      Device nodes made with mknod inside the container's own /dev tmpfs are files, not mounts, \
      and do not show in mountinfo: docker run --privileged and podman run --privileged create \
      every host device that way, so their disks pass unseen here (their writable /sys and \
      missing masks are still reported).
      """,
      "A name is not a device number: a host node renamed to a default name passes.",
      """
      A bound devtmpfs directory (/dev/dri) is reported like a node; mountinfo does not say \
      which it is.
      """,
    ])

  /// The default nodes, by the last component of the root.
  private static let defaultNodes: Set<ByteString> = [
    "null", "zero", "full", "random", "urandom", "tty", "console", "ptmx", "fuse",
  ]

  func check(_ context: AuditContext) -> [Finding] {
    context.visibleMounts.compactMap { mount in
      guard mount.filesystemType == "devtmpfs", mount.root != "/",
        !Self.isDefaultNode(mount.root, at: mount.mountPoint)
      else { return nil }
      let message =
        "devtmpfs '\(mount.root)' (\(mount.device)) is bound at "
        + "'\(mount.mountPoint)', which is not a default device node"
      return finding(message, mount: mount, in: context)
    }
  }

  /// Whether `root` is a default node; the host's console only at `/dev/console`, where
  /// `dev.console-invalid` judges it (elsewhere it is a second way onto the host console).
  static func isDefaultNode(_ root: ByteString, at mountPoint: ByteString) -> Bool {
    if root.lastComponent == "console" { return mountPoint == "/dev/console" }
    if defaultNodes.contains(root.lastComponent) { return true }
    return root.components.suffix(2) == ["net", "tun"]
  }
}
