/// The profiles `--profile` accepts, each with the lists its runtime applies by default.
extension Profile {
  /// The container baseline as the rules define it: the OCI runtime spec's usual lists,
  /// which are runc's defaults.
  public static let standard = Profile(
    name: "default",
    summary: "the container baseline (runc's masked and read-only paths), default severities")

  /// runc 1.1 (`runc spec`). runc 1.2 also masks `/sys/devices/virtual/powercap`; use
  /// `docker` or `strict` to require it.
  public static let runc = Profile(
    name: "runc", summary: "runc's default spec: the baseline's lists")

  /// crun 1.x (`crun spec`): the same lists as runc. crun masks files with the host
  /// devtmpfs's `null`, which `proc.mask-invalid` accepts for every profile.
  public static let crun = Profile(
    name: "crun", summary: "crun's default spec: runc's lists; files masked with devtmpfs null")

  /// Docker (moby's default spec, also used for containerd's `ctr`): runc's lists plus
  /// `/sys/devices/virtual/powercap` (CVE-2020-8694: power readings leak secrets).
  public static let docker = Profile(
    name: "docker",
    summary: "Docker's default spec: runc's lists plus /sys/devices/virtual/powercap",
    maskedPaths: BaselinePaths.masked + ["/sys/devices/virtual/powercap"])

  /// Kubernetes with containerd's CRI plugin: the same lists as Docker.
  public static let kubernetes = Profile(
    name: "k8s",
    summary: "Kubernetes on containerd (CRI): Docker's lists; pod volumes and tokens expected",
    maskedPaths: BaselinePaths.masked + ["/sys/devices/virtual/powercap"])

  /// Podman 4 (containers/common's defaults): `/proc/asound` is read-only instead of
  /// masked, and `/sys/dev/block`, `/sys/devices/virtual/powercap` and `/sys/fs/selinux`
  /// are masked too.
  public static let podman = Profile(
    name: "podman",
    summary: "Podman's defaults: /proc/asound read-only, /sys/dev/block and others masked",
    maskedPaths: [
      "/proc/acpi", "/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list",
      "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi", "/sys/firmware",
      "/sys/dev/block", "/sys/devices/virtual/powercap", "/sys/fs/selinux",
    ],
    readOnlyPaths: ["/proc/asound"] + BaselinePaths.readOnly)

  /// Hardened deployments: every path any of the runtimes above masks, and a writable root
  /// filesystem is a warning.
  public static let strict = Profile(
    name: "strict",
    summary: "hardened: every path any runtime masks; a writable root filesystem is a warning",
    maskedPaths: BaselinePaths.masked + [
      "/sys/dev/block", "/sys/devices/virtual/powercap", "/sys/fs/selinux",
    ],
    severityOverrides: ["rootfs.writable": .warning])

  /// Every built-in profile, in the order `--help` and the docs list them.
  public static let builtIn: [Profile] = [
    .standard, .runc, .crun, .docker, .podman, .kubernetes, .strict,
  ]

  /// The built-in profile called `name`.
  public static func named(_ name: String) -> Profile? {
    builtIn.first { $0.name == name }
  }
}
