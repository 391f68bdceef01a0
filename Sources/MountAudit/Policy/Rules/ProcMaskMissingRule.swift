/// `proc.mask-missing`: a default masked path has no mask.
///
/// Runtimes hide kernel files that leak host information or give a way to attack the host
/// (`/proc/kcore` is physical memory, `/proc/keys` the kernel keyrings, `/proc/timer_list`
/// kernel addresses, `/sys/firmware` the firmware tables) by mounting `/dev/null` or a
/// read-only tmpfs over each of the profile's masked paths. The mask must sit exactly at
/// the path and be visible; a mount further up does not count.
///
/// Runtimes skip paths the kernel does not have, so a missing mask is judged by what the
/// kernel has. Live, the auditor's own `/proc` and `/sys` say which paths exist (never
/// the container's): a missing mask is an error for a path that exists and nothing
/// otherwise. Offline, a table that masks none of the paths gets an error per path (the
/// runtime masked nothing), and one that masks some gets a note per missing path, saying
/// that whether the kernel has it could not be checked.
///
/// - Default severity: error (note offline, as above).
/// - Exceptions: paths the running kernel does not have (live audits only).
/// - Blind spots: whether a mask is good is `proc.mask-invalid`'s business; this rule only
///   asks whether something is mounted there. Paths a runtime masks beyond the default
///   list are not known to the auditor. When `/proc` is not procfs (`proc.missing`), the
///   paths below it are still reported: nothing protects them.
struct ProcMaskMissingRule: Rule {
  let metadata = RuleMetadata(
    id: "proc.mask-missing", severity: .error,
    summary: "a default masked path (/proc/kcore, /proc/keys, /sys/firmware, ...) has no mask",
    explanation: """
      For each masked path of the profile (by default /proc/acpi, /proc/asound, /proc/kcore, \
      /proc/keys, /proc/latency_stats, /proc/timer_list, /proc/timer_stats, /proc/sched_debug, \
      /proc/scsi and /sys/firmware; the docker, k8s, podman and strict profiles add \
      /sys/devices/virtual/powercap and others), it fires when no visible mount sits exactly at \
      the path; a mount further up does not count. Runtimes skip paths the kernel lacks, so a live \
      audit checks which paths exist on the running kernel, and a snapshot records it. A plain \
      file cannot tell: a table that masks none of the paths gets an error per path, one that \
      masks some gets a note per missing path.
      """,
    rationale: """
      The masked paths leak host information or offer ways to attack the host: /proc/kcore is an \
      image of the kernel's memory, /proc/keys lists kernel keyrings, /proc/timer_list and \
      /proc/sched_debug show kernel timers and the scheduler state of the whole host, \
      /sys/firmware holds firmware tables, and /sys/devices/virtual/powercap reports power \
      readings precise enough to leak secrets (CVE-2020-8694). Privileged containers, and \
      Kubernetes pods with procMount Unmasked, get none of the masks.
      """,
    remediation: "Keep the runtime's default maskedPaths (do not run privileged or clear "
      + "them); each existing path needs /dev/null or a read-only tmpfs mounted over it.",
    references: [
      "OCI runtime spec: Linux container configuration, masked paths",
      "CIS Docker Benchmark: Ensure that privileged containers are not used",
      "Kubernetes Pod Security Standards (Baseline): /proc Mount Type",
      "CVE-2020-8694",
      "CVE-2025-31133",
    ],
    blindSpots: [
      """
      Whether a mask is a good one is proc.mask-invalid's question; this rule only asks whether \
      something is mounted there.
      """,
      """
      Paths a runtime masks beyond the profile's list are unknown to mountaudit: choose the \
      profile of the runtime under test.
      """,
      """
      Offline, without a snapshot, whether the kernel has a path is guessed from the table, so a \
      missing mask may be reported only as a note.
      """,
    ])

  func check(_ context: AuditContext) -> [Finding] {
    let paths = context.profile.maskedPaths
    let maskedCount = paths.filter { context.target.visibleMount(at: $0) != nil }.count
    return paths.compactMap { path in
      guard context.target.visibleMount(at: path) == nil,
        let severity = BaselinePaths.severityOfMissing(
          path, protectedCount: maskedCount, kernelPaths: context.kernelPaths)
      else { return nil }
      return finding(
        Self.message(path, severity: severity, context: context), path: path,
        severity: severity)
    }
  }

  private static func message(
    _ path: ByteString, severity: Severity, context: AuditContext
  ) -> String {
    if severity == .note {
      return "'\(path)' is not masked; whether this kernel has it could not be checked "
        + "offline"
    }
    if context.kernelPaths != nil {
      return "'\(path)' exists on this kernel and is not masked"
    }
    return "'\(path)' is not masked, and the table masks none of the default masked paths"
  }
}
