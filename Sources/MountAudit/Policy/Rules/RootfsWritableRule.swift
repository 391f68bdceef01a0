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
    remediation: "Mount the root filesystem read-only (OCI root.readonly, docker run "
      + "--read-only, readOnlyRootFilesystem in Kubernetes) and give the workload tmpfs "
      + "mounts or volumes where it must write.",
    references: [
      "OCI runtime spec: Root (readonly)",
      "CIS Docker Benchmark: Ensure that the container's root filesystem is mounted as "
        + "read only",
    ])

  func check(_ context: AuditContext) -> [Finding] {
    guard let root = context.target.visibleMount(at: "/"), root.isWritable else { return [] }
    let message =
      "the root filesystem at '/' (\(root.filesystemType) from '\(root.source)') is writable"
    return [finding(message, mount: root, in: context)]
  }
}
