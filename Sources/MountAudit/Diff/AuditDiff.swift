/// What changed between two audits: findings that appeared, findings that were resolved,
/// and findings whose severity changed, for "did the runtime upgrade open anything" checks.
///
/// Findings are matched by rule and mount point (the n-th finding of a rule at a mount
/// point with the n-th), never by mount ID or host path, which differ between any two runs.
public struct AuditDiff: Sendable {
  /// The first audit.
  public let before: AuditReport
  /// The second audit.
  public let after: AuditReport
  /// Findings of the second audit that the first did not have.
  public let appeared: [Finding]
  /// Findings of the first audit that the second no longer has.
  public let resolved: [Finding]
  /// Findings in both with another severity: (first, second).
  public let changedSeverity: [(before: Finding, after: Finding)]

  /// Compares two audits.
  public init(_ before: AuditReport, _ after: AuditReport) {
    self.before = before
    self.after = after
    let beforeKeyed = Self.keyed(before.findings)
    var unmatched = Dictionary(uniqueKeysWithValues: beforeKeyed)
    var appeared: [Finding] = []
    var changed: [(before: Finding, after: Finding)] = []
    for (key, finding) in Self.keyed(after.findings) {
      guard let old = unmatched.removeValue(forKey: key) else {
        appeared.append(finding)
        continue
      }
      if old.severity != finding.severity { changed.append((old, finding)) }
    }
    self.appeared = appeared
    self.resolved = beforeKeyed.compactMap { key, _ in unmatched[key] }
    self.changedSeverity = changed
  }

  /// Whether the audits differ in any finding.
  public var hasDifferences: Bool {
    !appeared.isEmpty || !resolved.isEmpty || !changedSeverity.isEmpty
  }

  private struct FindingKey: Hashable {
    var rule: String
    var mountPoint: ByteString?
    var occurrence: Int
  }

  private static func keyed(_ findings: [Finding]) -> [(FindingKey, Finding)] {
    var seen: [FindingKey: Int] = [:]
    return findings.map { finding in
      var key = FindingKey(rule: finding.rule, mountPoint: finding.mountPoint, occurrence: 0)
      let occurrence = seen[key, default: 0]
      seen[key] = occurrence + 1
      key.occurrence = occurrence
      return (key, finding)
    }
  }
}
