/// `cgroup.writable`: a cgroup filesystem is writable.
///
/// The root of a cgroup v1 hierarchy holds `release_agent`, a program the kernel runs as
/// root on the host when a cgroup empties: writing it is a direct escape (the class
/// behind CVE-2022-0492). A writable cgroup below the root, or any writable cgroup2, lets
/// the container change its own limits and move its processes between its cgroups, which
/// undoes resource isolation but has no `release_agent`.
///
/// - Default severity: error for a v1 hierarchy root (fs type `cgroup`, root `/`);
///   warning for any other writable cgroup or cgroup2 mount.
/// - Exceptions: the writable tmpfs runc and crun mount at `/sys/fs/cgroup` to hold the
///   read-only cgroup binds is not a cgroup filesystem and is not reported.
/// - Blind spots: a root field is printed relative to the cgroup namespace of the process
///   that read mountinfo. A live audit reads from the host, where `/` is the hierarchy
///   root; a table captured inside a container's cgroup namespace shows the container's
///   own v1 cgroup as `/` and gets an error it does not deserve (capture tables from the
///   host). The host's table cannot settle this, because every mount of a hierarchy has
///   the same device number whatever cgroup it shows. For the same reason a cgroup2 with
///   root `/` is only a warning, even where it is mounted outside `/sys/fs/cgroup` and is
///   probably the host's whole tree; `host.sensitive-path` reports binds of the host's
///   `/sys/fs/cgroup`.
struct CgroupWritableRule: Rule {
  let metadata = RuleMetadata(
    id: "cgroup.writable", severity: .error,
    summary: "a cgroup filesystem is writable (a v1 hierarchy root: error; otherwise warning)",
    explanation: """
      Fires for every visible cgroup (v1) or cgroup2 mount that lacks the ro per-mount option. A \
      v1 mount with root / (a hierarchy root) is an error; a v1 mount of a cgroup below the root, \
      and any cgroup2 mount, is a warning. The writable tmpfs runc and crun mount at \
      /sys/fs/cgroup to hold the cgroup binds is not a cgroup filesystem and is not reported.
      """,
    rationale: """
      The root of a cgroup v1 hierarchy holds release_agent, a program the kernel runs as root on \
      the host when a cgroup empties: writing it is a direct escape, the technique behind \
      CVE-2022-0492. A writable cgroup below the root, or a writable cgroup2, lets the container \
      change its own limits and move its processes between cgroups, which undoes resource \
      isolation.
      """,
    remediation: "Mount cgroup filesystems read-only (the runtime default); never expose a "
      + "cgroup v1 hierarchy root, and use a cgroup namespace for containers that manage "
      + "their own cgroups.",
    references: [
      "OCI runtime spec: Linux container configuration, control groups",
      "CIS Docker Benchmark: Ensure that privileged containers are not used",
      "CVE-2022-0492",
    ],
    blindSpots: [
      """
      A cgroup mount's root is shown relative to the cgroup namespace of the process that read \
      mountinfo: a table captured inside the container's cgroup namespace shows its own v1 \
      cgroup as / and gets an error it does not deserve. Capture tables from the host.
      """,
      """
      For the same reason a writable cgroup2 with root / is only a warning, even where it is \
      probably the host's whole tree; host.sensitive-path reports binds of the host's \
      /sys/fs/cgroup.
      """,
    ])

  func check(_ context: AuditContext) -> [Finding] {
    context.visibleMounts.compactMap { mount in
      guard mount.isWritable else { return nil }
      let options = mount.superOptions
      switch mount.filesystemType {
      case "cgroup" where mount.root == "/":
        let message =
          "cgroup v1 hierarchy root ('\(options)') is writable at "
          + "'\(mount.mountPoint)', where 'release_agent' runs a host program as root"
        return finding(message, mount: mount, in: context)
      case "cgroup":
        let message =
          "cgroup v1 '\(mount.root)' ('\(options)') is writable at "
          + "'\(mount.mountPoint)'"
        return finding(message, mount: mount, in: context, severity: .warning)
      case "cgroup2":
        let message = "cgroup2 '\(mount.root)' is writable at '\(mount.mountPoint)'"
        return finding(message, mount: mount, in: context, severity: .warning)
      default:
        return nil
      }
    }
  }
}
