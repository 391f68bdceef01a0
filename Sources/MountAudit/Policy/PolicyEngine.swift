/// Runs the rules over an audit context and collects their findings in report order.
public struct PolicyEngine: Sendable {
  /// The rules to run, in registry order.
  public var rules: [any Rule]

  /// Creates an engine running `rules` (by default every registered rule).
  public init(rules: [any Rule] = RuleRegistry.all) {
    self.rules = rules
  }

  /// The outcome of running the rules.
  public struct Outcome: Sendable {
    /// The findings, sorted by mount point, then rule; excepted ones left out.
    public var findings: [Finding]
    /// The rules that could not run or are disabled, with the reason.
    public var skipped: [SkippedCheck]
    /// The findings the policy's exceptions let pass, in the same order.
    public var excepted: [ExceptedFinding] = []
  }

  /// Runs every rule the profile enables and whose requirements the context meets, lists
  /// the others as skipped, and applies the profile's exceptions: first the rules that
  /// judge mounts, then those that judge the exceptions (`runsAfterExceptions`).
  public func evaluate(_ context: AuditContext) -> Outcome {
    var findings: [Finding] = []
    var skipped: [SkippedCheck] = []
    var rulesRun: Set<String> = []
    var foldingRules: Set<String> = []
    func run(_ rule: any Rule, in context: AuditContext) {
      let id = rule.metadata.id
      if context.profile.disabledRules.contains(id) {
        skipped.append(SkippedCheck(rule: id, reason: "disabled by the policy"))
        return
      }
      if let reason = Self.unmetRequirement(of: rule.metadata, in: context) {
        skipped.append(SkippedCheck(rule: id, reason: reason))
        return
      }
      rulesRun.insert(id)
      if rule.metadata.foldsNestedMounts { foldingRules.insert(id) }
      for var finding in rule.check(context) {
        finding.severity = context.profile.severity(for: finding)
        findings.append(finding)
      }
    }

    for rule in rules where !rule.metadata.runsAfterExceptions { run(rule, in: context) }
    findings = Self.inReportOrder(findings)
    let review = ExceptionReview(
      context.profile.exceptions, to: findings, today: context.today, rulesRun: rulesRun)
    // Folded after the exceptions, so that excepting a mount never hides what lies below it.
    findings = Self.foldNested(review.kept, ofRules: foldingRules)
    var reviewed = context
    reviewed.unmatchedExceptions = review.unmatched
    let reviewedCount = findings.count
    for rule in rules where rule.metadata.runsAfterExceptions { run(rule, in: reviewed) }
    // Sorted again only for the policy's own notes, if any: the findings reviewed are.
    if findings.count > reviewedCount { findings = Self.inReportOrder(findings) }
    return Outcome(findings: findings, skipped: skipped, excepted: review.excepted)
  }

  private static func unmetRequirement(
    of metadata: RuleMetadata, in context: AuditContext
  ) -> String? {
    if metadata.requirements.contains(.liveNamespace), context.namespaces == nil {
      return "needs the mount namespaces of the target and the host (known only when auditing "
        + "a PID whose namespace links are readable)"
    }
    if metadata.requirements.contains(.hostTable), context.host == nil {
      return "needs the host's mount table (pass --host FILE or --host-pid N)"
    }
    return nil
  }

  /// Drops a finding of one of `rules` about a mount that lies below a mount the same rule
  /// already reports at the same or a higher severity: the outermost finding stands for the
  /// subtree. A nested finding more severe than every one above it is kept.
  static func foldNested(_ findings: [Finding], ofRules rules: Set<String>) -> [Finding] {
    struct Key: Hashable {
      var rule: String
      var mountPoint: ByteString
    }
    var worst: [Key: Severity] = [:]
    for finding in findings where finding.mountID != nil && rules.contains(finding.rule) {
      guard let point = finding.mountPoint else { continue }
      let key = Key(rule: finding.rule, mountPoint: point)
      worst[key] = max(worst[key] ?? finding.severity, finding.severity)
    }
    return findings.filter { finding in
      guard finding.mountID != nil, rules.contains(finding.rule),
        var path = finding.mountPoint
      else { return true }
      while let parent = path.parentPath {
        if let above = worst[Key(rule: finding.rule, mountPoint: parent)],
          above >= finding.severity
        {
          return false
        }
        path = parent
      }
      return true
    }
  }

  /// The findings sorted by `reportOrder`. Their positions are sorted rather than the
  /// findings themselves: a finding is large, and moving 100,000 of them through a merge
  /// sort cost more than comparing them.
  static func inReportOrder(_ findings: [Finding]) -> [Finding] {
    let order = findings.indices.sorted { reportOrder(findings[$0], findings[$1]) }
    return order.map { findings[$0] }
  }

  /// Mount point, then mount (stacked mounts apart, by ID; findings about a path before
  /// those about a mount), then rule, then line, then message: stable for the same input.
  static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
    let leftPoint = lhs.mountPoint?.bytes ?? []
    let rightPoint = rhs.mountPoint?.bytes ?? []
    if leftPoint != rightPoint { return leftPoint.lexicographicallyPrecedes(rightPoint) }
    if lhs.mountID != rhs.mountID { return (lhs.mountID ?? 0) < (rhs.mountID ?? 0) }
    if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
    let (leftLine, rightLine) = (lhs.line ?? 0, rhs.line ?? 0)
    if leftLine != rightLine { return leftLine < rightLine }
    return lhs.message < rhs.message
  }
}

/// A rule that did not run, and why.
public struct SkippedCheck: Hashable, Sendable {
  /// The rule's ID.
  public var rule: String
  /// Why it could not run.
  public var reason: String
}
