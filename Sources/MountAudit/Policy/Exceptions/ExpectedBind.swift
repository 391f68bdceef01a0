/// A host path the policy expects to see bound at a container path, like the runtime files
/// and pod volumes `ExpectedHostMounts` knows.
///
/// A mount it matches gets no `host.bind` note, and no `host.sensitive-path` warning for
/// lying below a sensitive path. It never silences the errors: a host path that is exactly
/// sensitive or holds a sensitive path, and runtime sockets, need an exception with a
/// reason.
public struct ExpectedBind: Hashable, Sendable {
  /// The host-side paths it accepts.
  public var hostPath: PathPattern
  /// The container mount points it accepts them at.
  public var mountPoint: PathPattern

  /// Creates an expected bind.
  public init(hostPath: PathPattern, mountPoint: PathPattern) {
    self.hostPath = hostPath
    self.mountPoint = mountPoint
  }

  /// Whether a mount at `mountPoint` whose files are at the host's `hostPath` is expected.
  public func matches(mountPoint: ByteString, hostPath: ByteString) -> Bool {
    self.mountPoint.matches(mountPoint) && self.hostPath.matches(hostPath)
  }
}
