/// `host.hidden-leak`: a runtime socket, a sensitive host path or a host device is mounted
/// in the container but hidden under another mount.
///
/// The other rules judge what processes can reach now: visible mounts. A leak hidden under
/// a later mount (a socket bound at `/var/run/docker.sock`, then a tmpfs on `/var/run`) is
/// out of reach only as long as the cover stays: a process allowed to unmount
/// (`CAP_SYS_ADMIN` in the container's user namespace, as in a privileged container) takes
/// the cover off and reaches the host.
///
/// - Default severity: warning (the leak is real, reaching it needs one more privilege).
/// - Exceptions: what `host.runtime-socket` and `host.sensitive-path` accept on visible
///   mounts (the container's own root, runtime-provided files, its cgroups); a devtmpfs
///   mounted `nodev` (bubblewrap's `--ro-bind / /` brings the host's `/dev` that way, under
///   its own): its device nodes cannot be opened.
/// - Blind spots: only sockets, sensitive paths and devtmpfs binds (a host device node other
///   than the default ones, or the host's whole `/dev`) are looked for under covers; a
///   hidden host procfs or kernel filesystem is not reported. Sockets and sensitive paths
///   need the host's table.
struct HostHiddenLeakRule: Rule {
  let metadata = RuleMetadata(
    id: "host.hidden-leak", severity: .warning,
    summary: "a runtime socket, sensitive host path or host device is hidden under a mount",
    explanation: """
      Looks at the mounts the other rules leave alone: those hidden under a later mount. A hidden \
      mount is reported when host.runtime-socket or host.sensitive-path would report it if it were \
      visible, and when it is a devtmpfs without nodev that brings the host's whole /dev or a \
      device node other than the default ones. The message names the mount that covers it.
      """,
    rationale: """
      A cover hides a leak only from processes that cannot unmount it. A process with \
      CAP_SYS_ADMIN in the container's user namespace (a privileged container, or one given that \
      capability) unmounts the cover and reaches the socket, host directory or device below, so \
      the leak is real though one privilege away.
      """,
    remediation: "Remove the hidden mount itself: covering a leak with another mount does "
      + "not close it for a process that can unmount the cover.",
    references: [
      "CIS Docker Benchmark: Ensure that the Docker socket is not mounted inside any containers",
      "CIS Docker Benchmark: Ensure sensitive host system directories are not mounted on "
        + "containers",
    ],
    blindSpots: [
      """
      Only runtime sockets, sensitive host paths and devtmpfs binds are looked for under covers; \
      a hidden host procfs or kernel filesystem is not reported.
      """,
      "Without the host's table only socket names and devtmpfs binds can be judged.",
      """
      Whether the container can unmount the cover (its capabilities, seccomp filter and LSM \
      policy) is not known to mountaudit.
      """,
    ],
    requirements: [])

  func check(_ context: AuditContext) -> [Finding] {
    let tree = context.target
    return tree.entries.indices.compactMap { index in
      guard !tree.isVisible[index] else { return nil }
      let mount = tree.entries[index]
      let leak: (hostPath: ByteString, what: String)
      if let socket = HostRuntimeSocketRule.exposure(of: mount, in: context) {
        leak = (socket.hostPath ?? mount.root, socket.kind)
      } else if let path = HostSensitivePathRule.exposure(of: mount, in: context) {
        leak = (path.hostPath, path.what)
      } else if mount.filesystemType == "devtmpfs", !mount.mountOptions.contains("nodev"),
        mount.root == "/"
          || !DevUnexpectedNodeRule.isDefaultNode(mount.root, at: mount.mountPoint)
      {
        leak = (mount.root, "host devtmpfs \(mount.device)")
      } else {
        return nil
      }
      var cover = ""
      if let visible = tree.visibleMount(containing: mount.mountPoint) {
        cover = " under '\(visible.mountPoint)' (mount \(visible.id))"
      }
      return finding(
        "'\(mount.mountPoint)' exposes the host's '\(leak.hostPath)' (\(leak.what)), hidden"
          + "\(cover): a process that can unmount the cover reaches it", mount: mount,
        in: context)
    }
  }
}
