/// `sys.writable`: a visible sysfs is writable.
///
/// sysfs is not namespaced beyond network devices: its files set host-wide kernel and
/// device state (power management, module parameters, firmware loading, and on kernels
/// with `CONFIG_UEVENT_HELPER` `/sys/kernel/uevent_helper`, which runs a host program as
/// root). Runtimes mount it read-only unless the container is privileged.
///
/// - Default severity: error.
/// - Exceptions: none. Mounts stacked below a reported sysfs (its cgroup tmpfs, masks)
///   are folded into its finding.
/// - Blind spots: "writable" is the per-mount `ro` flag; whether the kernel lets the
///   container's user namespace write a given file is not known. A read-only sysfs still
///   shows host hardware details; `proc.mask-missing` covers `/sys/firmware`.
struct SysWritableRule: Rule {
  let metadata = RuleMetadata(
    id: "sys.writable", severity: .error,
    summary: "a visible sysfs is writable",
    explanation: """
      Fires for every visible sysfs mount that lacks the ro per-mount option, wherever it is \
      mounted. Mounts below a reported sysfs (the cgroup tmpfs, masks) are folded into its \
      finding.
      """,
    rationale: """
      sysfs is not namespaced beyond network devices: its files set host-wide kernel and device \
      state such as power management, module parameters and firmware loading, and on kernels built \
      with CONFIG_UEVENT_HELPER, /sys/kernel/uevent_helper names a program the kernel runs as root \
      on the host. Runtimes mount it read-only unless the container is privileged.
      """,
    remediation: "Mount sysfs read-only (the runtime default); do not run the container "
      + "privileged or bind the host's /sys read-write.",
    references: [
      "OCI runtime spec: Linux container configuration, default filesystems",
      "CIS Docker Benchmark: Ensure that privileged containers are not used",
    ],
    blindSpots: [
      """
      Whether the kernel lets the container's user namespace write a given file is not known: a \
      writable sysfs in a user namespace is reported although most of its files refuse writes.
      """,
      """
      A read-only sysfs still shows host hardware details; proc.mask-missing covers \
      /sys/firmware and the profile's other masked sysfs paths.
      """,
    ])

  func check(_ context: AuditContext) -> [Finding] {
    context.visibleMounts.compactMap { mount in
      guard mount.filesystemType == "sysfs", mount.isWritable else { return nil }
      let message = "sysfs '\(mount.root)' is writable at '\(mount.mountPoint)'"
      return finding(message, mount: mount, in: context)
    }
  }
}
