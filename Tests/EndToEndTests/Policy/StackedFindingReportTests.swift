import Foundation
import Testing

/// Findings about mounts stacked at one mount point stay apart in every report, so that a
/// tool keying on names never merges a leak into another one (or into an excepted one).
@Suite("Stacked findings in reports")
struct StackedFindingReportTests {
  static let arguments = [
    "fixtures/stacked/container.mountinfo", "--host", "fixtures/stacked/host.mountinfo",
    "--fail-on", "never",
  ]

  @Test("each hidden socket has its own SARIF fingerprint, naming its host path")
  func sarifFingerprints() throws {
    let run = try Binary.run(Self.arguments + ["--format", "sarif"])
    #expect(run.status == 0, "\(run.stderr)")
    let results = try SARIFReportTests.results(of: run)
    let fingerprints = results.compactMap {
      ($0["partialFingerprints"] as? [String: String])?.values.first
    }
    #expect(Set(fingerprints).count == fingerprints.count, "\(fingerprints)")
    #expect(
      fingerprints.filter { $0.hasPrefix("host.hidden-leak:/s") } == [
        "host.hidden-leak:/s:host:/run/containerd/containerd.sock",
        "host.hidden-leak:/s:host:/run/docker.sock",
      ])
  }

  @Test("each hidden socket is its own JUnit case")
  func junitNames() throws {
    let run = try Binary.run(Self.arguments + ["--format", "junit"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.text.contains(
        #"<testcase classname="host.hidden-leak" name="/s (host /run/containerd/containerd.sock)""#
      ))
    #expect(
      run.text.contains(
        #"<testcase classname="host.hidden-leak" name="/s (host /run/docker.sock)""#))
  }

  @Test("the text report gives each stacked mount its own heading")
  func textHeadings() throws {
    let run = try Binary.run(Self.arguments)
    let headings = run.text.split(separator: "\n").filter { $0.hasPrefix("/s ") }
    #expect(
      headings == [
        "/s  (mount 90, host /run/containerd/containerd.sock)",
        "/s  (mount 91, host /run/docker.sock)",
      ])
  }

  @Test("SARIF ranks each result by its severity after the policy, and names the policy")
  func sarifSeverityAfterPolicy() throws {
    let policy = FileManager.default.temporaryDirectory
      .appendingPathComponent("mountaudit-regrade-\(UUID().uuidString).json")
    try Data(#"{"rules": [{"rule": "host.hidden-leak", "severity": "error"}]}"#.utf8)
      .write(to: policy)
    defer { try? FileManager.default.removeItem(at: policy) }
    let run = try Binary.run(Self.arguments + ["--format", "sarif", "--policy", policy.path])
    #expect(run.status == 0, "\(run.stderr)")
    let sarifRun = try SARIFReportTests.run(of: JSONSerialization.jsonObject(with: run.stdout))
    let results = try #require(sarifRun["results"] as? [[String: Any]])
    let leaks = results.filter { $0["ruleId"] as? String == "host.hidden-leak" }
    #expect(leaks.count == 2)
    for leak in leaks {
      #expect(leak["level"] as? String == "error")
      #expect((leak["properties"] as? [String: Any])?["security-severity"] as? String == "8.0")
    }
    let properties = try #require(sarifRun["properties"] as? [String: Any])
    #expect(properties["policyFile"] as? String == policy.path)
  }
}
