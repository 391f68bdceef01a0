/// `rootfs.writable`: the container's root filesystem is writable.
///
/// Checks the per-mount options of the visible mount at `/`. A writable root lets a
/// compromised process change the image's binaries and configuration for as long as the
/// container lives, and gives it somewhere to stage tools; a read-only root with explicit
/// writable volumes and tmpfs mounts makes every writable place a reviewed decision. Most
/// images expect a writable root, so the baseline only notes it; the `strict` profile
/// raises it to a warning.
///
/// - Default severity: note (warning in `--profile strict`).
/// - Exceptions: none. Writable mounts below `/` (volumes, tmpfs) are not this rule's
///   concern; `host.bind` lists the ones that come from the host.
/// - Blind spots: only the per-mount `ro` flag counts, as everywhere in mountaudit; a root
///   on a filesystem that is read-only at the superblock or by its nature (squashfs) is
///   reported although nothing can write to it. A table with no mount at `/` gives nothing.
struct RootfsWritableRule: Rule {
  let metadata = RuleMetadata(
    id: "rootfs.writable", severity: .note,
    summary: "the container's / is writable",
    explanation: """
      Fires when the visible mount at / lacks the ro per-mount option. It is a note under the \
      default profile and a warning under --profile strict. Writable volumes and tmpfs mounts \
      below / are not its concern.
      """,
    rationale: """
      A writable root lets a compromised process replace the image's binaries and configuration \
      for as long as the container runs, and gives it a place to stage tools. A read-only root \
      with explicit writable volumes makes every writable place a reviewed decision. Most images \
      expect to write to their root, so the baseline only notes it.
      """,
    remediation: "Mount the root filesystem read-only (OCI root.readonly, docker run "
      + "--read-only, readOnlyRootFilesystem in Kubernetes) and give the workload tmpfs "
      + "mounts or volumes where it must write.",
    references: [
      "OCI runtime spec: Root (readonly)",
      "CIS Docker Benchmark: Ensure that the container's root filesystem is mounted as read only",
    ],
    blindSpots: [
      """
      Only the per-mount ro flag counts: a root on a filesystem that is read-only by nature \
      (squashfs, erofs) or at the superblock is reported although nothing can write to it.
      """,
      "A table with no mount at / gives nothing.",
    ])

  func check(_ context: AuditContext) -> [Finding] {
    guard let root = context.target.visibleMount(at: "/"), root.isWritable else { return [] }
    let message =
      "the root filesystem at '/' (\(root.filesystemType) from '\(root.source)') is writable"
    return [finding(message, mount: root, in: context)]
  }
}
