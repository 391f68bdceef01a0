/// Everything an audit reads before it judges: the target's table and namespaces, the host
/// reference and its table, and which masked paths the kernel has.
///
/// A live audit gathers them from `/proc`; a snapshot stores them, so that an audit of the
/// snapshot elsewhere judges exactly what the live audit judged.
public struct AuditInputs: Sendable {
  /// The target's table.
  public var target: MountTable
  /// The target's mount namespace, when known.
  public var targetNamespace: NamespaceIdentity?
  /// The target's network namespace, when known.
  public var targetNetworkNamespace: NamespaceIdentity?
  /// The host reference and the fallbacks taken to get it.
  public var host: HostReference
  /// The host's table, when the audit has one.
  public var hostTable: MountTable?
  /// Which masked and read-only paths exist on the kernel; `nil` when unknown (offline).
  public var kernelPaths: KernelPaths?
  /// Where the inputs were captured, when they come from a snapshot.
  public var snapshot: SnapshotSummary?

  /// Creates the inputs from their parts.
  public init(
    target: MountTable, targetNamespace: NamespaceIdentity? = nil,
    targetNetworkNamespace: NamespaceIdentity? = nil, host: HostReference,
    hostTable: MountTable? = nil, kernelPaths: KernelPaths? = nil,
    snapshot: SnapshotSummary? = nil
  ) {
    self.target = target
    self.targetNamespace = targetNamespace
    self.targetNetworkNamespace = targetNetworkNamespace
    self.host = host
    self.hostTable = hostTable
    self.kernelPaths = kernelPaths
    self.snapshot = snapshot
  }
}

/// Where and when a snapshot was taken, for reports about it.
public struct SnapshotSummary: Hashable, Sendable {
  /// The PID the snapshot was taken of.
  public var pid: Int32
  /// When, in ISO 8601 UTC (`2026-12-04T06:30:00Z`).
  public var takenAt: String
  /// The kernel release of the machine (`uname -r`).
  public var kernelRelease: String
  /// The mountaudit version that took it.
  public var toolVersion: String

  /// Creates a summary.
  public init(pid: Int32, takenAt: String, kernelRelease: String, toolVersion: String) {
    self.pid = pid
    self.takenAt = takenAt
    self.kernelRelease = kernelRelease
    self.toolVersion = toolVersion
  }
}
