import Foundation
import Testing

/// Every example policy, every test policy and every `policy show` output validate against
/// `docs/policy.schema.json`, and a report with excepted findings against the report schema.
@Suite("Policy schema", .enabled(if: SchemaValidator.isAvailable || RuncLab.isRequired))
struct PolicySchemaTests {
  static let schema = "docs/policy.schema.json"

  static func files(in folder: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(
      atPath: Binary.repositoryRoot.appendingPathComponent(folder).path
    ).filter { $0.hasSuffix(".json") }.sorted().map { "\(folder)/\($0)" }
  }

  @Test("the examples, the test policies and every built-in profile match the schema")
  func policiesMatchSchema() throws {
    try #require(SchemaValidator.isAvailable, "python3-jsonschema is not installed")
    let examples = try Self.files(in: "docs/examples")
    #expect(examples.count >= 3)
    let fixtures = try Self.files(in: "fixtures/policy").filter { !$0.contains("/bad-") }
    #expect(fixtures.count >= 3)

    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("mountaudit-shown-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var shown: [String] = []
    for profile in ["default", "runc", "crun", "docker", "podman", "k8s", "strict"] {
      let file = folder.appendingPathComponent("\(profile).json")
      try Binary.run(["policy", "show", profile]).stdout.write(to: file)
      shown.append(file.path)
    }

    let result = try SchemaValidator.validate(
      examples + fixtures + shown, schema: Self.schema)
    #expect(result.status == 0, "\(result.output)")
  }

  @Test("every example policy is one mountaudit accepts")
  func examplesAreAccepted() throws {
    for example in try Self.files(in: "docs/examples") {
      let run = try Binary.run([
        "fixtures/runc/default/container.mountinfo", "--host",
        "fixtures/runc/default/host.mountinfo", "--policy", example,
      ])
      #expect(run.stderr == "", "\(example)")
      #expect(run.status == 0 || run.status == 1, "\(example)")
    }
  }

  @Test("the schema rejects the bad test policy too")
  func schemaRejectsBadPolicy() throws {
    try #require(SchemaValidator.isAvailable, "python3-jsonschema is not installed")
    let result = try SchemaValidator.validate(
      ["fixtures/policy/bad-reason.json"], schema: Self.schema)
    #expect(result.status == 1)
    #expect(result.output.contains("at 'exceptions/2/reason'"))
  }

  @Test("a report with excepted findings matches the report schema")
  func exceptedReportMatchesSchema() throws {
    try #require(SchemaValidator.isAvailable, "python3-jsonschema is not installed")
    let run = try Binary.run([
      "fixtures/runc/docker-sock/container.mountinfo", "--host",
      "fixtures/runc/docker-sock/host.mountinfo", "--format", "json", "--policy",
      "fixtures/policy/unused-exception.json",
    ])
    #expect((try run.json()["excepted"] as? [Any])?.count == 1)
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("mountaudit-excepted-\(UUID().uuidString).json")
    try run.stdout.write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let result = try SchemaValidator.validate([file.path])
    #expect(result.status == 0, "\(result.output)")
  }
}
