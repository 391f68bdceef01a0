import Foundation

@testable import MountAudit

/// The field cases and runc captures, audited one rule at a time, for rule suites.
///
/// The TSV-wide contract test runs every rule at once; these helpers let a rule's own
/// suite show that the rule alone meets its rows of the contract and stays quiet on the
/// clean cases.
enum RuleFixtures {
  /// A row of `fixtures/field-cases/expected-findings.tsv`.
  struct ContractRow: CustomStringConvertible {
    /// The field case, a folder under `fixtures/field-cases/`.
    var fieldCase: String
    /// The rule ID.
    var rule: String
    /// The mount point, or `*` for any.
    var mountPoint: String
    /// `error`, `warning`, `note`, or `any` for warning or error.
    var severity: String

    var description: String { "\(fieldCase) \(rule) \(mountPoint) \(severity)" }

    /// Whether `finding` is the finding this row asks for.
    func isMet(by finding: Finding) -> Bool {
      guard finding.rule == rule else { return false }
      if mountPoint != "*", finding.mountPoint != ByteString(mountPoint) { return false }
      if severity == "any" { return finding.severity >= .warning }
      return finding.severity.rawValue == severity
    }
  }

  /// The fixture folders that must give nothing above a note.
  static let cleanFolders = ["field-cases/_baseline", "runc/default"]

  /// The findings of `rule` alone, through the engine (so nested findings are folded),
  /// for a folder holding `container.mountinfo` and `host.mountinfo`.
  static func findings(
    of rule: any Rule, in folder: String, kernelPaths: KernelPaths? = nil
  ) throws -> [Finding] {
    let context = AuditContext(
      target: MountTree(try Fixtures.table(folder + "/container.mountinfo")),
      host: MountTree(try Fixtures.table(folder + "/host.mountinfo")),
      kernelPaths: kernelPaths)
    return PolicyEngine(rules: [rule]).evaluate(context).findings
  }

  /// The contract rows for `ruleID`.
  static func contractRows(for ruleID: String) throws -> [ContractRow] {
    let text = String(
      decoding: try Fixtures.bytes("field-cases/expected-findings.tsv"), as: UTF8.self)
    return text.split(separator: "\n").compactMap { line in
      guard !line.hasPrefix("#") else { return nil }
      let fields = line.split(separator: "\t").map(String.init)
      guard fields.count == 4, fields[1] == ruleID else { return nil }
      return ContractRow(
        fieldCase: fields[0], rule: fields[1], mountPoint: fields[2], severity: fields[3])
    }
  }

  /// The contract rows for `rule` that the rule alone does not meet.
  static func unmetRows(of rule: any Rule) throws -> [ContractRow] {
    try contractRows(for: rule.metadata.id).filter { row in
      let found = try findings(of: rule, in: "field-cases/" + row.fieldCase)
      return !found.contains(where: row.isMet)
    }
  }

  /// The findings above a note that `rule` gives on the clean fixtures.
  static func findingsAboveNote(of rule: any Rule) throws -> [Finding] {
    try cleanFolders.flatMap { folder in
      try findings(of: rule, in: folder).filter { $0.severity > .note }
    }
  }
}
