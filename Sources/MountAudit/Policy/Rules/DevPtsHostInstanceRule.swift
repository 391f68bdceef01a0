/// `dev.pts-host-instance`: a devpts is the host's instance.
///
/// Each container should get its own devpts instance (`newinstance`, the only kind since
/// Linux 4.7). A devpts with the same device number as one the host has mounted is the
/// host's: the container can open the host's terminals and type into an administrator's
/// shell.
///
/// - Default severity: error.
/// - Exceptions: none.
/// - Blind spots: needs the host's table; without it the rule is skipped. Every devpts
///   in the host's table counts as the host's, visible or stacked under another one, so a
///   container devpts that propagated into the host's namespace would be reported too.
struct DevPtsHostInstanceRule: Rule {
  let metadata = RuleMetadata(
    id: "dev.pts-host-instance", severity: .error,
    summary: "a devpts is the host's instance (same superblock)",
    remediation: "Let the runtime mount a new devpts instance at /dev/pts; do not bind the "
      + "host's /dev or /dev/pts.",
    references: [
      "OCI runtime spec: Linux container configuration, default filesystems",
      "CIS Docker Benchmark: Ensure that host devices are not directly exposed to "
        + "containers",
    ],
    requirements: [.hostTable])

  func check(_ context: AuditContext) -> [Finding] {
    guard let host = context.host else { return [] }
    var hostMounts: [DeviceNumber: MountEntry] = [:]
    for entry in host.entries where entry.filesystemType == "devpts" {
      if hostMounts[entry.device] == nil { hostMounts[entry.device] = entry }
    }
    return context.visibleMounts.compactMap { mount in
      guard mount.filesystemType == "devpts", let hostMount = hostMounts[mount.device] else {
        return nil
      }
      let message =
        "devpts at '\(mount.mountPoint)' is the host's instance "
        + "(\(mount.device), mounted on the host at '\(hostMount.mountPoint)')"
      return finding(message, mount: mount, in: context)
    }
  }
}
