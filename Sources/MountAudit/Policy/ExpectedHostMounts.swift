/// The host-backed mounts every container is built from: the one allow-list behind
/// `host.runtime-socket`, `host.sensitive-path` and `host.bind`.
///
/// A container's table always holds mounts whose filesystem the host has mounted too. These
/// are expected and are not reported as leaks:
/// - The container's own root filesystem (an overlay, or a bind of its bundle's `rootfs`),
///   unless its host side is exactly a sensitive path such as the host's `/` (`unshare`,
///   `bwrap --ro-bind / /`), which `host.sensitive-path` reports.
/// - Files the runtime writes for the container, recognised by mount point and host-side
///   path together, so that host `/etc` bound at `/etc/hosts` is still caught: `/etc/hosts`,
///   `/etc/hostname`, `/etc/resolv.conf` and `/run/.containerenv` from a runtime's
///   per-container state directory with the same file name (Docker
///   `/var/lib/docker/containers/<id>/`, containerd CRI
///   `.../io.containerd.grpc.v1.cri/sandboxes/<id>/`, podman and CRI-O
///   `.../<driver>-containers/<id>/userdata/` under the storage run root or graph root,
///   where `<driver>` is a containers/storage driver: `overlay`, `vfs`, `btrfs`, `zfs`,
///   `devicemapper` or `aufs`), the kubelet's
///   `/var/lib/kubelet/pods/<uid>/etc-hosts` at `/etc/hosts`, and `/dev/termination-log` from
///   `/var/lib/kubelet/pods/<uid>/containers/<name>/`.
/// - The container's `/dev/shm` when the runtime mounted it as a tmpfs in its state
///   directory and bound it in: a tmpfs at `/dev/shm` whose host side is exactly Docker's
///   `/var/lib/docker/containers/<id>/mounts/shm` or podman's
///   `.../<driver>-containers/<id>/userdata/shm`. The host's own `/dev/shm` there is
///   `dev.shm-host-instance`'s, and any other host directory there stays a `host.bind` note.
/// - A pod's volumes: `/var/lib/kubelet/pods/<uid>/volumes/<plugin>/<name>` and
///   `/var/lib/kubelet/pods/<uid>/volume-subpaths/<volume>/<container>/<index>`, and below.
///   This includes the Kubernetes service-account and secret tmpfs mounts, whose host side
///   is a `kubernetes.io~projected` or `kubernetes.io~secret` volume (when the host table
///   does not show them, they do not resolve to a host path at all).
/// - Docker volumes, `/var/lib/docker/volumes/<name>/_data` and below (and podman's, in
///   `/var/lib/containers/storage/volumes/`): not a leak, but still listed by `host.bind` as
///   a note naming the volume.
/// - The container's own cgroup: a cgroup or cgroup2 filesystem mounted at or below its
///   `/sys/fs/cgroup`. `cgroup.writable` judges these; the writable tmpfs runc and crun put
///   at `/sys/fs/cgroup` to hold them is a fresh instance with no host side.
/// - Kernel filesystems that other rules judge by instance rather than by host path: procfs
///   (`proc.*`), sysfs (`sys.writable`), devtmpfs and devpts (`dev.*`), mqueue, and the
///   kernel interfaces of `host.kernel-fs`.
///
/// Blind spots: the state directories are matched at their default locations; a relocated
/// Docker data root or kubelet root directory makes these files show up as `host.bind`
/// notes (never hides a leak). A cgroup filesystem at the container's `/sys/fs/cgroup` is
/// taken as the container's own whatever its root: a root of `/` is the container's cgroup
/// namespace root when the table was read inside that namespace, but the whole host
/// hierarchy for a container that shares the host's cgroup namespace, and mountinfo cannot
/// tell the two apart (`cgroup.writable` still reports such a hierarchy root when writable).
enum ExpectedHostMounts {
  /// Why a mount with a host side is expected.
  enum Reason: Hashable, Sendable {
    /// A file the runtime writes for this container, from its per-container state directory.
    case runtimeFile
    /// The tmpfs the runtime mounted in its per-container state directory for `/dev/shm`.
    case runtimeSharedMemory
    /// A Kubernetes pod volume, including the service-account and secret tmpfs mounts.
    case podVolume
    /// A named volume of a runtime (`docker`, `podman`); listed by `host.bind` as a note.
    case volume(runtime: String, name: ByteString)
  }

  /// Whether `mount` is the container's root filesystem (the mount at `/`).
  static func isContainerRoot(_ mount: MountEntry) -> Bool {
    mount.mountPoint == "/"
  }

  /// Whether `mount` is the container's own cgroup: a cgroup filesystem mounted at or below
  /// the container's `/sys/fs/cgroup`.
  static func isOwnCgroup(_ mount: MountEntry) -> Bool {
    ["cgroup", "cgroup2"].contains(mount.filesystemType)
      && mount.mountPoint.isAtOrBelow("/sys/fs/cgroup")
  }

  /// Whether `mount`'s filesystem type is one that other rules judge by instance, so that
  /// its host side (a single-superblock sysfs or devtmpfs resolves to `/sys` or `/dev`) is
  /// not a host path exposure in the sense of the `host.*` path rules.
  static func isJudgedByInstance(_ mount: MountEntry) -> Bool {
    instanceJudgedTypes.contains(mount.filesystemType)
      || HostKernelFsRule.severityByType[mount.filesystemType] != nil
  }

  /// Why `mount`, whose files live at the host path `hostPath`, is expected, or `nil` when
  /// it is not on the list.
  static func reason(for mount: MountEntry, hostPath: ByteString) -> Reason? {
    let canonical = hostPath.canonicalHostPath
    let mountPoint = mount.mountPoint
    let components = PathComponents(canonical)
    // Pod and runtime volumes live below /var/lib (however many slashes a saved table spells
    // it with); runtime files and /dev/shm are known by their mount point. Anything else is
    // no expected mount.
    guard
      components.starts(with: varLib) || mountPoint == "/dev/shm"
        || mountPoint == "/dev/termination-log" || runtimeFileNames[mountPoint] != nil
    else { return nil }
    if isRuntimeFile(mountPoint: mountPoint, components: components) { return .runtimeFile }
    if mountPoint == "/dev/shm", mount.filesystemType == "tmpfs",
      isRuntimeSharedMemory(components)
    {
      return .runtimeSharedMemory
    }
    if isPodVolume(components) { return .podVolume }
    return volume(components)
  }

  private static let instanceJudgedTypes: Set<String> = [
    "proc", "sysfs", "devtmpfs", "devpts", "mqueue",
  ]

  /// The file name each runtime-provided mount point has in a runtime's state directory.
  private static let runtimeFileNames: [ByteString: ByteString] = [
    "/etc/hosts": "hosts", "/etc/hostname": "hostname", "/etc/resolv.conf": "resolv.conf",
    "/run/.containerenv": ".containerenv",
  ]

  private static func isRuntimeFile(mountPoint: ByteString, components: PathComponents) -> Bool {
    let count = components.count
    if mountPoint == "/dev/termination-log" {
      return count == 8 && isKubeletPod(components) && components[5] == "containers"
    }
    if mountPoint == "/etc/hosts", count == 6, isKubeletPod(components),
      components[5] == "etc-hosts"
    {
      return true
    }
    guard let name = runtimeFileNames[mountPoint], let last = components.last, last.isNamed(name)
    else {
      return false
    }
    let docker = count == 6 && components.starts(with: dockerContainers)
    let containerdSandbox =
      count >= 4 && components[count - 4] == "io.containerd.grpc.v1.cri"
      && components[count - 3] == "sandboxes"
    let containerStorage =
      count >= 4 && containerStorageDirectories.contains(components[count - 4].byteString)
      && components[count - 2] == "userdata"
    return docker || containerdSandbox || containerStorage
  }

  /// The per-container directories of containers/storage (podman, CRI-O, buildah), one per
  /// storage driver, as each driver names itself: `<driver>-containers`.
  private static let containerStorageDirectories: Set<ByteString> = [
    "overlay-containers", "vfs-containers", "btrfs-containers", "zfs-containers",
    "devicemapper-containers", "aufs-containers",
  ]

  /// Whether the path is exactly the `shm` directory of a runtime's per-container state
  /// directory: Docker's `/var/lib/docker/containers/<id>/mounts/shm`, or containers/storage's
  /// `.../<driver>-containers/<id>/userdata/shm`.
  private static func isRuntimeSharedMemory(_ components: PathComponents) -> Bool {
    let count = components.count
    guard let last = components.last, last == "shm" else { return false }
    let docker =
      count == 7 && components.starts(with: dockerContainers)
      && components[5] == "mounts"
    let containerStorage =
      count >= 4 && containerStorageDirectories.contains(components[count - 4].byteString)
      && components[count - 2] == "userdata"
    return docker || containerStorage
  }

  private static func isPodVolume(_ components: PathComponents) -> Bool {
    guard isKubeletPod(components) else { return false }
    switch components[5] {
    case "volumes": return components.count >= 8
    case "volume-subpaths": return components.count >= 9
    default: return false
    }
  }

  private static func volume(_ components: PathComponents) -> Reason? {
    if components.count >= 6, components.starts(with: dockerVolumes),
      components[5] == "_data"
    {
      return .volume(runtime: "docker", name: components[4].byteString)
    }
    if components.count >= 7,
      components.starts(with: podmanVolumes),
      components[6] == "_data"
    {
      return .volume(runtime: "podman", name: components[5].byteString)
    }
    return nil
  }

  // The directories the checks above look for, as path components.
  private static let dockerContainers: [StaticString] = [
    "var", "lib", "docker", "containers",
  ]
  private static let dockerVolumes: [StaticString] = ["var", "lib", "docker", "volumes"]
  private static let podmanVolumes: [StaticString] = [
    "var", "lib", "containers", "storage", "volumes",
  ]
  private static let kubeletPods: [StaticString] = ["var", "lib", "kubelet", "pods"]
  private static let varLib: [StaticString] = ["var", "lib"]

  /// Whether the path is `/var/lib/kubelet/pods/<uid>/<something>`.
  private static func isKubeletPod(_ components: PathComponents) -> Bool {
    components.count >= 6 && components.starts(with: kubeletPods)
  }
}
