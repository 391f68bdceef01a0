import Foundation
import Testing

/// `--fail-on never`, `--summary-only` and where `--format sarif|junit` applies.
@Suite("Report options")
struct ReportOptionsTests {
  static let leaky = ReportCases.folder("runc/docker-sock").arguments

  @Test("--fail-on never exits 0 with errors found, and 2 when the audit cannot run")
  func failOnNever() throws {
    #expect(try Binary.run(Self.leaky).status == 1)
    let never = try Binary.run(Self.leaky + ["--fail-on", "never"])
    #expect(never.status == 0)
    #expect(never.text.contains("host.runtime-socket"))
    let missing = try Binary.run(["/nonexistent/table", "--fail-on", "never"])
    #expect(missing.status == 2)
  }

  @Test("--summary-only prints the text report's summary line alone")
  func summaryOnlyText() throws {
    let full = try Binary.run(Self.leaky)
    let summary = try Binary.run(Self.leaky + ["--summary-only"])
    #expect(summary.status == full.status)
    let lastLine = full.text.split(separator: "\n").last.map(String.init)
    #expect(summary.text == (lastLine ?? "") + "\n")
    #expect(summary.text == "1 error, 0 warnings, 7 notes\n")
  }

  @Test("--summary-only keeps the JSON document but writes findings and excepted as null")
  func summaryOnlyJSON() throws {
    let full = try Binary.run(Self.leaky + ["--format", "json"]).json()
    let run = try Binary.run(Self.leaky + ["--format", "json", "--summary-only"])
    #expect(run.status == 1)
    let summary = try run.json()
    #expect(summary["findings"] is NSNull)
    #expect(summary["excepted"] is NSNull)
    #expect(
      NSDictionary(dictionary: summary["summary"] as? [String: Any] ?? [:])
        == NSDictionary(dictionary: full["summary"] as? [String: Any] ?? [:]))
    #expect(Set(summary.keys) == Set(full.keys))

    guard SchemaValidator.isAvailable else { return }
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("mountaudit-summary-\(UUID().uuidString).json")
    try run.stdout.write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let result = try SchemaValidator.validate([file.path])
    #expect(result.status == 0, "\(result.output)")
  }

  @Test(
    "the formats for other tools are refused where they do not apply",
    arguments: [
      (
        ["x", "--format", "sarif", "--summary-only"],
        "mountaudit: '--summary-only' applies to text and json reports, not to "
          + "'--format sarif' (its readers need every result)"
      ),
      (
        ["x", "--summary-only", "--format", "junit"],
        "mountaudit: '--summary-only' applies to text and json reports, not to "
          + "'--format junit' (its readers need every result)"
      ),
      (["tree", "x", "--format", "sarif"], "mountaudit: '--format sarif' applies to audit only"),
      (
        ["diff", "a", "b", "--format", "junit"],
        "mountaudit: '--format junit' applies to audit only"
      ),
      (
        ["diff", "a", "b", "--audit", "--format", "sarif"],
        "mountaudit: '--format sarif' applies to audit only"
      ),
      (
        ["tree", "x", "--summary-only"],
        "mountaudit: option '--summary-only' does not apply to 'tree'"
      ),
      (["x", "--summary-only=yes"], "mountaudit: option '--summary-only' takes no value"),
      (
        ["x", "--fail-on", "none"],
        "mountaudit: invalid value 'none' for '--fail-on': expected error, warning, note or never"
      ),
    ])
  func usageErrors(arguments: [String], message: String) throws {
    let run = try Binary.run(arguments)
    #expect(run.status == 64)
    #expect(run.stderr == message + "\nRun 'mountaudit --help' for usage.\n")
    #expect(run.stdout.isEmpty)
  }

  @Test("help names the new formats and options")
  func help() throws {
    let text = try Binary.run(["help", "audit"]).text
    for word in ["sarif", "junit", "--summary-only", "never"] {
      #expect(text.contains(word), "help lacks \(word)")
    }
  }
}
