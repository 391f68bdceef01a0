import Foundation
import Testing

/// Every JSON report the golden tests record, and a live report, validate against
/// `docs/audit-report.schema.json` with Debian's python3-jsonschema.
@Suite("JSON schema", .enabled(if: SchemaValidator.isAvailable || RuncLab.isRequired))
struct JSONSchemaTests {
  @Test("the golden JSON reports and a live report match the schema")
  func reportsMatchSchema() throws {
    try #require(SchemaValidator.isAvailable, "python3-jsonschema is not installed")
    let golden = try FileManager.default.contentsOfDirectory(
      atPath: Binary.repositoryRoot.appendingPathComponent("fixtures/golden").path
    ).filter { $0.hasSuffix(".json") && !$0.hasPrefix("diff-") }.sorted().map {
      "fixtures/golden/\($0)"
    }
    #expect(golden.count >= 16)

    let live = try Binary.run([String(getpid()), "--format", "json"])
    let liveFile = FileManager.default.temporaryDirectory
      .appendingPathComponent("mountaudit-live-\(UUID().uuidString).json")
    try live.stdout.write(to: liveFile)
    defer { try? FileManager.default.removeItem(at: liveFile) }

    let result = try SchemaValidator.validate(golden + [liveFile.path])
    #expect(result.status == 0, "\(result.output)")
  }

  @Test("the golden JSON diffs match the diff schema")
  func diffsMatchSchema() throws {
    try #require(SchemaValidator.isAvailable, "python3-jsonschema is not installed")
    let golden = try FileManager.default.contentsOfDirectory(
      atPath: Binary.repositoryRoot.appendingPathComponent("fixtures/golden").path
    ).filter { $0.hasSuffix(".json") && $0.hasPrefix("diff-") }.sorted().map {
      "fixtures/golden/\($0)"
    }
    #expect(golden.count >= 10)
    let result = try SchemaValidator.validate(golden, schema: "docs/diff-report.schema.json")
    #expect(result.status == 0, "\(result.output)")
  }

  @Test("the validator rejects a report that breaks the schema")
  func validatorRejectsBadReport() throws {
    try #require(SchemaValidator.isAvailable, "python3-jsonschema is not installed")
    let bad = FileManager.default.temporaryDirectory
      .appendingPathComponent("mountaudit-bad-\(UUID().uuidString).json")
    try Data(#"{"schemaVersion": 1, "findings": [{"severity": "fatal"}]}"#.utf8).write(to: bad)
    defer { try? FileManager.default.removeItem(at: bad) }
    #expect(try SchemaValidator.validate([bad.path]).status == 1)
  }
}

/// `scripts/validate-json-reports.py` run with Debian's Python and python3-jsonschema.
enum SchemaValidator {
  static let python = "/usr/bin/python3"

  static let isAvailable: Bool = {
    guard FileManager.default.isExecutableFile(atPath: python) else { return false }
    return (try? run([python, "-c", "import jsonschema"]).status) == 0
  }()

  static func validate(
    _ reports: [String], schema: String = "docs/audit-report.schema.json"
  ) throws -> (status: Int32, output: String) {
    try run([python, "scripts/validate-json-reports.py", schema] + reports)
  }

  static func run(_ command: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: command[0])
    process.arguments = Array(command.dropFirst())
    process.currentDirectoryURL = Binary.repositoryRoot
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}
