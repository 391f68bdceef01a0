/// `proc.readonly-missing`: a procfs path that runtimes make read-only is writable.
///
/// Runtimes bind `/proc/bus`, `/proc/fs`, `/proc/irq`, `/proc/sys` and
/// `/proc/sysrq-trigger` read-only onto themselves (the profile's read-only paths): through them
/// a privileged process could set host-wide sysctls (`kernel.core_pattern` runs a host
/// command as root) or crash the host with sysrq. The rule reports three things:
/// - a path of the list whose visible mount (the one whose mount point is the longest
///   prefix of it) is writable; existence is judged as for `proc.mask-missing`: live, an
///   error only for a path the kernel has; offline, an error per path when the table makes
///   none of them read-only, a note per path when it makes some;
/// - a writable procfs mount whose root lies at or below one of them, a protected file
///   re-exposed under another name (CVE-2025-31133 left `core_pattern` writable at
///   `/proc/kcore`);
/// - a writable procfs mount outside `/proc` whose tree still shows one of them writable
///   (a whole procfs at `/host/proc` or where a `/proc` symlink led, CVE-2019-19921).
///
/// - Default severity: error (note offline, as above).
/// - Exceptions: paths the running kernel does not have (live audits only). A writable
///   procfs at exactly `/proc/sys/net` with root `/sys/net` or below (LXC's `proc:mixed`
///   binds it so) shows the network sysctls of the namespace of whoever opens it, which are
///   per network namespace: no finding when the target's network namespace
///   (`/proc/<pid>/ns/net`) differs from the host reference's, an error naming the shared
///   namespace when it is the same, and a note when either is unknown (offline, an
///   unreadable link, `--host FILE`). Any other writable path under `/proc/sys` is an error.
/// - Blind spots: "writable" is the per-mount `ro` flag; a sysctl that the kernel refuses
///   to a container's user namespace is still reported. When `/proc` is not procfs
///   (`proc.missing`), the paths below it are reported too: nothing protects them. The
///   host's network namespace is PID 1's, or the auditor's own where PID 1's link is
///   unreadable, so an auditor run inside a container compares with its own.
struct ProcReadonlyMissingRule: Rule {
  let metadata = RuleMetadata(
    id: "proc.readonly-missing", severity: .error,
    summary: "/proc/bus, /proc/fs, /proc/irq, /proc/sys or /proc/sysrq-trigger is writable "
      + "(a procfs /proc/sys/net: error in the host's network namespace, note when unknown)",
    explanation: """
      Checks the profile's read-only paths (by default /proc/bus, /proc/fs, /proc/irq, /proc/sys \
      and /proc/sysrq-trigger) three ways: the visible mount that serves each path must be \
      read-only; no writable procfs mount may have its root at or below one of them (a protected \
      file re-exposed under another name); and no writable procfs mount outside /proc may show one \
      of them without a read-only bind. Whether the kernel has a path is judged as for \
      proc.mask-missing. A writable /proc/sys/net from procfs (LXC's proc:mixed) is accepted when \
      the target has a network namespace of its own, an error when it shares the host's, and a \
      note when that cannot be told (a plain file, --host FILE, an unreadable link).
      """,
    rationale: """
      Through /proc/sys a process sets host-wide kernel parameters: kernel.core_pattern makes the \
      host run a program as root when a process crashes, and others change the kernel's behaviour \
      for every container. /proc/sysrq-trigger can crash or reboot the host, and /proc/irq and \
      /proc/bus reach hardware. Runtimes bind these paths read-only onto themselves; \
      CVE-2025-31133 and CVE-2019-19921 left them writable under other names.
      """,
    remediation: "Keep the runtime's default readonlyPaths (do not run privileged or clear "
      + "them), and bind procfs files nowhere else read-write.",
    references: [
      "OCI runtime spec: Linux container configuration, readonly paths",
      "CIS Docker Benchmark: Ensure that privileged containers are not used",
      "CIS Docker Benchmark: Ensure that the host's network namespace is not shared",
      "CVE-2025-31133",
      "CVE-2019-19921",
    ],
    blindSpots: [
      """
      Writable means the per-mount ro flag is absent: a sysctl the kernel refuses to the \
      container's user namespace is still reported.
      """,
      """
      The host's network namespace is PID 1's, or mountaudit's own where PID 1's link is \
      unreadable; run from inside a container, mountaudit compares with that container.
      """,
    ])

  private static let proc: ByteString = "/proc"

  func check(_ context: AuditContext) -> [Finding] {
    var findings: [Finding] = []
    var reportedLines: Set<Int> = []
    for mount in context.visibleMounts where mount.filesystemType == "proc" {
      guard mount.isWritable, var message = Self.reExposure(by: mount, in: context) else {
        continue
      }
      if Self.showsNetworkSysctls(mount) {
        guard let namespaces = context.networkNamespaces else {
          let note =
            "procfs '\(mount.root)' is writable at '/proc/sys/net'; network sysctls are per "
            + "network namespace, and whether the target has its own could not be checked"
          findings.append(finding(note, mount: mount, in: context, severity: .note))
          continue
        }
        guard namespaces.isShared else { continue }
        message +=
          "; network namespace \(namespaces.target) is the host's "
          + "(\(namespaces.hostDescription))"
      }
      findings.append(finding(message, mount: mount, in: context))
      reportedLines.insert(mount.line)
    }

    let paths = context.profile.readOnlyPaths
    let serving = paths.map { context.target.visibleMount(containing: $0) }
    let protectedCount = serving.filter { $0?.isReadOnly == true }.count
    for (path, mount) in zip(paths, serving) {
      guard let mount, mount.isWritable, !reportedLines.contains(mount.line),
        let severity = BaselinePaths.severityOfMissing(
          path, protectedCount: protectedCount, kernelPaths: context.kernelPaths)
      else { continue }
      let message = Self.message(path, through: mount, severity: severity, context: context)
      findings.append(finding(message, path: path, severity: severity))
    }
    return findings
  }

  /// Whether `mount` is procfs's network sysctls at exactly `/proc/sys/net`, whose entries
  /// belong to the network namespace of the process that opens them.
  private static func showsNetworkSysctls(_ mount: MountEntry) -> Bool {
    mount.mountPoint == "/proc/sys/net" && mount.root.isAtOrBelow("/sys/net")
  }

  /// Why a writable procfs mount exposes a protected path, or `nil` when it does not.
  private static func reExposure(by mount: MountEntry, in context: AuditContext) -> String? {
    let roots = context.profile.readOnlyProcfsRoots
    if let protected = roots.first(where: { mount.root.isAtOrBelow($0) }) {
      return "procfs '\(mount.root)' is writable at '\(mount.mountPoint)', re-exposing the "
        + "read-only path '/proc\(protected)'"
    }
    guard mount.mountPoint != "/proc" else { return nil }
    let exposed = roots.filter { root in
      guard root.isStrictlyBelow(mount.root) else { return false }
      if let kernelPaths = context.kernelPaths,
        !kernelPaths.contains(Self.proc.appending(remainder: root))
      {
        return false
      }
      let path = mount.mountPoint.appending(remainder: root.remainder(below: mount.root))
      return context.target.visibleMount(containing: path)?.line == mount.line
    }
    guard !exposed.isEmpty else { return nil }
    let names = exposed.map { "'/proc\($0)'" }.joined(separator: ", ")
    return "procfs '\(mount.root)' is writable at '\(mount.mountPoint)' and exposes "
      + "\(names) there without read-only binds"
  }

  private static func message(
    _ path: ByteString, through mount: MountEntry, severity: Severity, context: AuditContext
  ) -> String {
    let through = "writable through \(mount.filesystemType) at '\(mount.mountPoint)'"
    if severity == .note {
      return "'\(path)' is \(through); whether this kernel has it could not be checked "
        + "offline"
    }
    if context.kernelPaths != nil {
      return "'\(path)' exists on this kernel and is \(through)"
    }
    return "'\(path)' is \(through), and the table makes none of the read-only paths "
      + "read-only"
  }
}
