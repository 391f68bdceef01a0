/// `host.kernel-fs`: a kernel interface filesystem is mounted in the container.
///
/// Checks the type of every visible mount. debugfs, tracefs, securityfs, bpf, configfs,
/// efivarfs, pstore and binfmt_misc are windows onto the one kernel the host runs, not
/// per-container views: debugfs and tracefs expose kernel memory layout and tracing (and
/// have been escape paths), securityfs holds LSM policy, bpf pins programs and maps,
/// configfs creates kernel objects, efivarfs writes firmware variables (bricking hardware),
/// pstore holds crash logs of the host, and binfmt_misc registers interpreters that the
/// kernel runs for every namespace sharing the instance. Runtimes mount none of them.
/// fusectl only lets a process abort or throttle FUSE connections, so it is a warning.
///
/// - Default severity: error; warning for fusectl.
/// - Exceptions: none; read-only mounts are reported too (reading debugfs or pstore already
///   leaks host state), and the message says which it is.
/// - Blind spots: judged by the filesystem type only. A file of one of these filesystems
///   bind-mounted in is reported like the whole filesystem; a kernel interface reached
///   through another path (a host `/sys` bound in, with debugfs mounted below it on the
///   host) is reported at that mount by the rules for sysfs and host paths, not here. Since
///   Linux 6.7 binfmt_misc can be a per-user-namespace instance, which this rule cannot
///   tell from the host's.
struct HostKernelFsRule: Rule {
  let metadata = RuleMetadata(
    id: "host.kernel-fs", severity: .error,
    summary: "debugfs, tracefs, securityfs, bpf, configfs, efivarfs, pstore or binfmt_misc "
      + "is mounted (fusectl: warning)",
    explanation: """
      Fires for every visible mount whose filesystem type is debugfs, tracefs, securityfs, bpf, \
      configfs, efivarfs, pstore or binfmt_misc (error), or fusectl (warning). Read-only mounts \
      are reported too; the message says which it is.
      """,
    rationale: """
      These filesystems are windows onto the one kernel every container shares, not per-container \
      views. debugfs and tracefs expose kernel internals and tracing, securityfs holds the LSM \
      policy, bpf pins BPF programs and maps, configfs creates kernel objects, efivarfs writes \
      firmware variables (a bad write can brick the machine), pstore keeps the host's crash logs, \
      and binfmt_misc registers interpreters the kernel runs for every process that shares the \
      instance. Runtimes mount none of them. fusectl only lets a process abort or throttle FUSE \
      connections.
      """,
    remediation: "Remove the mount; do not run the container privileged or give it "
      + "CAP_SYS_ADMIN, which lets it mount kernel filesystems itself.",
    references: [
      "OCI runtime spec: Linux container configuration, default filesystems",
      "CIS Docker Benchmark: Ensure that privileged containers are not used",
    ],
    blindSpots: [
      """
      Judged by filesystem type only: a single file of one of these filesystems bound in is \
      reported like the whole filesystem.
      """,
      """
      Since Linux 6.7 binfmt_misc can be an instance private to a user namespace, which this \
      rule cannot tell from the host's.
      """,
    ])

  /// The kernel interface filesystems this rule reports, with the severity of each.
  static let severityByType: [String: Severity] = [
    "debugfs": .error, "tracefs": .error, "securityfs": .error, "bpf": .error,
    "configfs": .error, "efivarfs": .error, "pstore": .error, "binfmt_misc": .error,
    "fusectl": .warning,
  ]

  func check(_ context: AuditContext) -> [Finding] {
    context.visibleMounts.compactMap { mount in
      guard let severity = Self.severityByType[mount.filesystemType] else { return nil }
      let access = mount.isWritable ? "read-write" : "read-only"
      let message = "\(mount.filesystemType) is mounted at '\(mount.mountPoint)' \(access)"
      return finding(message, mount: mount, in: context, severity: severity)
    }
  }
}
