import Foundation

/// The runtime verdict matrix, `fixtures/runtimes/verdicts.json`: for each runtime and
/// variant, how the lab starts it and the findings mountaudit must give on it.
///
/// The live tests, the offline fixture tests and `docs/runtimes.md` all read this one file,
/// so the published verdict table is the one the tests check.
struct VerdictMatrix: Decodable {
  /// A runtime the matrix starts, with what it needs installed.
  struct Runtime: Decodable {
    /// The runtime's name as the docs show it.
    var name: String
    /// The programs that must be on `PATH` for the lab to start it.
    var commands: [String]
    /// The Debian package that provides it.
    var package: String
    /// What the runtime does by default, for the docs.
    var defaults: String
  }

  /// One finding, or one kind of finding over a subtree, that a case must give.
  struct Expectation: Decodable, Hashable, CustomStringConvertible {
    var rule: String
    var severity: String
    /// The exact mount point of the finding (`null` for a finding about no mount).
    var at: String?
    /// Instead of `at`: findings of this rule and severity at or below this path, at
    /// least one (per-controller cgroups, or a copy of the host's own table).
    var under: String?

    /// Whether `finding` is one this expectation stands for.
    func matches(_ finding: SeenFinding) -> Bool {
      guard finding.rule == rule, finding.severity == severity else { return false }
      if let under {
        guard let mountPoint = finding.mountPoint else { return false }
        return under == "/" || mountPoint == under || mountPoint.hasPrefix(under + "/")
      }
      return finding.mountPoint == at
    }

    var description: String {
      "\(severity) \(rule) " + (under.map { "under \($0)" } ?? "at \(at ?? "-")")
    }
  }

  /// A propagation probe: mount a tmpfs on one side and look for it on the other.
  struct Probe: Decodable {
    /// The container mount whose propagation the probe tests.
    var mount: String
    /// Where to mount in the host's namespace (placeholders: `{container}` and `{host}`
    /// for the case's work directories, `{cgroup:NAME}` for the container's cgroup).
    var hostDir: String
    /// Where to mount inside the container, with the same placeholders.
    var containerDir: String
  }

  /// One runtime and variant.
  struct Case: Decodable, CustomStringConvertible {
    var id: String
    var runtime: String
    var variant: String
    /// `real` (this machine's namespace) or `systemd-like` (a stand-in host whose mounts
    /// are all shared).
    var host: String
    var profile: String
    var title: String
    /// Every finding the audit must give, notes included, and nothing else.
    var expected: [Expectation]
    /// Why these are the right findings, for the docs.
    var why: String
    var probes: [Probe]?

    var description: String { id }
  }

  var runtimes: [String: Runtime]
  var cases: [Case]

  /// The matrix as checked into the repository.
  static let shared: VerdictMatrix = {
    let url = Binary.repositoryRoot.appendingPathComponent("fixtures/runtimes/verdicts.json")
    do {
      return try JSONDecoder().decode(VerdictMatrix.self, from: Data(contentsOf: url))
    } catch {
      fatalError("cannot read \(url.path): \(error)")
    }
  }()
}

/// A finding as the JSON report gives it, reduced to what a verdict names.
struct SeenFinding: Hashable, CustomStringConvertible {
  var rule: String
  var severity: String
  var mountPoint: String?

  /// The findings of a JSON audit report.
  static func all(in report: [String: Any]) -> [SeenFinding] {
    let findings = report["findings"] as? [[String: Any]] ?? []
    return findings.map {
      SeenFinding(
        rule: $0["rule"] as? String ?? "", severity: $0["severity"] as? String ?? "",
        mountPoint: $0["mountPoint"] as? String)
    }
  }

  var description: String { "\(severity) \(rule) at \(mountPoint ?? "-")" }
}

/// How a report differs from a case's verdict: findings no expectation stands for, and
/// expectations no finding meets. Both empty when the report gives exactly the verdict.
struct VerdictMismatch {
  var unexpected: [SeenFinding]
  var missing: [VerdictMatrix.Expectation]

  var isEmpty: Bool { unexpected.isEmpty && missing.isEmpty }

  init(findings: [SeenFinding], expected: [VerdictMatrix.Expectation]) {
    unexpected = findings.filter { finding in !expected.contains { $0.matches(finding) } }
    missing = expected.filter { expectation in !findings.contains { expectation.matches($0) } }
  }
}
