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
    remediation: "Mount sysfs read-only (the runtime default); do not run the container "
      + "privileged or bind the host's /sys read-write.",
    references: [
      "OCI runtime spec: Linux container configuration, default filesystems",
      "CIS Docker Benchmark: Ensure that privileged containers are not used",
    ])

  func check(_ context: AuditContext) -> [Finding] {
    context.visibleMounts.compactMap { mount in
      guard mount.filesystemType == "sysfs", mount.isWritable else { return nil }
      let message = "sysfs '\(mount.root)' is writable at '\(mount.mountPoint)'"
      return finding(message, mount: mount, in: context)
    }
  }
}
