/// `proc.unexpected-location`: the container's own procfs is also mounted outside `/proc`.
///
/// A runtime mounts procfs at `/proc` and protects it there with masks and read-only
/// sub-binds. A procfs mounted anywhere else carries none of those protections: the
/// masked files and the writable `/proc/sys` are reachable under the other name. It is
/// also the footprint of a `/proc` that was a symlink when the runtime mounted it
/// (CVE-2019-19921), where procfs lands wherever the symlink pointed.
///
/// - Default severity: warning.
/// - Exceptions: procfs mounts at or below `/proc` (the read-only sub-binds; binds over
///   masked paths are judged by `proc.mask-invalid`), and, when the host's table is
///   given, mounts of the host's instance (`proc.host-instance` reports those).
/// - Blind spots: without the host's table a host procfs outside `/proc` is reported here
///   as well, as a warning. A procfs reached through a symlink is judged by where it is
///   mounted, not by the names that lead to it.
struct ProcUnexpectedLocationRule: Rule {
  let metadata = RuleMetadata(
    id: "proc.unexpected-location", severity: .warning,
    summary: "the container's own procfs is also mounted outside /proc",
    explanation: """
      Fires for every visible procfs mount outside /proc, unless the host's table shows it is the \
      host's instance (proc.host-instance reports those). Procfs mounts at or below /proc, such as \
      the runtime's read-only binds, are not its concern.
      """,
    rationale: """
      A runtime protects procfs at /proc, with masks over sensitive files and read-only binds over \
      /proc/sys and others. A second mount elsewhere carries none of them: the masked files and \
      writable sysctls are reachable under the other name. It is also the footprint of \
      CVE-2019-19921, where /proc was a symlink when the runtime mounted procfs, which landed \
      where the symlink pointed.
      """,
    remediation: "Mount procfs only at /proc; remove the extra mount, and make sure /proc "
      + "in the image is a plain directory, not a symlink.",
    references: [
      "OCI runtime spec: Linux container configuration, default filesystems",
      "CVE-2019-19921",
      "CVE-2019-16884",
    ],
    blindSpots: [
      """
      Without the host's table, the host's own procfs mounted outside /proc is reported here as \
      a warning, not as proc.host-instance's error.
      """,
      """
      A procfs reached through a symlink is judged by where it is mounted, not by the names that \
      lead to it.
      """,
    ])

  func check(_ context: AuditContext) -> [Finding] {
    let hostDevice = context.host?.visibleMount(at: "/proc")
      .flatMap { $0.filesystemType == "proc" ? $0.device : nil }
    return context.visibleMounts.compactMap { mount in
      guard mount.filesystemType == "proc", !mount.mountPoint.isAtOrBelow("/proc"),
        mount.device != hostDevice
      else { return nil }
      let message =
        "procfs '\(mount.root)' (\(mount.device)) is mounted at "
        + "'\(mount.mountPoint)', outside /proc and its masks"
      return finding(message, mount: mount, in: context)
    }
  }
}
