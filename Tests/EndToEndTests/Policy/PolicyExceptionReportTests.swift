import Foundation
import Testing

/// A finding a policy exception let pass is kept by the tools CI feeds: SARIF marks it
/// suppressed with the exception's reason, JUnit shows it as a passing case that says so.
@Suite("Excepted findings in SARIF and JUnit")
struct PolicyExceptionReportTests {
  static let arguments = [
    "fixtures/runc/docker-sock/container.mountinfo", "--host",
    "fixtures/runc/docker-sock/host.mountinfo", "--policy",
    "fixtures/policy/docker-sock-excepted.json",
  ]

  @Test("SARIF keeps the excepted socket as a result suppressed with the reason")
  func sarifSuppression() throws {
    let run = try Binary.run(Self.arguments + ["--format", "sarif"])
    #expect(run.status == 0, "\(run.stderr)")
    let results = try SARIFReportTests.results(of: run)
    let socket = results.filter { $0["ruleId"] as? String == "host.runtime-socket" }
    try #require(socket.count == 1)
    let suppressions = try #require(socket[0]["suppressions"] as? [[String: Any]])
    #expect(suppressions.count == 1)
    #expect(suppressions.first?["kind"] as? String == "external")
    #expect(suppressions.first?["status"] as? String == "accepted")
    #expect(
      suppressions.first?["justification"] as? String
        == "the CI job builds images with the host's docker (until 2999-12-31)")
    // Every other result is unsuppressed.
    #expect(results.filter { $0["suppressions"] != nil }.count == 1)

    guard SchemaValidator.isAvailable else { return }
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("mountaudit-excepted-\(UUID().uuidString).sarif")
    try run.stdout.write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let validation = try SchemaValidator.validate([file.path], schema: SARIFReportTests.schema)
    #expect(validation.status == 0, "\(validation.output)")
  }

  @Test("JUnit shows the excepted socket as a passing case with the reason")
  func junitPassingCase() throws {
    let run = try Binary.run(Self.arguments + ["--format", "junit"])
    #expect(run.status == 0, "\(run.stderr)")
    let text = run.text
    let start = try #require(text.range(of: #"<testcase classname="host.runtime-socket""#))
    let end = try #require(text.range(of: "</testcase>", range: start.upperBound..<text.endIndex))
    let testCase = String(text[start.lowerBound..<end.upperBound])
    #expect(testCase.contains(#"name="/var/run/docker.sock""#))
    #expect(!testCase.contains("<failure"))
    #expect(
      testCase.contains(
        "<system-out>excepted by the policy: the CI job builds images with the host's docker "
          + "(until 2999-12-31)\nerror host.runtime-socket at /var/run/docker.sock"))
  }
}

/// Two notes about two exceptions of one policy stay two alerts and two test cases: each
/// names its exception's place in the policy file.
@Suite("Policy notes in SARIF and JUnit")
struct PolicyNoteIdentityTests {
  static let arguments = [
    "fixtures/runc/docker-sock/container.mountinfo", "--host",
    "fixtures/runc/docker-sock/host.mountinfo", "--policy",
    "fixtures/policy/two-unused-exceptions.json", "--fail-on", "never",
  ]

  @Test("each unused exception has its own SARIF fingerprint")
  func sarifFingerprints() throws {
    let run = try Binary.run(Self.arguments + ["--format", "sarif"])
    #expect(run.status == 0, "\(run.stderr)")
    let results = try SARIFReportTests.results(of: run)
    let fingerprints = results.filter { $0["ruleId"] as? String == "policy.unused-exception" }
      .compactMap { ($0["partialFingerprints"] as? [String: String])?.values.first }
    #expect(
      fingerprints == [
        "policy.unused-exception:policy:$.exceptions[0]",
        "policy.unused-exception:policy:$.exceptions[1]",
      ])
    // Each points at the policy file, at its exception.
    let locations = results.filter { $0["ruleId"] as? String == "policy.unused-exception" }
      .compactMap {
        (($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
      }
    #expect(
      locations.compactMap { ($0["artifactLocation"] as? [String: Any])?["uri"] as? String }
        == Array(repeating: "fixtures/policy/two-unused-exceptions.json", count: 2))
    #expect(
      locations.compactMap { ($0["properties"] as? [String: Any])?["jsonPath"] as? String }
        == ["$.exceptions[0]", "$.exceptions[1]"])
  }

  @Test("each unused exception is its own JUnit case")
  func junitNames() throws {
    let run = try Binary.run(Self.arguments + ["--format", "junit"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.text.contains(
        #"<testcase classname="policy.unused-exception" name="policy $.exceptions[0]""#))
    #expect(
      run.text.contains(
        #"<testcase classname="policy.unused-exception" name="policy $.exceptions[1]""#))
  }
}
