/// `proc.missing`: nothing is visible at `/proc`, or the top mount there is not procfs.
///
/// Runtimes mount a fresh procfs at `/proc` for the container's PID namespace. Without one,
/// tools read whatever lies there: an image's directory tree, or a volume mounted over the
/// real procfs (CVE-2019-16884), where writes meant for `/proc/self/attr` land in files.
///
/// - Default severity: error.
/// - Exceptions: none.
/// - Blind spots: a `/proc` that is a symlink in the image cannot be seen in mountinfo; the
///   procfs it leads to shows up elsewhere (`proc.unexpected-location`).
struct ProcMissingRule: Rule {
  let metadata = RuleMetadata(
    id: "proc.missing", severity: .error,
    summary: "nothing is mounted at /proc, or the top mount there is not procfs",
    explanation: """
      Fires when no mount is visible at /proc, or when the top mount there is not procfs (a tmpfs, \
      a bind of a directory, a volume), naming what is there instead.
      """,
    rationale: """
      Runtimes mount a fresh procfs at /proc for the container's PID namespace, and tools and the \
      runtime itself rely on what they read and write there. When something else covers it, writes \
      meant for procfs land in ordinary files: CVE-2019-16884 mounted a volume over /proc so that \
      the AppArmor profile runc wrote to /proc/self/attr was never applied.
      """,
    remediation: "Mount a fresh procfs at /proc after every volume, and do not let an image "
      + "volume or a symlink take its place.",
    references: [
      "OCI runtime spec: Linux container configuration, default filesystems",
      "CVE-2019-16884",
      "CVE-2019-19921",
    ],
    blindSpots: [
      """
      A /proc that is a symlink in the image does not show in mountinfo; the procfs mounted \
      through it shows up elsewhere (proc.unexpected-location).
      """,
      """
      Whether the procfs at /proc is the container's own is proc.host-instance's question, and \
      can be answered only in part.
      """,
    ])

  func check(_ context: AuditContext) -> [Finding] {
    guard let top = context.target.visibleMount(at: "/proc") else {
      return [finding("no mount is visible at /proc", path: "/proc")]
    }
    guard top.filesystemType == "proc" else {
      let message =
        "the top mount at /proc is \(top.filesystemType) from "
        + "'\(top.source)' (root '\(top.root)'), not procfs"
      return [finding(message, mount: top, in: context)]
    }
    return []
  }
}
