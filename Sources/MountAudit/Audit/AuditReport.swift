/// The result of an audit: what was audited, against what, and what was found.
public struct AuditReport: Sendable {
  /// The audited table's origin.
  public var target: TableOrigin
  /// The target's mount namespace, for live audits.
  public var targetNamespace: NamespaceIdentity?
  /// The number of mounts read from the target (visible or not).
  public var mountCount: Int
  /// The host reference used.
  public var host: HostReference
  /// The profile in effect.
  public var profile: Profile
  /// Checks that could not run, with the reason.
  public var skipped: [SkippedCheck]
  /// The findings in report order, excepted ones left out.
  public var findings: [Finding]
  /// The findings the policy's exceptions let pass, in report order; not counted.
  public var excepted: [ExceptedFinding]
  /// Where and when the audited snapshot was taken, when the target is a snapshot.
  public var snapshot: SnapshotSummary?
  /// The audited table as a tree, so that reports can point at a finding's input line
  /// (`inputLine(of:)`); `nil` for a report assembled by hand.
  public var targetTree: MountTree?

  /// Creates a report.
  public init(
    target: TableOrigin, targetNamespace: NamespaceIdentity?, mountCount: Int,
    host: HostReference, profile: Profile, skipped: [SkippedCheck], findings: [Finding],
    snapshot: SnapshotSummary? = nil, excepted: [ExceptedFinding] = []
  ) {
    self.target = target
    self.targetNamespace = targetNamespace
    self.mountCount = mountCount
    self.host = host
    self.profile = profile
    self.skipped = skipped
    self.findings = findings
    self.excepted = excepted
    self.snapshot = snapshot
  }

  /// The number of findings of each severity.
  public func count(of severity: Severity) -> Int {
    // By index: iterating the findings would copy each one.
    findings.indices.count { findings[$0].severity == severity }
  }

  /// Whether any finding is at or above `threshold`.
  public func hasFindings(atOrAbove threshold: Severity) -> Bool {
    findings.contains { $0.severity >= threshold }
  }
}
