/// `dev.pts-host-instance`: the host's devpts instance, or one of the host's terminals, is
/// visible in the container.
///
/// Each container should get its own devpts instance (`newinstance`, the only kind since
/// Linux 4.7). A devpts with the same device number as one the host has mounted is the
/// host's, and the rule judges how much of it the mount's root exposes:
/// - the whole instance (root `/`): the container can open every host terminal and type
///   into an administrator's shell;
/// - its `ptmx` (root `/ptmx`): the container can allocate new ptys of the host's instance;
/// - a single pty (root `/<n>`): that one host terminal. LXC binds host ptys so at
///   `/dev/tty1`...; the rule names the terminal in a note, since the runtime handed it over
///   on purpose and no other host terminal is reachable through it.
///
/// - Default severity: error; note for a single host pty.
/// - Exceptions: a single host pty at `/dev/console` (LXC's console) is not reported here:
///   `dev.console-invalid` reports every console that is not a pty of the container's own
///   devpts.
/// - Blind spots: needs the host's table; without it the rule is skipped. Every devpts
///   in the host's table counts as the host's, visible or stacked under another one, so a
///   container devpts that propagated into the host's namespace would be reported too.
///   Whether the process that holds the other end of a single host pty is trusted is not
///   visible in mountinfo.
struct DevPtsHostInstanceRule: Rule {
  let metadata = RuleMetadata(
    id: "dev.pts-host-instance", severity: .error,
    summary: "a devpts is the host's instance (same superblock), or a single host pty",
    explanation: """
      Compares the device number of every visible devpts mount with those of the devpts mounts in \
      the host's table; the same number is the host's instance. The whole instance (root /) and \
      its ptmx (root /ptmx) are errors. A single host pty (root /N) is a note naming the terminal, \
      since a runtime such as LXC hands ptys over that way on purpose; at /dev/console it is left \
      to dev.console-invalid.
      """,
    rationale: """
      With the host's devpts a container can open every host terminal, reading and typing into an \
      administrator's shell; with its ptmx it can allocate new terminals of the host's instance. \
      Each container should have a devpts instance of its own (newinstance, the only kind since \
      Linux 4.7).
      """,
    remediation: "Let the runtime mount a new devpts instance at /dev/pts; do not bind the "
      + "host's /dev, /dev/pts or /dev/ptmx, and give the container ptys of its own devpts.",
    references: [
      "OCI runtime spec: Linux container configuration, default filesystems",
      "CIS Docker Benchmark: Ensure that host devices are not directly exposed to containers",
    ],
    blindSpots: [
      "Needs the host's table; without it the rule is skipped.",
      """
      Every devpts in the host's table counts as the host's, so a container's own devpts that \
      propagated into the host's namespace is reported too.
      """,
      "Whether the process holding the other end of a single host pty is trusted is not visible.",
    ],
    requirements: [.hostTable])

  func check(_ context: AuditContext) -> [Finding] {
    guard let host = context.host else { return [] }
    var hostMounts: [DeviceNumber: MountEntry] = [:]
    for entry in host.entries where entry.filesystemType == "devpts" {
      if hostMounts[entry.device] == nil { hostMounts[entry.device] = entry }
    }
    return context.visibleMounts.compactMap { mount in
      guard mount.filesystemType == "devpts", let hostMount = hostMounts[mount.device] else {
        return nil
      }
      let onHost = "\(mount.device), mounted on the host at '\(hostMount.mountPoint)'"
      if DevConsoleInvalidRule.isPty(mount.root) {
        guard mount.mountPoint != "/dev/console" else { return nil }
        let terminal = context.hostPath(of: mount) ?? mount.root
        let message =
          "devpts at '\(mount.mountPoint)' is the host's terminal '\(terminal)' "
          + "(\(mount.device)), a single pty of the host's instance"
        return finding(message, mount: mount, in: context, severity: .note)
      }
      let message =
        switch mount.root {
        case "/":
          "devpts at '\(mount.mountPoint)' is the host's instance (\(onHost))"
        case "/ptmx":
          "devpts '/ptmx' at '\(mount.mountPoint)' is the host's instance's ptmx "
            + "(\(onHost)), which allocates new host ptys"
        default:
          "devpts '\(mount.root)' at '\(mount.mountPoint)' is from the host's instance "
            + "(\(onHost))"
        }
      return finding(message, mount: mount, in: context)
    }
  }
}
