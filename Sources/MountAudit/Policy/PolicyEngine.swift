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
    let foldingRules = rules.filter(\.metadata.foldsNestedMounts).map(\.metadata.id)
    findings = Self.foldNested(review.kept, ofRules: Set(foldingRules))
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
    // The outermost mount above each folded finding that stands for it, and how many it
    // stands for, so that its message can say so.
    var folded: [Key: Int] = [:]
    let lengths = PathLengths(worst.keys.lazy.map(\.mountPoint))
    let kept = findings.filter { finding in
      guard finding.mountID != nil, rules.contains(finding.rule),
        let path = finding.mountPoint
      else { return true }
      var outermost: Key?
      for length in path.ancestorLengths where lengths.contains(length) {
        let key = Key(rule: finding.rule, mountPoint: path.prefix(length: length))
        if let above = worst[key], above >= finding.severity { outermost = key }
      }
      guard let outermost else { return true }
      folded[outermost, default: 0] += 1
      return false
    }
    guard !folded.isEmpty else { return kept }
    return kept.map { finding in
      guard let point = finding.mountPoint,
        let count = folded[Key(rule: finding.rule, mountPoint: point)],
        finding.severity == worst[Key(rule: finding.rule, mountPoint: point)]
      else { return finding }
      var annotated = finding
      annotated.message +=
        count == 1
        ? " (one mount below it, reported alike, is folded into this finding)"
        : " (\(count) mounts below it, reported alike, are folded into this finding)"
      return annotated
    }
  }

  /// The findings in report order: by mount point, then mount (stacked mounts apart, by
  /// ID; findings about a path before those about a mount), then rule, then line, then
  /// message, stable for the same input. Each finding is given a key of numbers first
  /// (the rank of its mount point among all of them, its mount ID, the rank of its rule,
  /// its line), and only findings equal in all of those compare their messages: a merge
  /// sort of 100,000 findings compared as values copied each one (ten references retained
  /// and released) for every comparison.
  static func inReportOrder(_ findings: [Finding]) -> [Finding] {
    struct Key: Comparable {
      var point: Int
      var mount: UInt32
      var rule: Int
      var line: Int

      static func < (lhs: Key, rhs: Key) -> Bool {
        (lhs.point, lhs.mount, lhs.rule, lhs.line) < (rhs.point, rhs.mount, rhs.rule, rhs.line)
      }
    }
    var ruleRanks: [String: Int] = [:]
    for index in findings.indices { ruleRanks[findings[index].rule] = 0 }
    for (rank, rule) in ruleRanks.keys.sorted().enumerated() { ruleRanks[rule] = rank }
    let pointRanks = mountPointRanks(findings)
    let keys = findings.indices.map { index in
      Key(
        point: pointRanks[index], mount: findings[index].mountID ?? 0,
        rule: ruleRanks[findings[index].rule] ?? 0, line: findings[index].line ?? 0)
    }
    let order = keys.indices.sorted { left, right in
      if keys[left] != keys[right] { return keys[left] < keys[right] }
      return findings[left].message < findings[right].message
    }
    return order.map { findings[$0] }
  }

  /// For each finding, the rank of its mount point among the findings' distinct mount points
  /// in byte order, from 1; 0, first, for a finding without one. Found by sorting the
  /// points once rather than hashing each of them (long paths made hashing the larger cost).
  private static func mountPointRanks(_ findings: [Finding]) -> [Int] {
    let points = findings.map(\.mountPoint)
    var ranks = [Int](repeating: 0, count: findings.count)
    let byPoint = points.indices.filter { points[$0] != nil }.sorted { left, right in
      points[left]! < points[right]!
    }
    var rank = 0
    var previous: ByteString?
    for index in byPoint {
      let point = points[index]
      if point != previous {
        rank += 1
        previous = point
      }
      ranks[index] = rank
    }
    return ranks
  }

}

/// A rule that did not run, and why.
public struct SkippedCheck: Hashable, Sendable {
  /// The rule's ID.
  public var rule: String
  /// Why it could not run.
  public var reason: String
}
