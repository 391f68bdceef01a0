/// Everything an offline audit or diff needs of a live process, captured at one moment:
/// its mountinfo and the host reference's, byte for byte, the namespace identities, which
/// masked and read-only paths exist on the kernel, the kernel release, the time and the
/// tool version.
///
/// `mountaudit snapshot PID` writes one as JSON; every command that takes a table takes a
/// snapshot too, and an audit of a snapshot judges exactly what the live audit judged.
public struct Snapshot: Sendable {
  /// Where and when it was taken.
  public var summary: SnapshotSummary
  /// The target's mountinfo, exactly as the kernel printed it.
  public var targetText: [UInt8]
  /// The target's mount namespace, when it was readable.
  public var targetNamespace: NamespaceIdentity?
  /// The target's network namespace, when it was readable.
  public var targetNetworkNamespace: NamespaceIdentity?
  /// The host reference the capture used, with its fallbacks.
  public var host: HostReference
  /// The host reference's mountinfo, exactly as printed; `nil` when there was none.
  public var hostText: [UInt8]?
  /// The masked and read-only paths whose existence was checked on the kernel.
  public var probedPaths: [ByteString]
  /// Those of them that exist.
  public var existingPaths: [ByteString]

  /// Creates a snapshot from its parts.
  public init(
    summary: SnapshotSummary, targetText: [UInt8], targetNamespace: NamespaceIdentity?,
    targetNetworkNamespace: NamespaceIdentity?, host: HostReference, hostText: [UInt8]?,
    probedPaths: [ByteString], existingPaths: [ByteString]
  ) {
    self.summary = summary
    self.targetText = targetText
    self.targetNamespace = targetNamespace
    self.targetNetworkNamespace = targetNetworkNamespace
    self.host = host
    self.hostText = hostText
    self.probedPaths = probedPaths
    self.existingPaths = existingPaths
  }

  /// Captures process `pid` and the host reference `host` chooses, as a live audit would
  /// read them, probing the paths of every built-in profile. A snapshot keeps the kernel's
  /// mountinfo byte for byte, so `auto` reads mountinfo; only with the `statmount` source,
  /// asked for, is the target's text its table printed as mountinfo.
  public static func capture(
    pid: Int32, host: HostChoice = .automatic, source: LiveTableSource = .auto
  ) throws(AuditError) -> Snapshot {
    let probed = Array(Set(Profile.builtIn.flatMap(\.kernelPathsToProbe))).sorted()
    let reader = MountTableReader(
      keepsText: true, source: source == .statmount ? .statmount : .mountinfo)
    let auditor = Auditor(reader: reader)
    let inputs = try auditor.gather(
      AuditRequest(target: .process(pid: pid), host: host), probing: probed)
    return Snapshot(
      summary: SnapshotSummary(
        pid: pid, takenAt: SystemCall.utcTimestamp(), kernelRelease: SystemCall.kernelRelease(),
        toolVersion: Version.current),
      targetText: inputs.target.text ?? [], targetNamespace: inputs.targetNamespace,
      targetNetworkNamespace: inputs.targetNetworkNamespace, host: inputs.host,
      hostText: inputs.hostTable?.text, probedPaths: probed,
      existingPaths: probed.filter { inputs.kernelPaths?.contains($0) == true })
  }

  /// The audit inputs the snapshot holds, its tables parsed again and named after
  /// `origin` (the snapshot file).
  public func auditInputs(
    reader: MountTableReader, origin: TableOrigin
  ) throws(AuditError) -> AuditInputs {
    AuditInputs(
      target: try reader.parse(targetText, origin: origin), targetNamespace: targetNamespace,
      targetNetworkNamespace: targetNetworkNamespace, host: host,
      hostTable: try hostText.map { text throws(AuditError) in
        try reader.parse(text, origin: host.origin ?? origin)
      },
      kernelPaths: KernelPaths(existing: Set(existingPaths)), snapshot: summary)
  }
}
