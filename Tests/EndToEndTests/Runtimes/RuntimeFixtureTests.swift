import Foundation
import Testing

/// Checks the verdict matrix offline, on any machine, against the tables captured from each
/// case (`fixtures/runtimes/<case>/`, by `scripts/capture-runtime-fixtures.sh`): golden
/// reports, and the case's verdict itself.
@Suite("Runtime fixtures")
struct RuntimeFixtureTests {
  /// The rules whose verdict depends on which paths the running kernel has: a live audit
  /// learns that from the host, an offline one cannot (`proc.mask-missing`).
  static let kernelDependentRules: Set<String> = ["proc.mask-missing", "proc.readonly-missing"]

  func audit(_ testCase: VerdictMatrix.Case, format: String) throws -> Binary.Run {
    let folder = "fixtures/runtimes/\(testCase.id)"
    return try Binary.run([
      "audit", "\(folder)/container.mountinfo", "--host", "\(folder)/host.mountinfo",
      "--profile", testCase.profile, "--format", format,
    ])
  }

  @Test("every case has its captured tables", arguments: VerdictMatrix.shared.cases)
  func tablesExist(_ testCase: VerdictMatrix.Case) {
    for table in ["container", "host"] {
      let path = "fixtures/runtimes/\(testCase.id)/\(table).mountinfo"
      #expect(
        FileManager.default.fileExists(
          atPath: Binary.repositoryRoot.appendingPathComponent(path).path), "missing \(path)")
    }
  }

  @Test(
    "the offline report matches its golden file", arguments: VerdictMatrix.shared.cases,
    ["text", "json"])
  func reportMatchesGolden(_ testCase: VerdictMatrix.Case, format: String) throws {
    let run = try audit(testCase, format: format)
    #expect(run.stderr == "")
    try GoldenFile.expect(
      run.text + "exit status: \(run.status)\n",
      matches: "fixtures/golden/runtimes-\(testCase.id).\(format)")
  }

  @Test(
    "the offline audit gives the case's verdict, but for what needs the live kernel",
    arguments: VerdictMatrix.shared.cases)
  func offlineVerdict(_ testCase: VerdictMatrix.Case) throws {
    let findings = SeenFinding.all(in: try audit(testCase, format: "json").json())
      .filter { !Self.kernelDependentRules.contains($0.rule) }
    let expected = testCase.expected.filter {
      !Self.kernelDependentRules.contains($0.rule) && $0.rule != "namespace.host"
    }
    let mismatch = VerdictMismatch(findings: findings, expected: expected)
    #expect(mismatch.unexpected.isEmpty, "\(testCase.id): not in the verdict")
    #expect(mismatch.missing.isEmpty, "\(testCase.id): expected but not found")
  }
}
