/// What the host paths of a target mount reach, worked out once per filesystem and root
/// for the rules that judge host paths: whether one is a runtime socket, and which are
/// sensitive.
///
/// A host can reach one directory through thousands of mounts (a peer group of binds, each
/// copied into a slave namespace), so every mount of the target may have thousands of host
/// paths; classifying them once per filesystem and root, not once per mount and rule,
/// keeps such an audit linear in the number of paths.
struct HostSideVerdict: Sendable {
  /// The first host path that is a runtime socket, or a directory of them.
  var socket: HostRuntimeSocketRule.Exposure?
  /// The host paths that are, hold or lie below a sensitive path, in the order of the
  /// host paths.
  var sensitive: [HostSensitivePathRule.Exposure]

  /// The verdict on a mount the host does not reach.
  static let none = HostSideVerdict(socket: nil, sensitive: [])

  private init(socket: HostRuntimeSocketRule.Exposure?, sensitive: [HostSensitivePathRule.Exposure])
  {
    self.socket = socket
    self.sensitive = sensitive
  }

  /// Classifies `hostPaths` under `profile`'s sensitive paths and runtime sockets.
  init(hostPaths: [ByteString], profile: Profile) {
    socket = HostRuntimeSocketRule.exposure(amongHostPaths: hostPaths, profile: profile)
    sensitive = HostSensitivePathRule.exposures(amongHostPaths: hostPaths, profile: profile)
  }

  /// What a verdict is kept under: the mount's filesystem and the root of the mount in it,
  /// which alone decide its host paths.
  struct Key: Hashable, Sendable {
    var device: DeviceNumber
    var root: ByteString

    init(_ mount: MountEntry) {
      device = mount.device
      root = mount.root
    }
  }
}
