/// A check of the container baseline, with a stable ID.
///
/// A rule reads the audit context and returns findings; it never throws and never touches
/// the system. Each rule lives in its own file under `Rules/`, named after the rule, and is
/// listed once in `RuleRegistry`.
public protocol Rule: Sendable {
  /// The rule's ID, severity, summary and remediation.
  var metadata: RuleMetadata { get }

  /// Returns the findings for the audited table; findings carry the default severity
  /// (or the rule's choice between its severities) before the profile adjusts it.
  func check(_ context: AuditContext) -> [Finding]
}

/// What a rule needs to run; a rule whose needs are not met is reported as skipped.
public enum RuleRequirement: String, Hashable, Sendable, Codable, CaseIterable {
  /// The host's mount table (live, or `--host FILE`).
  case hostTable
  /// Live mount namespace identities of the target and the host.
  case liveNamespace
}

/// The fixed facts about a rule, as `mountaudit rules` lists them and `mountaudit explain`
/// explains them.
public struct RuleMetadata: Hashable, Sendable {
  /// The stable ID, `area.name`.
  public var id: String
  /// The default severity; some rules choose a lower one for milder cases.
  public var severity: Severity
  /// One line saying when the rule fires.
  public var summary: String
  /// What the rule looks at and when it fires, for users: the fields of the table it
  /// reads, the cases it accepts on purpose, and the severities it chooses between.
  public var explanation: String
  /// Why what it finds matters: what a process in the container can do with it.
  public var rationale: String
  /// How to fix what it finds.
  public var remediation: String
  /// References: OCI runtime spec sections, CIS Docker Benchmark items by title (their
  /// numbers change between versions), CVEs, kernel documentation.
  public var references: [String]
  /// What the rule cannot see or judges wrongly, one sentence or two each.
  public var blindSpots: [String]
  /// What the rule needs to run at all.
  public var requirements: Set<RuleRequirement>
  /// Whether findings on mounts below a mount already reported by this rule are folded
  /// into that finding (true for most rules; propagation reports every peer relation).
  public var foldsNestedMounts: Bool
  /// Whether the rule judges the policy's exceptions after they were applied to the other
  /// rules' findings (`policy.unused-exception`); its own findings are never excepted.
  public var runsAfterExceptions: Bool
  /// Whether a policy may neither disable the rule, change its severity nor except its
  /// findings: they say the report itself is incomplete (`parse.invalid-line`).
  public var isLocked: Bool

  /// Creates rule metadata.
  public init(
    id: String, severity: Severity, summary: String, explanation: String = "",
    rationale: String = "", remediation: String, references: [String] = [],
    blindSpots: [String] = [], requirements: Set<RuleRequirement> = [],
    foldsNestedMounts: Bool = true, runsAfterExceptions: Bool = false, isLocked: Bool = false
  ) {
    self.id = id
    self.severity = severity
    self.summary = summary
    self.explanation = explanation
    self.rationale = rationale
    self.remediation = remediation
    self.references = references
    self.blindSpots = blindSpots
    self.requirements = requirements
    self.foldsNestedMounts = foldsNestedMounts
    self.runsAfterExceptions = runsAfterExceptions
    self.isLocked = isLocked
  }
}

extension Rule {
  /// A finding of this rule about `mount`, with its host-side path filled in.
  public func finding(
    _ message: String, mount: MountEntry, in context: AuditContext, severity: Severity? = nil
  ) -> Finding {
    Finding(
      rule: metadata.id, severity: severity ?? metadata.severity, mountID: mount.id,
      mountPoint: mount.mountPoint, hostPath: context.hostPath(of: mount), message: message,
      remediation: metadata.remediation, references: metadata.references)
  }

  /// A finding of this rule about an exception of the policy file, placed at it.
  public func finding(_ message: String, about exception: PolicyException) -> Finding {
    var found = finding(message, path: nil)
    found.policyLocation = exception.location
    return found
  }

  /// A finding of this rule about a path where no single mount is concerned.
  public func finding(
    _ message: String, path: ByteString?, severity: Severity? = nil, line: Int? = nil
  ) -> Finding {
    Finding(
      rule: metadata.id, severity: severity ?? metadata.severity, mountPoint: path,
      message: message, remediation: metadata.remediation, references: metadata.references,
      line: line)
  }
}
