/// Everything a rule may consult: the target's tree, the host's tree, the namespaces, the
/// kernel's paths, the profile (the policy) and the date exceptions are judged on.
public struct AuditContext: Sendable {
  /// The audited mount tree.
  public let target: MountTree
  /// The host's mount tree, when one is available.
  public let host: MountTree?
  /// The target's and the host's mount namespace identities, for live audits.
  public let namespaces: NamespacePair?
  /// The target's and the host's network namespace identities, for live audits where both
  /// links were readable.
  public let networkNamespaces: NamespacePair?
  /// Which masked and read-only paths exist on the kernel; `nil` offline.
  public let kernelPaths: KernelPaths?
  /// The profile in effect.
  public let profile: Profile
  /// The day the policy's exceptions are judged on: today, unless a test fixes it.
  public let today: CalendarDate
  /// The policy's live exceptions that matched no finding of a rule that ran; set by the
  /// engine for the rules that run after exceptions are applied, `nil` before.
  public internal(set) var unmatchedExceptions: [PolicyException]?
  /// The host side of the target's mounts, when there is a host table.
  private let hostSides: HostSides?
  /// The host's mounts by propagation group, for the `propagation.*` rules.
  let hostPeerGroups: HostPeerGroups

  /// Creates the context and indexes the host's mounts for host-side paths.
  public init(
    target: MountTree, host: MountTree?, namespaces: NamespacePair? = nil,
    networkNamespaces: NamespacePair? = nil, kernelPaths: KernelPaths? = nil,
    profile: Profile = .standard, today: CalendarDate = .today()
  ) {
    self.target = target
    self.host = host
    self.namespaces = namespaces
    self.networkNamespaces = networkNamespaces
    self.kernelPaths = kernelPaths
    self.profile = profile
    self.today = today
    hostSides = host.map { HostSides(host: $0, target: target, profile: profile) }
    hostPeerGroups = HostPeerGroups(host: host)
  }

  /// The mounts processes in the container can see, in input order.
  public var visibleMounts: [MountEntry] { target.visibleEntries }

  /// Whether `mount` is the null device: `/null` of a devtmpfs (every devtmpfs is one
  /// superblock, so its `null` is the real one) or of the container's own `/dev` tmpfs.
  /// Runtimes bind it over files they mask.
  public func isNullDevice(_ mount: MountEntry) -> Bool {
    guard mount.root == "/null" else { return false }
    if mount.filesystemType == "devtmpfs" { return true }
    guard mount.filesystemType == "tmpfs", let dev = target.visibleMount(at: "/dev") else {
      return false
    }
    return dev.filesystemType == "tmpfs" && dev.device == mount.device
  }

  /// The host-side path of a target mount, if the host has its filesystem mounted.
  public func hostPath(of mount: MountEntry) -> ByteString? {
    hostSides?.resolve(mount)?.path
  }

  /// Every host path that reaches a target mount's files, the host-side path first; empty
  /// when the host does not have the filesystem mounted.
  public func hostPaths(of mount: MountEntry) -> [ByteString] {
    hostSides?.hostPaths(of: mount) ?? []
  }

  /// What a target mount's host paths reach: a runtime socket, sensitive paths.
  func hostSideVerdict(of mount: MountEntry) -> HostSideVerdict {
    hostSides?.verdict(of: mount) ?? .none
  }

  /// The host mount that exposes a target mount's filesystem, if any.
  public func hostMount(exposing mount: MountEntry) -> MountEntry? {
    hostSides?.resolve(mount)?.hostMount
  }
}

/// The namespaces of one kind (mount, network) of the target and of the host reference.
public struct NamespacePair: Hashable, Sendable {
  /// The target's namespace.
  public var target: NamespaceIdentity
  /// The host reference's namespace.
  public var host: NamespaceIdentity
  /// Where the host's namespace was read: the link of the process that stands for the host
  /// (`/proc/1/ns/mnt`, or the auditor's own `/proc/self/ns/mnt`).
  public var hostDescription: String

  /// Creates a pair.
  public init(target: NamespaceIdentity, host: NamespaceIdentity, hostDescription: String) {
    self.target = target
    self.host = host
    self.hostDescription = hostDescription
  }

  /// Whether the target shares the host's namespace.
  public var isShared: Bool { target == host }
}
