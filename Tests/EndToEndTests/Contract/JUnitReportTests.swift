import Foundation
import Testing

/// `audit --format junit` writes well-formed JUnit XML whose failures follow `--fail-on`,
/// whatever names the container chose.
@Suite("JUnit report")
struct JUnitReportTests {
  static let python = "/usr/bin/python3"
  static let isAvailable = FileManager.default.isExecutableFile(atPath: python)

  @Test(
    "the JUnit reports of leaky, clean and hostile cases, golden and fresh, are well-formed",
    .enabled(if: isAvailable), arguments: ["error", "note", "never"])
  func reportsAreWellFormed(failOn: String) throws {
    let files = try ReportCases.reports(format: "junit", extra: ["--fail-on", failOn])
    defer { for file in files { try? FileManager.default.removeItem(at: file) } }
    let golden = try FileManager.default.contentsOfDirectory(
      atPath: Binary.repositoryRoot.appendingPathComponent("fixtures/golden").path
    ).filter { $0.hasSuffix(".junit") }.sorted().map { "fixtures/golden/\($0)" }
    #expect(golden.count >= 4)
    let result = try SchemaValidator.run(
      [Self.python, "scripts/validate-junit-reports.py"] + golden + files.map(\.path))
    #expect(result.status == 0, "\(result.output)")
  }

  @Test("the checker refuses XML that is not well-formed or miscounts", .enabled(if: isAvailable))
  func checkerRefusesBadReports() throws {
    let directory = FileManager.default.temporaryDirectory
    let broken = directory.appendingPathComponent("mountaudit-broken-\(UUID()).junit")
    try Data("<testsuites><testsuite></testsuites>".utf8).write(to: broken)
    let run = try Binary.run(ReportCases.hostile.arguments + ["--format", "junit"])
    let miscounted = directory.appendingPathComponent("mountaudit-miscounted-\(UUID()).junit")
    try Data(run.text.replacingOccurrences(of: " errors=\"0\"", with: " errors=\"2\"").utf8)
      .write(to: miscounted)
    defer {
      try? FileManager.default.removeItem(at: broken)
      try? FileManager.default.removeItem(at: miscounted)
    }
    for file in [broken, miscounted] {
      let result = try SchemaValidator.run(
        [Self.python, "scripts/validate-junit-reports.py", file.path])
      #expect(result.status == 1, "\(file.lastPathComponent) passed: \(result.output)")
    }
  }

  @Test("failures follow --fail-on, like the exit status")
  func failuresFollowFailOn() throws {
    let arguments = ReportCases.folder("runc/docker-sock").arguments + ["--format", "junit"]
    let json = try Binary.run(
      ReportCases.folder("runc/docker-sock").arguments + ["--format", "json"]
    ).json()
    let summary = try #require(json["summary"] as? [String: Int])
    let skipped = try #require(json["skipped"] as? [Any]).count

    let byDefault = try Binary.run(arguments)
    #expect(byDefault.status == 1)
    #expect(Self.count("failures", in: byDefault.text) == summary["error"])
    #expect(Self.count("skipped", in: byDefault.text) == skipped)
    #expect(byDefault.text.contains("<system-out>note "))

    let notes = try Binary.run(arguments + ["--fail-on", "note"])
    #expect(notes.status == 1)
    #expect(Self.count("failures", in: notes.text) == summary["total"])
    #expect(notes.text.contains("<failure type=\"note\""))

    let never = try Binary.run(arguments + ["--fail-on", "never"])
    #expect(never.status == 0)
    #expect(Self.count("failures", in: never.text) == 0)
    #expect(!never.text.contains("<failure"))
  }

  @Test("a rule that found nothing passes once, a rule that could not run is skipped")
  func passingAndSkippedRules() throws {
    let text = try Binary.run(
      ReportCases.folder("runc/default").arguments + ["--format", "junit"]
    ).text
    #expect(text.contains("<testcase classname=\"host.runtime-socket\" name=\"(all mounts)\"/>"))
    #expect(text.contains("<testcase classname=\"namespace.host\" name=\"(not run)\">"))
    let rules = try Binary.run(["rules"]).text.split(separator: "\n").count
    #expect(Self.count("tests", in: text)! >= rules)
  }

  @Test("hostile names are shown escaped and never break the XML")
  func hostileNames() throws {
    let run = try Binary.run(ReportCases.hostile.arguments + ["--format", "junit"])
    let bytes = [UInt8](run.stdout)
    #expect(!bytes.contains(0x1b))
    #expect(!bytes.contains(0x07))
    #expect(!run.text.unicodeScalars.contains("\u{202E}"))
    #expect(!run.text.unicodeScalars.contains("\u{FFFE}"))
    #expect(!run.text.split(separator: "\n").contains("0 errors, 0 warnings, 0 notes"))
    #expect(run.text.contains(#"name="/x\x1b[2J\x1b[H""#))
    #expect(run.text.contains(#"name="/a\n0 errors, 0 warnings, 0 notes""#))
    #expect(run.text.contains(#"name="/bad\xff\xfe-utf8""#))
    #expect(run.text.contains(#"name="/odd &lt;&amp;&quot;']]&gt; %41#frag?q=1:\u{FFFE}\t\x07""#))
  }

  /// The value of the `<testsuites>` attribute `name`.
  static func count(_ name: String, in text: String) -> Int? {
    guard let root = text.split(separator: "\n").first(where: { $0.hasPrefix("<testsuites") }),
      let start = root.range(of: " \(name)=\"")
    else { return nil }
    return Int(root[start.upperBound...].prefix { $0 != "\"" })
  }
}
