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
    remediation: "Mount a fresh procfs at /proc after every volume, and do not let an image "
      + "volume or a symlink take its place.",
    references: [
      "OCI runtime spec: Linux container configuration, default filesystems",
      "CVE-2019-16884", "CVE-2019-19921",
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
