/// `host.sensitive-path`: a sensitive directory of the host is exposed in the container.
///
/// Judges each visible mount by its host paths (`AuditContext.hostPaths(of:)`, with
/// `/var/run` read as `/run` and `/lib/modules` as `/usr/lib/modules`), not by its mount
/// point: host `/etc` bound at `/data` is still host `/etc`. The sensitive paths are `/`,
/// `/etc`, `/root`, `/home`, `/boot`, `/usr`, `/usr/lib/modules`, `/var`, `/var/lib`,
/// `/var/lib/kubelet`, `/etc/kubernetes`, `/var/lib/docker`, `/var/lib/containerd` and
/// `/sys/fs/cgroup`, and those the policy's `sensitivePaths` adds. They
/// hold the host's credentials and configuration (a writable `/etc` or `/root` is root on
/// the host), its kernel and modules, every container's files and secrets, and the cgroup
/// tree whose `release_agent` the kernel runs as host root (CVE-2022-0492). Exactly one of
/// them is an error, and so is a directory that holds one (host `/usr/lib` holds
/// `/usr/lib/modules`); a path below one is a warning naming the closest one, except below
/// `/`, `/home`, `/usr`, `/var` and `/var/lib`, which only count exactly (everything is
/// below them). Paths are compared component by component: `/etcfoo` is not below `/etc`.
///
/// - Default severity: error; warning below a sensitive path.
/// - Exceptions (`ExpectedHostMounts`): the container's own root filesystem, unless its
///   host side is exactly a sensitive path (the host's `/` itself); runtime-provided files
///   and `/dev/shm` tmpfs mounts from a runtime's state directory, pod volumes and Docker
///   volumes; the container's own cgroup mounts at its
///   `/sys/fs/cgroup`; kernel filesystems judged by instance (procfs, sysfs, devtmpfs,
///   devpts, mqueue, `host.kernel-fs`); below a sensitive path, a bind the policy's
///   `expectedBinds` names. A runtime socket below a sensitive path is
///   `host.runtime-socket`'s alone; a sensitive directory that also holds sockets (host `/`)
///   is reported by both rules.
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
      own cgroup, and runtime sockets below a sensitive path (host.runtime-socket's; a sensitive \
      directory that holds sockets, such as the host's /, is reported by both rules). Mounts \
      below a reported one are folded into its finding.
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
    /// How the host path relates to the sensitive path.
    enum Relation: Hashable, Sendable {
      /// It is the sensitive path (an error).
      case exact
      /// It is a directory above the sensitive path (an error).
      case holding
      /// It lies below the sensitive path (a warning).
      case below
    }

    /// The host path that reaches it, as the host spells it.
    var hostPath: ByteString
    /// The entry of the sensitive list it is, holds, or lies below.
    var sensitivePath: ByteString
    /// How the two relate.
    var relation: Relation

    /// The severity the rule gives it.
    var severity: Severity { relation == .below ? .warning : .error }

    /// What the host path is, for messages: `a sensitive host path`.
    var what: String {
      switch relation {
      case .exact: "a sensitive host path"
      case .holding: "which holds the sensitive '\(sensitivePath)'"
      case .below: "below the sensitive '\(sensitivePath)'"
      }
    }
  }

  /// The sensitive host paths, canonical spelling.
  static let sensitivePaths: [ByteString] = [
    "/", "/etc", "/root", "/home", "/boot", "/usr", "/usr/lib/modules", "/var", "/var/lib",
    "/var/lib/kubelet", "/etc/kubernetes", "/var/lib/docker", "/var/lib/containerd",
    "/sys/fs/cgroup",
  ]

  /// The sensitive paths with their spellings, worked out once.
  private static let spelledSensitivePaths = sensitivePaths.map(spelled)

  private static let longestSpelling = longestSpelling(of: spelledSensitivePaths)

  private static func longestSpelling(
    of spelled: [(path: ByteString, spellings: [ByteString])]
  ) -> Int {
    spelled.flatMap(\.spellings).map(\.bytes.count).max() ?? 0
  }

  private static func spelled(_ path: ByteString) -> (path: ByteString, spellings: [ByteString]) {
    (path, path.hostSpellings)
  }

  /// Sensitive paths whose subdirectories are not sensitive for being below them.
  static let exactOnly: Set<ByteString> = ["/", "/home", "/usr", "/var", "/var/lib"]

  func check(_ context: AuditContext) -> [Finding] {
    return context.visibleMounts.compactMap { mount in
      guard let exposure = Self.exposure(of: mount, in: context) else { return nil }
      let access = mount.isWritable ? "read-write" : "read-only"
      let message =
        "'\(mount.mountPoint)' exposes the host's '\(exposure.hostPath)', \(exposure.what), "
        + access
      return finding(message, mount: mount, in: context, severity: exposure.severity)
    }
  }

  /// The sensitive host path `mount` exposes, if any: an exact match or a directory holding
  /// one before a path below one, then the resolver's host-side path before the others.
  static func exposure(of mount: MountEntry, in context: AuditContext) -> Exposure? {
    guard !ExpectedHostMounts.isJudgedByInstance(mount), !ExpectedHostMounts.isOwnCgroup(mount)
    else { return nil }
    let exposures = context.hostSideVerdict(of: mount).sensitive
    if let exposure = exposures.first(where: { $0.relation != .below }) { return exposure }
    // The container's own root lies below a sensitive path (its bundle); a socket, or a
    // directory of sockets, below a sensitive path is the socket rule's.
    guard !exposures.isEmpty, !ExpectedHostMounts.isContainerRoot(mount),
      HostRuntimeSocketRule.exposure(of: mount, in: context) == nil
    else { return nil }
    return exposures.first { exposure in
      ExpectedHostMounts.reason(for: mount, hostPath: exposure.hostPath) == nil
        && !context.profile.expectsBind(mount, hostPath: exposure.hostPath)
    }
  }

  /// How each of a mount's host paths relates to the sensitive paths, for those that do,
  /// in path order; `HostSideVerdict` keeps them per filesystem and root.
  static func exposures(amongHostPaths paths: [ByteString], profile: Profile) -> [Exposure] {
    paths.compactMap { classify($0, extra: profile.sensitivePaths) }
  }

  /// How `path` relates to the sensitive paths (the built-in ones and `extra`): is one,
  /// holds one, or lies below one that counts below itself.
  private static func classify(_ path: ByteString, extra: [ByteString]) -> Exposure? {
    let canonical = path.canonicalHostPath
    let listed = extra.isEmpty ? sensitivePaths : sensitivePaths + extra.map(\.canonicalHostPath)
    if let exact = listed.first(where: { $0 == canonical }) {
      return Exposure(hostPath: path, sensitivePath: exact, relation: .exact)
    }
    let spelled = extra.isEmpty ? spelledSensitivePaths : spelledSensitivePaths + extra.map(spelled)
    // A directory holds only longer paths: a long host path (most are) holds none of them.
    let longest = extra.isEmpty ? longestSpelling : longestSpelling(of: spelled)
    let held =
      min(path.bytes.count, canonical.bytes.count) >= longest
      ? [] : spelled.filter { path.holds(spelledAs: $0.spellings) }.map(\.path)
    if let closest = held.min(by: { ($0.components.count, $0) < ($1.components.count, $1) }) {
      return Exposure(hostPath: path, sensitivePath: closest, relation: .holding)
    }
    let enclosing = listed.filter {
      canonical.isStrictlyBelow($0) && !exactOnly.contains($0)
    }
    guard let closest = enclosing.max(by: { $0.bytes.count < $1.bytes.count }) else {
      return nil
    }
    return Exposure(hostPath: path, sensitivePath: closest, relation: .below)
  }
}
