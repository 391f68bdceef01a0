import Foundation
import MountAudit
import Testing

/// `mountaudit explain RULE` through the built binary, for every registered rule.
@Suite("explain command")
struct ExplainCommandTests {
  static let ids = RuleRegistry.all.map(\.metadata.id)

  @Test("explain prints every part of the rule's explanation and exits 0", arguments: ids)
  func explainsEveryRule(id: String) throws {
    let metadata = try #require(RuleRegistry.rule(id: id)).metadata
    let run = try Binary.run(["explain", id])
    #expect(run.status == 0)
    #expect(run.stderr.isEmpty)
    #expect(run.text.hasPrefix("\(id): \(metadata.summary)\n"))
    #expect(run.text.contains("Default severity: \(metadata.severity.rawValue)"))
    let flattened = run.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    for part in [metadata.explanation, metadata.rationale, metadata.remediation]
      + metadata.references + metadata.blindSpots
    {
      #expect(flattened.contains(part), "\(id) lacks: \(part.prefix(40))")
    }
  }

  @Test("explain --format json writes the rule's fields", arguments: ids)
  func explainsEveryRuleAsJSON(id: String) throws {
    let metadata = try #require(RuleRegistry.rule(id: id)).metadata
    let run = try Binary.run(["explain", "--format", "json", id])
    #expect(run.status == 0)
    let object = try run.json()
    #expect(object["id"] as? String == id)
    #expect(object["severity"] as? String == metadata.severity.rawValue)
    #expect(object["references"] as? [String] == metadata.references)
    #expect(object["blindSpots"] as? [String] == metadata.blindSpots)
  }

  @Test(
    "an unknown rule exits 64 and suggests the closest ID",
    arguments: [
      (
        ["explain", "proc.mask"],
        "mountaudit: unknown rule 'proc.mask' (did you mean 'proc.mask-missing'?): "
          + "'mountaudit rules' lists every rule"
      ),
      (
        ["explain", "nothing-like-it"],
        "mountaudit: unknown rule 'nothing-like-it': 'mountaudit rules' lists every rule"
      ),
      (["explain"], "mountaudit: 'explain' needs a rule ID: 'mountaudit rules' lists them"),
      (
        ["explain", "host.bind", "extra"],
        "mountaudit: unexpected argument 'extra' for 'explain'"
      ),
      (
        ["explain", "host.bind", "--host", "x"],
        "mountaudit: option '--host' does not apply to 'explain'"
      ),
    ])
  func unknownRule(arguments: [String], message: String) throws {
    let run = try Binary.run(arguments)
    #expect(run.status == 64)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr == message + "\nRun 'mountaudit --help' for usage.\n")
  }

  @Test(
    "help explain and explain --help describe the command",
    arguments: [
      ["help", "explain"], ["explain", "--help"],
    ])
  func help(arguments: [String]) throws {
    let run = try Binary.run(arguments)
    #expect(run.status == 0)
    #expect(run.text.hasPrefix("Usage: mountaudit explain RULE"))
  }
}
