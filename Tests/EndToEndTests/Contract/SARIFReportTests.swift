import Foundation
import Testing

/// `audit --format sarif` writes SARIF 2.1.0 that the OASIS schema accepts and that points
/// every result at its rule, the audited file, the mount's line and the mount point.
@Suite("SARIF report")
struct SARIFReportTests {
  static let schema = "docs/schemas/sarif-schema-2.1.0.json"

  @Test(
    "the SARIF logs of leaky, clean and hostile cases, golden and live, match the schema",
    .enabled(if: SchemaValidator.isAvailable || RuncLab.isRequired))
  func logsMatchSchema() throws {
    try #require(SchemaValidator.isAvailable, "python3-jsonschema is not installed")
    var files = try ReportCases.reports(format: "sarif")
    let live = try Binary.run([String(getpid()), "--format", "sarif"])
    let liveFile = FileManager.default.temporaryDirectory
      .appendingPathComponent("mountaudit-live-\(UUID().uuidString).sarif")
    try live.stdout.write(to: liveFile)
    files.append(liveFile)
    defer { for file in files { try? FileManager.default.removeItem(at: file) } }
    let golden = try FileManager.default.contentsOfDirectory(
      atPath: Binary.repositoryRoot.appendingPathComponent("fixtures/golden").path
    ).filter { $0.hasSuffix(".sarif") }.sorted().map { "fixtures/golden/\($0)" }
    #expect(golden.count >= 4)

    let result = try SchemaValidator.validate(golden + files.map(\.path), schema: Self.schema)
    #expect(result.status == 0, "\(result.output)")
  }

  @Test(
    "the schema rejects a log that breaks it",
    .enabled(if: SchemaValidator.isAvailable || RuncLab.isRequired))
  func schemaRejectsBadLog() throws {
    try #require(SchemaValidator.isAvailable, "python3-jsonschema is not installed")
    let run = try Binary.run(ReportCases.hostile.arguments + ["--format", "sarif"])
    let broken = run.text.replacingOccurrences(
      of: #""level" : "error""#, with: #""level" : "fatal""#)
    #expect(broken != run.text)
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("mountaudit-bad-\(UUID().uuidString).sarif")
    try Data(broken.utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    #expect(try SchemaValidator.validate([file.path], schema: Self.schema).status == 1)
  }

  @Test("every registered rule is a descriptor, and every result refers to its own")
  func rulesAndResults() throws {
    let log = try Self.log(ReportCases.folder("runtimes/runc-docker-sock").arguments)
    let run = try Self.run(of: log)
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    let rules = try #require(driver["rules"] as? [[String: Any]])
    let listed = try Binary.run(["rules"]).text.split(separator: "\n").map {
      String($0.prefix { $0 != " " })
    }
    #expect(rules.compactMap { $0["id"] as? String } == listed)
    for rule in rules {
      let level = (rule["defaultConfiguration"] as? [String: Any])?["level"] as? String
      #expect(["error", "warning", "note"].contains(level))
      #expect(((rule["help"] as? [String: Any])?["text"] as? String)?.hasPrefix("Fix: ") == true)
    }

    let results = try #require(run["results"] as? [[String: Any]])
    #expect(!results.isEmpty)
    for result in results {
      let index = try #require(result["ruleIndex"] as? Int)
      #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
    }
    let socket = try #require(results.first { $0["ruleId"] as? String == "host.runtime-socket" })
    #expect(socket["level"] as? String == "error")
    let fingerprints = socket["partialFingerprints"] as? [String: String]
    #expect(
      fingerprints?["mountaudit/ruleAndMountPoint/v1"]
        == "host.runtime-socket:/var/run/docker.sock")
  }

  @Test("a result points at the audited file and the line of its mount")
  func locations() throws {
    let testCase = ReportCases.folder("runtimes/runc-docker-sock")
    let run = try Self.run(of: Self.log(testCase.arguments))
    let table = try String(
      contentsOf: Binary.repositoryRoot.appendingPathComponent(testCase.container),
      encoding: .utf8
    ).split(separator: "\n", omittingEmptySubsequences: false)
    let results = try #require(run["results"] as? [[String: Any]])
    var checked = 0
    for result in results {
      let location = try #require((result["locations"] as? [[String: Any]])?.first)
      let physical = try #require(location["physicalLocation"] as? [String: Any])
      let uri = (physical["artifactLocation"] as? [String: Any])?["uri"] as? String
      #expect(uri == testCase.container)
      let line = try #require((physical["region"] as? [String: Any])?["startLine"] as? Int)
      let properties = try #require(result["properties"] as? [String: Any])
      guard properties["mountId"] as? Int != nil,
        let mountPoint = properties["mountPoint"] as? String
      else { continue }
      let fields = table[line - 1].split(separator: " ")
      #expect(fields[4] == mountPoint, "line \(line) is not the mount of \(mountPoint)")
      let logical = (location["logicalLocations"] as? [[String: Any]])?.first
      #expect(logical?["fullyQualifiedName"] as? String == mountPoint)
      #expect(logical?["kind"] as? String == "mountPoint")
      checked += 1
    }
    #expect(checked >= 1)
  }

  @Test("a live audit names /proc/PID/mountinfo, standard input /dev/stdin")
  func processAndStandardInputURIs() throws {
    let pid = getpid()
    // The test process shares the host's mount namespace: namespace.host reports it.
    let live = try Self.artifactURIs(Self.log([String(pid)]))
    #expect(!live.isEmpty)
    #expect(live.allSatisfy { $0 == "file:///proc/\(pid)/mountinfo" })
    let table = try Data(
      contentsOf: Binary.repositoryRoot.appendingPathComponent(
        "fixtures/runtimes/runc-docker-sock/container.mountinfo"))
    let run = try Binary.run(["-", "--format", "sarif"], input: table)
    let uris = try Self.artifactURIs(JSONSerialization.jsonObject(with: run.stdout))
    #expect(!uris.isEmpty)
    #expect(uris.allSatisfy { $0 == "file:///dev/stdin" })
  }

  @Test("hostile names stay exact in properties, visible in messages, ASCII in URIs")
  func hostileNames() throws {
    let log = try Self.log(ReportCases.hostile.arguments)
    let results = try #require(try Self.run(of: log)["results"] as? [[String: Any]])
    let points = results.compactMap { ($0["properties"] as? [String: Any])?["mountPoint"] }
    #expect(points.contains { $0 as? String == "/x\u{1b}[2J\u{1b}[H" })
    #expect(points.contains { $0 as? String == "/a\n0 errors, 0 warnings, 0 notes" })
    #expect(points.contains { $0 as? String == "/\u{202E}gnp.txt" })
    #expect(
      points.contains {
        ($0 as? [String: String])?["hex"] == "2f626164fffe2d75746638"
      })

    var shown: [String] = []
    for result in results {
      shown.append(((result["message"] as? [String: Any])?["text"] as? String) ?? "")
      let location = (result["locations"] as? [[String: Any]])?.first
      for logical in (location?["logicalLocations"] as? [[String: Any]]) ?? [] {
        shown.append((logical["fullyQualifiedName"] as? String) ?? "")
        shown.append((logical["name"] as? String) ?? "")
      }
    }
    #expect(shown.contains("/x\\x1b[2J\\x1b[H"))
    #expect(shown.contains("/bad\\xff\\xfe-utf8"))
    for text in shown {
      #expect(
        !text.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{202E}" || $0 == "\u{FFFE}" },
        "unescaped character in \(text.debugDescription)")
    }

    let fingerprints = results.compactMap {
      ($0["partialFingerprints"] as? [String: String])?["mountaudit/ruleAndMountPoint/v1"]
    }
    #expect(fingerprints.count == results.count)
    #expect(Set(fingerprints).count == fingerprints.count)
    #expect(fingerprints.contains("host.sensitive-path:/bad%FF%FE-utf8"))
    let uriCharacters = Set(
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/%:".unicodeScalars)
    for text in fingerprints + (try Self.artifactURIs(log)) {
      #expect(text.unicodeScalars.allSatisfy(uriCharacters.contains), "\(text)")
    }
  }

  @Test("SARIF output is byte-for-byte stable, and the exit status follows --fail-on")
  func stableAndExitStatus() throws {
    let arguments = ReportCases.hostile.arguments + ["--format", "sarif"]
    let first = try Binary.run(arguments)
    #expect(first.status == 1)
    #expect(first.stdout == (try Binary.run(arguments).stdout))
    let never = try Binary.run(arguments + ["--fail-on", "never"])
    #expect(never.status == 0)
    #expect(never.stdout == first.stdout)
  }

  static func log(_ arguments: [String]) throws -> Any {
    let run = try Binary.run(arguments + ["--format", "sarif"])
    #expect(run.status == 0 || run.status == 1)
    return try JSONSerialization.jsonObject(with: run.stdout)
  }

  static func run(of log: Any) throws -> [String: Any] {
    let document = try #require(log as? [String: Any])
    #expect(document["version"] as? String == "2.1.0")
    let runs = try #require(document["runs"] as? [[String: Any]])
    #expect(runs.count == 1)
    return try #require(runs.first)
  }

  /// The results of the one run of the SARIF log `run` wrote.
  static func results(of run: Binary.Run) throws -> [[String: Any]] {
    try #require(
      try Self.run(of: JSONSerialization.jsonObject(with: run.stdout))["results"]
        as? [[String: Any]])
  }

  static func artifactURIs(_ log: Any) throws -> [String] {
    let results = try #require(try run(of: log)["results"] as? [[String: Any]])
    return results.compactMap { result in
      let location = (result["locations"] as? [[String: Any]])?.first
      let physical = location?["physicalLocation"] as? [String: Any]
      return (physical?["artifactLocation"] as? [String: Any])?["uri"] as? String
    }
  }
}
