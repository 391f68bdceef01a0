/// `proc.mask-invalid`: a mask over a default masked path is neither a read-only tmpfs nor
/// a bind of a null device node.
///
/// A runtime masks a file by binding `/dev/null` over it and a directory by mounting a
/// read-only tmpfs. Only two kinds of mask hide the path: a read-only tmpfs, or a bind
/// whose root is `/null` from the container's `/dev` tmpfs or from a devtmpfs (crun and
/// user-namespaced runtimes bind the host's `/dev/null`; every devtmpfs is the same
/// superblock, so its `/null` is the real null device). Anything else means the runtime
/// was tricked into binding something else: in CVE-2025-31133 the container swapped its
/// `/dev/null` for a symlink, so the "mask" was a writable bind of a procfs file such as
/// `/proc/sys/kernel/core_pattern`, a host escape.
///
/// - Default severity: error.
/// - Exceptions: none.
/// - Blind spots: mountinfo does not say what kind of file a mount's root is. A `/null`
///   that the container replaced with a regular file in its own `/dev` tmpfs passes (it
///   hides the masked path all the same, but reads and writes reach the file). Only the
///   default masked paths are checked.
struct ProcMaskInvalidRule: Rule {
  let metadata = RuleMetadata(
    id: "proc.mask-invalid", severity: .error,
    summary: "a mask is neither a read-only tmpfs nor a bind of /null from /dev or a devtmpfs",
    explanation: """
      For each masked path of the profile that has a visible mount, it checks what the mask is. \
      Two kinds are accepted: a read-only tmpfs, and a bind whose root is /null from the \
      container's /dev tmpfs or from a devtmpfs (crun and runtimes in user namespaces bind the \
      host's /dev/null, and every devtmpfs is one superblock). Anything else fires: a writable \
      tmpfs, a /null of another tmpfs, a bind of a procfs file or of any other filesystem.
      """,
    rationale: """
      A mask that is neither the null device nor a read-only tmpfs may not hide the path, and may \
      expose something worse in its place. In CVE-2025-31133 a container swapped its /dev/null for \
      a symlink while runc set up the masks, so the mask became a writable bind of a procfs file \
      such as /proc/sys/kernel/core_pattern, through which the container could make the host run a \
      program as root.
      """,
    remediation: "Upgrade the runtime to a release fixed for CVE-2025-31133 (it checks the "
      + "/dev/null it binds) and recreate the container.",
    references: [
      "OCI runtime spec: Linux container configuration, masked paths",
      "CVE-2025-31133",
    ],
    blindSpots: [
      """
      mountinfo does not say what kind of file a mount's root is: a /null that the container \
      replaced with a regular file in its own /dev tmpfs passes (the path is hidden all the \
      same, but reads and writes reach that file).
      """,
      "Only the profile's masked paths are checked.",
    ])

  func check(_ context: AuditContext) -> [Finding] {
    context.profile.maskedPaths.compactMap { path in
      guard let mask = context.target.visibleMount(at: path),
        let problem = Self.problem(with: mask, in: context)
      else { return nil }
      return finding("'\(path)' is masked by \(problem)", mount: mask, in: context)
    }
  }

  /// What is wrong with a mask, or `nil` for a good one.
  private static func problem(with mask: MountEntry, in context: AuditContext) -> String? {
    if context.isNullDevice(mask) { return nil }
    switch mask.filesystemType {
    case "tmpfs" where mask.isReadOnly:
      return nil
    case "tmpfs" where mask.root == "/null":
      return "'/null' of a tmpfs (\(mask.device)) that is not the container's /dev"
    case "tmpfs":
      return "a writable tmpfs '\(mask.root)' (\(mask.device)), not /null or a read-only "
        + "tmpfs"
    default:
      return "a bind of \(mask.filesystemType) '\(mask.root)' (\(mask.device)), not /null "
        + "or a read-only tmpfs"
    }
  }
}
