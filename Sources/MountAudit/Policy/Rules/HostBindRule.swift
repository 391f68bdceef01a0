/// `host.bind`: a host path is bind-mounted into the container (a volume).
///
/// Lists every visible mount whose filesystem the host also has mounted and that no other
/// rule accounts for, with its host-side path, so that a reviewer sees each way the
/// container reaches the host's files. A Docker or podman volume is listed under its name.
/// None of these is wrong on its own, hence a note; the dangerous ones have their own rules.
///
/// - Default severity: note.
/// - Exceptions (`ExpectedHostMounts`): the container's own root filesystem, runtime-provided
///   files and the `/dev/shm` tmpfs a runtime mounts in its state directory, pod volumes
///   (including service-account and secret tmpfs mounts), the container's own cgroup
///   mounts, kernel filesystems judged by instance, and the binds the policy's
///   `expectedBinds` names (matched on the host-side path the finding would show). A mount
///   that `host.runtime-socket` or `host.sensitive-path` reports is not listed again, nor any
///   mount below one of those (the submounts of a host `/` bound at `/host`) or below the
///   host's own instance of a kernel filesystem (the host's `/proc` tree, judged by
///   `proc.host-instance`). Mounts below a listed one are folded into its finding.
/// - Blind spots: needs the host table; a filesystem the host does not show (a device
///   mounted only in the container, a fresh tmpfs) is not a host path and is not listed.
///   The host side is the host's path at audit time; a host directory renamed or unmounted
///   since the container started may be shown under its new name or not at all.
struct HostBindRule: Rule {
  let metadata = RuleMetadata(
    id: "host.bind", severity: .note,
    summary: "any other host path is bind-mounted in (volumes)",
    explanation: """
      Lists every visible mount whose filesystem the host also has mounted and that no other rule \
      accounts for, with its host-side path and whether it is read-write; Docker and podman \
      volumes are named as such. Not listed: the container's own root filesystem, files and the \
      /dev/shm tmpfs a runtime provides from its state directory, Kubernetes pod volumes and \
      secrets, the container's own cgroup, kernel filesystems (their own rules judge them), mounts \
      reported as a runtime socket or a sensitive path and everything below those, and mounts \
      below a listed one (folded into its finding).
      """,
    rationale: """
      Each bind lets the container read the host's files, and change them where it is read-write; \
      a directory shared by two containers lets one reach the other's data. None of this is wrong \
      on its own, so each is a note, listed so that a reviewer sees every way into the host's \
      files and can check that it is meant.
      """,
    remediation: "Check that the workload needs this host path, mounted read-only where it "
      + "only reads; prefer named volumes to host directories.",
    references: [
      "OCI runtime spec: Mounts",
      "Kubernetes Pod Security Standards (Baseline): HostPath Volumes",
    ],
    blindSpots: [
      """
      A filesystem the host does not show (a device mounted only in the container, a fresh \
      tmpfs) has no host path and is not listed.
      """,
      """
      The host-side path is the host's at audit time: a host directory renamed or unmounted \
      since the container started is shown under its new name, or not at all.
      """,
    ],
    requirements: [.hostTable])

  func check(_ context: AuditContext) -> [Finding] {
    let mounts = context.visibleMounts
    var reportedElsewhere: Set<ByteString> = []
    for mount in mounts where Self.isReportedElsewhere(mount, in: context) {
      reportedElsewhere.insert(mount.mountPoint)
    }
    let reportedLengths = PathLengths(reportedElsewhere)
    return mounts.compactMap { mount in
      guard
        !Self.lies(
          at: mount.mountPoint, orBelowAnyOf: reportedElsewhere, lengths: reportedLengths),
        !ExpectedHostMounts.isContainerRoot(mount), !ExpectedHostMounts.isOwnCgroup(mount),
        !ExpectedHostMounts.isJudgedByInstance(mount),
        let hostPath = context.hostPaths(of: mount).first
      else { return nil }
      if context.profile.expectsBind(mount, hostPath: hostPath) { return nil }
      let access = mount.isWritable ? "read-write" : "read-only"
      switch ExpectedHostMounts.reason(for: mount, hostPath: hostPath) {
      case .runtimeFile, .runtimeSharedMemory, .podVolume:
        return nil
      case .volume(let runtime, let name):
        let message =
          "'\(mount.mountPoint)' is the \(runtime) volume '\(name)' "
          + "('\(hostPath)'), \(access)"
        return finding(message, mount: mount, in: context)
      case nil:
        let message = "'\(mount.mountPoint)' exposes the host's '\(hostPath)', \(access)"
        return finding(message, mount: mount, in: context)
      }
    }
  }

  /// Whether another rule reports `mount` with the host's tree under it: a runtime socket,
  /// a sensitive path, or the host's instance of a kernel filesystem.
  private static func isReportedElsewhere(_ mount: MountEntry, in context: AuditContext)
    -> Bool
  {
    if ExpectedHostMounts.isJudgedByInstance(mount) {
      return !context.hostPaths(of: mount).isEmpty
    }
    return HostRuntimeSocketRule.exposure(of: mount, in: context) != nil
      || HostSensitivePathRule.exposure(of: mount, in: context) != nil
  }

  /// Whether `path` is one of `mountPoints` or lies below one of them.
  private static func lies(
    at path: ByteString, orBelowAnyOf mountPoints: Set<ByteString>, lengths: PathLengths
  ) -> Bool {
    if lengths.contains(path.bytes.count), mountPoints.contains(path) { return true }
    return path.ancestorLengths.contains { length in
      lengths.contains(length) && mountPoints.contains(path.prefix(length: length))
    }
  }
}
