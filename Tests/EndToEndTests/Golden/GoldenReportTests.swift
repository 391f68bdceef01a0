import Foundation
import Testing

/// Audits every captured container table against its host table with the built binary and
/// compares the text and JSON reports, with the exit status, to golden files in
/// `fixtures/golden/`. Set `MOUNTAUDIT_RECORD_GOLDEN=1` to re-record them.
@Suite("Golden reports")
struct GoldenReportTests {
  /// Every fixture folder that holds a container table and its host table.
  static let cases: [String] = {
    let fixtures = Binary.repositoryRoot.appendingPathComponent("fixtures")
    var found: [String] = []
    for group in ["runc", "field-cases"] {
      let folder = fixtures.appendingPathComponent(group)
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
      for name in names.sorted() {
        let container = folder.appendingPathComponent(name).appendingPathComponent(
          "container.mountinfo")
        if FileManager.default.fileExists(atPath: container.path) {
          found.append("\(group)/\(name)")
        }
      }
    }
    return found
  }()

  @Test("the fixture set includes runc captures and field cases")
  func fixtureSetIsComplete() {
    #expect(Self.cases.contains("runc/default"))
    #expect(Self.cases.contains("field-cases/_baseline"))
    #expect(Self.cases.count >= 16)
  }

  @Test("the report matches its golden file", arguments: cases, ["text", "json"])
  func reportMatchesGolden(fixture: String, format: String) throws {
    let run = try Binary.run([
      "audit", "fixtures/\(fixture)/container.mountinfo",
      "--host", "fixtures/\(fixture)/host.mountinfo", "--format", format,
    ])
    #expect(run.stderr == "")
    #expect(run.status == 0 || run.status == 1)
    let actual = run.text + "exit status: \(run.status)\n"
    let name = fixture.replacingOccurrences(of: "/", with: "-") + "." + format
    try GoldenFile.expect(actual, matches: "fixtures/golden/\(name)")
  }

  /// Cases whose SARIF and JUnit reports are kept too: two leaky runc captures, a field
  /// case with a renamed runtime socket, and the hostile names.
  static let otherFormatCases: [ReportCases.Case] = [
    ReportCases.folder("runc/docker-sock"), ReportCases.folder("runc/host-root"),
    ReportCases.folder("field-cases/R08"), ReportCases.hostile,
  ]

  @Test(
    "the SARIF and JUnit reports match their golden files",
    arguments: otherFormatCases, ["sarif", "junit"])
  func otherFormatMatchesGolden(testCase: ReportCases.Case, format: String) throws {
    let run = try Binary.run(testCase.arguments + ["--format", format])
    #expect(run.stderr == "")
    #expect(run.status == 1)
    let actual = run.text + "exit status: \(run.status)\n"
    let name = testCase.name.replacingOccurrences(of: "/", with: "-") + "." + format
    try GoldenFile.expect(actual, matches: "fixtures/golden/\(name)")
  }
}
