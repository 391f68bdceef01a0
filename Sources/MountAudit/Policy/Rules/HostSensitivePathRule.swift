/// `host.sensitive-path`: a sensitive directory of the host is exposed in the container.
///
/// Judges each visible mount by its host paths (`AuditContext.hostPaths(of:)`, with
/// `/var/run` read as `/run` and `/lib/modules` as `/usr/lib/modules`), not by its mount
/// point: host `/etc` bound at `/data` is still host `/etc`. The sensitive paths are `/`,
/// `/etc`, `/root`, `/home`, `/boot`, `/usr`, `/usr/lib/modules`, `/var`, `/var/lib`,
/// `/var/lib/kubelet`, `/etc/kubernetes`, `/var/lib/docker`, `/var/lib/containerd` and
/// `/sys/fs/cgroup`. They
/// hold the host's credentials and configuration (a writable `/etc` or `/root` is root on
/// the host), its kernel and modules, every container's files and secrets, and the cgroup
/// tree whose `release_agent` the kernel runs as host root (CVE-2022-0492). Exactly one of
/// them is an error; a path below one is a warning naming the closest one, except below
/// `/`, `/home`, `/usr`, `/var` and `/var/lib`, which only count exactly (everything is
/// below them).
///
/// - Default severity: error; warning below a sensitive path.
/// - Exceptions (`ExpectedHostMounts`): the container's own root filesystem, unless its
///   host side is exactly a sensitive path (the host's `/` itself); runtime-provided files
///   and `/dev/shm` tmpfs mounts from a runtime's state directory, pod volumes and Docker
///   volumes; the container's own cgroup mounts at its
///   `/sys/fs/cgroup`; kernel filesystems judged by instance (procfs, sysfs, devtmpfs,
///   devpts, mqueue, `host.kernel-fs`). A runtime socket is `host.runtime-socket`'s alone.
///   Mounts below a reported one are folded into its finding.
/// - Blind spots: needs the host table, and sees only what the host has mounted; a host
///   directory reached through a filesystem the host table does not show (a disk mounted
///   only inside the container) has no host side. Sensitive directories outside the list
///   (`/opt` holding credentials, a relocated Docker root) are `host.bind` notes. A cgroup
///   hierarchy root at the container's `/sys/fs/cgroup` is taken as its own (see
///   `ExpectedHostMounts`).
struct HostSensitivePathRule: Rule {
  let metadata = RuleMetadata(
    id: "host.sensitive-path", severity: .error,
    summary: "a sensitive host path is exposed (a path below one: warning)",
    explanation: """
      Works out each visible mount's host-side paths from the host's table (host /etc bound at \
      /data is still host /etc) and compares them with a list: /, /etc, /root, /home, /boot, /usr, \
      /usr/lib/modules, /var, /var/lib, /var/lib/kubelet, /etc/kubernetes, /var/lib/docker, \
      /var/lib/containerd and /sys/fs/cgroup. A host path on the list is an error; a path below \
      one is a warning naming the closest, except below /, /home, /usr, /var and /var/lib, which \
      count only exactly. Not reported: the container's own root filesystem (unless its host side \
      is the host's / itself), files and the /dev/shm tmpfs a runtime provides from its state \
      directory, Docker and podman volumes, Kubernetes pod volumes and secrets, the container's \
      own cgroup, and runtime sockets (host.runtime-socket's). Mounts below a reported one are \
      folded into its finding.
      """,
    rationale: """
      These directories hold what the host's security rests on: its accounts and credentials (a \
      writable /etc or /root is root on the host), its kernel and modules, every container's files \
      and secrets (/var/lib/docker, /var/lib/kubelet), and the cgroup tree, whose cgroup v1 \
      release_agent the kernel runs as host root (CVE-2022-0492). Kubernetes subPath bugs \
      (CVE-2017-1002101, CVE-2021-25741) gave containers such mounts through symlinks.
      """,
    remediation: "Do not mount the host's system directories into containers; mount only "
      + "the specific data directory the workload needs, read-only where possible.",
    references: [
      "CIS Docker Benchmark: Ensure sensitive host system directories are not mounted on "
        + "containers",
      "Kubernetes Pod Security Standards (Baseline): HostPath Volumes",
      "CVE-2017-1002101",
      "CVE-2021-25741",
      "CVE-2022-0492",
    ],
    blindSpots: [
      """
      Only what the host's table shows has a host side: a directory on a filesystem the host has \
      not mounted (a disk mounted only inside the container) is not recognised.
      """,
      """
      Sensitive directories outside the list (credentials under /opt, a relocated Docker root) \
      are only host.bind notes.
      """,
      """
      A host directory reached without a mount, such as through a leaked file descriptor \
      (CVE-2024-21626), is in no mount table.
      """,
      """
      A cgroup hierarchy root mounted at the container's /sys/fs/cgroup is taken to be the \
      container's own.
      """,
    ],
    requirements: [.hostTable])

  /// A sensitive host path reached through a mount.
  struct Exposure: Hashable, Sendable {
    /// The host path that reaches it, as the host spells it.
    var hostPath: ByteString
    /// The entry of the sensitive list it is, or lies below.
    var sensitivePath: ByteString
    /// Whether the host path is the sensitive path itself.
    var isExact: Bool
  }

  /// The sensitive host paths, canonical spelling.
  static let sensitivePaths: [ByteString] = [
    "/", "/etc", "/root", "/home", "/boot", "/usr", "/usr/lib/modules", "/var", "/var/lib",
    "/var/lib/kubelet", "/etc/kubernetes", "/var/lib/docker", "/var/lib/containerd",
    "/sys/fs/cgroup",
  ]

  /// Sensitive paths whose subdirectories are not sensitive for being below them.
  static let exactOnly: Set<ByteString> = ["/", "/home", "/usr", "/var", "/var/lib"]

  func check(_ context: AuditContext) -> [Finding] {
    return context.visibleMounts.compactMap { mount in
      guard let exposure = Self.exposure(of: mount, in: context) else { return nil }
      let access = mount.isWritable ? "read-write" : "read-only"
      let what =
        exposure.isExact
        ? "a sensitive host path" : "below the sensitive '\(exposure.sensitivePath)'"
      let message =
        "'\(mount.mountPoint)' exposes the host's '\(exposure.hostPath)', \(what), "
        + access
      return finding(
        message, mount: mount, in: context, severity: exposure.isExact ? .error : .warning)
    }
  }

  /// The sensitive host path `mount` exposes, if any: an exact match before a path below
  /// one, then the resolver's host-side path before the others.
  static func exposure(of mount: MountEntry, in context: AuditContext) -> Exposure? {
    guard !ExpectedHostMounts.isJudgedByInstance(mount), !ExpectedHostMounts.isOwnCgroup(mount),
      HostRuntimeSocketRule.exposure(of: mount, in: context) == nil
    else { return nil }
    let isRoot = ExpectedHostMounts.isContainerRoot(mount)
    var below: Exposure?
    for path in context.hostPaths(of: mount) {
      guard let exposure = classify(path) else { continue }
      if exposure.isExact { return exposure }
      if isRoot { continue }
      if ExpectedHostMounts.reason(for: mount, hostPath: path) != nil {
        continue
      }
      if below == nil { below = exposure }
    }
    return below
  }

  /// Whether `path` is a sensitive path, or lies below one that counts below itself.
  private static func classify(_ path: ByteString) -> Exposure? {
    let canonical = path.canonicalHostPath
    if let exact = sensitivePaths.first(where: { $0 == canonical }) {
      return Exposure(hostPath: path, sensitivePath: exact, isExact: true)
    }
    let enclosing = sensitivePaths.filter {
      !exactOnly.contains($0) && canonical.isStrictlyBelow($0)
    }
    guard let closest = enclosing.max(by: { $0.bytes.count < $1.bytes.count }) else {
      return nil
    }
    return Exposure(hostPath: path, sensitivePath: closest, isExact: false)
  }
}
