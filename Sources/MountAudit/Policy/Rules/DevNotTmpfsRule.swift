/// `dev.not-tmpfs`: the top mount at `/dev` is not a tmpfs.
///
/// Runtimes give each container a fresh tmpfs at `/dev` holding only the default device
/// nodes. Anything else there is either the host's devtmpfs (every host device) or a
/// directory of the image or of a volume, whose device nodes the container chose.
///
/// - Default severity: error.
/// - Exceptions: none.
/// - Blind spots: nothing visible at `/dev` is reported too, though a rootfs mounted
///   `nodev` makes the image's nodes unusable; the `nodev` flag is not weighed. What the
///   tmpfs holds is not visible in mountinfo, except for nodes bind-mounted into it
///   (`dev.unexpected-node`).
struct DevNotTmpfsRule: Rule {
  let metadata = RuleMetadata(
    id: "dev.not-tmpfs", severity: .error,
    summary: "the top mount at /dev is not a tmpfs",
    explanation: """
      Fires when nothing is visible at /dev, or when the top mount there is not a tmpfs (the \
      host's devtmpfs, a bind of a directory, a volume), naming what is there instead.
      """,
    rationale: """
      Runtimes give each container a fresh tmpfs at /dev holding only the default device nodes. \
      Anything else is either the host's devtmpfs, with a node for every host device, or a \
      directory of the image or of a volume, whose device nodes whoever built it chose.
      """,
    remediation: "Let the runtime mount a fresh tmpfs at /dev; pass single devices with "
      + "--device instead of binding the host's /dev.",
    references: [
      "OCI runtime spec: Linux container configuration, default devices",
      "CIS Docker Benchmark: Ensure that host devices are not directly exposed to containers",
    ],
    blindSpots: [
      """
      The nodev flag is not weighed: an image's /dev on a root filesystem mounted nodev is \
      reported although its nodes cannot be opened.
      """,
      """
      What a tmpfs at /dev holds is not in mountinfo, apart from nodes bound into it \
      (dev.unexpected-node).
      """,
    ])

  func check(_ context: AuditContext) -> [Finding] {
    guard let top = context.target.visibleMount(at: "/dev") else {
      return [finding("no mount is visible at /dev", path: "/dev")]
    }
    guard top.filesystemType == "tmpfs" else {
      let message =
        "the top mount at /dev is \(top.filesystemType) from '\(top.source)' "
        + "(root '\(top.root)'), not a tmpfs"
      return [finding(message, mount: top, in: context)]
    }
    return []
  }
}
