/// `proc.host-instance`: a procfs of the host's instance is visible in the container.
///
/// Compares the device number of every visible procfs mount with that of the host's
/// `/proc`: the same `major:minor` is the same superblock, so the container sees the host's
/// PID namespace (every host process, its command line, environment and open files) and the
/// host's `/proc/sys`. This is what binding host `/proc` into a container does, at `/proc`
/// or anywhere else (`/host/proc` under a bind of the host's `/`).
///
/// - Default severity: error.
/// - Exceptions: none. Sub-binds of the same instance (the read-only paths under a host
///   `/proc`) are folded into the finding for the mount above them.
/// - Blind spots: needs the host's table; without it the rule is skipped. Only the host's
///   visible `/proc` is the reference, so a host with no procfs at `/proc` gives nothing.
///   A different device does not prove a private PID namespace: since Linux 5.8 every
///   procfs mount gets its own superblock, so a fresh procfs mounted in the host's PID
///   namespace (`--pid=host`) is not recognised.
struct ProcHostInstanceRule: Rule {
  let metadata = RuleMetadata(
    id: "proc.host-instance", severity: .error,
    summary: "a procfs of the host's instance (the host's /proc superblock) is visible",
    explanation: """
      Compares the device number (major:minor) of every visible procfs mount with that of the \
      host's /proc: the same number is the same superblock, the host's instance. Binding the \
      host's /proc, directly or within a bind of the host's /, does that. Read-only sub-binds of \
      the same instance are folded into the finding for the mount above them.
      """,
    rationale: """
      The host's procfs shows the host's PID namespace: every host process with its command line, \
      environment and open files (with enough privilege, /proc/PID/root and /proc/PID/fd lead into \
      their files), and the host's /proc/sys. It undoes the container's PID namespace whatever its \
      configuration says.
      """,
    remediation: "Do not bind the host's /proc into the container; let the runtime mount a "
      + "fresh procfs for the container's own PID namespace.",
    references: [
      "OCI runtime spec: Linux container configuration, default filesystems",
      "CIS Docker Benchmark: Ensure that the host's process namespace is not shared",
      "CIS Docker Benchmark: Ensure sensitive host system directories are not mounted on "
        + "containers",
    ],
    blindSpots: [
      """
      Needs the host's table; without it the rule is skipped. Only the host's visible /proc is \
      the reference, so a host with no procfs at /proc gives nothing.
      """,
      """
      Since Linux 5.8 every procfs mount has a superblock of its own, so a fresh procfs mounted \
      in the host's PID namespace (--pid=host) is not recognised.
      """,
    ],
    requirements: [.hostTable])

  func check(_ context: AuditContext) -> [Finding] {
    guard let hostProc = context.host?.visibleMount(at: "/proc"),
      hostProc.filesystemType == "proc"
    else { return [] }
    return context.visibleMounts.compactMap { mount in
      guard mount.filesystemType == "proc", mount.device == hostProc.device else {
        return nil
      }
      let message =
        "procfs '\(mount.root)' at '\(mount.mountPoint)' is the host's instance "
        + "(\(mount.device), the superblock of the host's /proc)"
      return finding(message, mount: mount, in: context)
    }
  }
}
