/// The audit report as JUnit XML, the test-report dialect Jenkins, GitLab and GitHub test
/// reporters read; `docs/sarif.md` describes it.
///
/// One `<testsuite name="mountaudit">` in a `<testsuites>` root. Each rule is a class of
/// test cases (`classname` is its ID), in registry order:
/// - one test case per finding, named after the mount point (`(whole table)`, `line N` or
///   `policy $.exceptions[N]` for findings about no mount): a `<failure>` when the finding
///   is at or above the failure threshold (`--fail-on`), otherwise a passing case whose
///   `<system-out>` holds the finding, so that the test report fails exactly when the exit
///   status does; cases that would share a name are told apart (`DistinctNames`);
/// - a passing case, saying so, for each finding a policy exception let pass;
/// - one passing `(all mounts)` case for a rule that found nothing;
/// - one `(not run)` case with `<skipped>` for a rule that could not run.
///
/// Names and messages go through `XMLText`: control characters, which XML 1.0 cannot carry
/// at all, are shown as `\x1b`, `\n`; the exact bytes are in the JSON and SARIF reports.
/// No timestamps or durations are written, so the same input gives the same bytes.
public struct AuditJUnitReport {
  /// The report to write.
  public var report: AuditReport
  /// Findings at or above this severity are failures; `nil` (`--fail-on never`) makes
  /// every finding a passing case with output.
  public var failureThreshold: Severity?
  /// The rules, one class of test cases each.
  public var rules: [any Rule]

  /// Creates a JUnit writer for `report`.
  public init(
    _ report: AuditReport, failureThreshold: Severity? = .error,
    rules: [any Rule] = RuleRegistry.all
  ) {
    self.report = report
    self.failureThreshold = failureThreshold
    self.rules = rules
  }

  /// One test case, before it is written.
  private struct TestCase {
    enum Outcome {
      case passed(output: String?)
      case failed(type: String, message: String, body: String)
      case skipped(reason: String)
    }
    var rule: String
    /// Already made visible (`TerminalText`); only XML's entities remain to be written.
    var name: String
    var outcome: Outcome
  }

  /// The whole document, ending in a newline.
  public var text: String {
    let cases = testCases
    var counts = ""
    counts += " tests=\"\(cases.count)\""
    counts +=
      " failures=\"\(cases.count { if case .failed = $0.outcome { true } else { false } })\""
    counts += " errors=\"0\""
    counts +=
      " skipped=\"\(cases.count { if case .skipped = $0.outcome { true } else { false } })\""
    var lines = [
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
      "<testsuites name=\"mountaudit\"\(counts)>",
      "  <testsuite name=\"mountaudit\"\(counts)>",
      "    <properties>",
    ]
    for (name, value) in properties {
      lines.append(
        "      <property name=\"\(name)\" value=\"\(XMLText.escape(value))\"/>")
    }
    lines.append("    </properties>")
    for testCase in cases { lines += Self.lines(of: testCase) }
    lines += ["  </testsuite>", "</testsuites>"]
    return lines.joined(separator: "\n") + "\n"
  }

  private var properties: [(String, String)] {
    var properties = [
      ("mountaudit.version", Version.current),
      ("target", report.target.description),
      ("profile", report.profile.name),
      ("host", report.host.origin?.description ?? "none"),
      ("failOn", failureThreshold?.rawValue ?? "never"),
    ]
    if let policyFile = report.profile.source { properties.append(("policyFile", policyFile)) }
    if let namespace = report.targetNamespace {
      properties.append(("mountNamespace", namespace.name))
    }
    return properties
  }

  private var testCases: [TestCase] {
    let skipped = Dictionary(
      report.skipped.map { ($0.rule, $0.reason) }, uniquingKeysWith: { first, _ in first })
    let findings = Dictionary(grouping: report.findings, by: \.rule)
    let excepted = Dictionary(grouping: report.excepted, by: \.finding.rule)
    var cases: [TestCase] = []
    for rule in rules.map(\.metadata.id) {
      if let reason = skipped[rule] {
        cases.append(TestCase(rule: rule, name: "(not run)", outcome: .skipped(reason: reason)))
        continue
      }
      let ruleFindings = findings[rule] ?? []
      let ruleExcepted = excepted[rule] ?? []
      if ruleFindings.isEmpty && ruleExcepted.isEmpty {
        cases.append(TestCase(rule: rule, name: "(all mounts)", outcome: .passed(output: nil)))
        continue
      }
      var ruleCases = ruleFindings.map(testCase) + ruleExcepted.map(exceptedCase)
      let names = DistinctNames.make(
        ruleCases.map(\.name), of: ruleFindings + ruleExcepted.map(\.finding)
      ) { "\($0) (\($1))" }
      for index in ruleCases.indices { ruleCases[index].name = names[index] }
      cases += ruleCases
    }
    // Findings of rules outside `rules` are never dropped silently.
    let known = Set(rules.map(\.metadata.id))
    cases += report.findings.filter { !known.contains($0.rule) }.map(testCase)
    return cases
  }

  private func testCase(_ finding: Finding) -> TestCase {
    var name = "(whole table)"
    if let mountPoint = finding.mountPoint {
      name = TerminalText.escape(mountPoint)
    } else if let line = finding.line {
      name = "line \(line)"
    } else if let location = finding.policyLocation {
      name = "policy \(location)"
    }
    let body = Self.body(of: finding)
    if let threshold = failureThreshold, finding.severity >= threshold {
      return TestCase(
        rule: finding.rule, name: name,
        outcome: .failed(
          type: finding.severity.rawValue, message: TerminalText.escape(finding.message),
          body: body))
    }
    return TestCase(rule: finding.rule, name: name, outcome: .passed(output: body))
  }

  /// A finding a policy exception let pass: a passing case that says so, with the reason.
  private func exceptedCase(_ excepted: ExceptedFinding) -> TestCase {
    var passed = testCase(excepted.finding)
    var note = "excepted by the policy: " + TerminalText.escape(excepted.exception.reason)
    if let expires = excepted.exception.expires { note += " (until \(expires))" }
    passed.outcome = .passed(output: note + "\n" + Self.body(of: excepted.finding))
    return passed
  }

  /// The finding in the text report's words: severity, rule and mount, message, fix,
  /// references.
  private static func body(of finding: Finding) -> String {
    var heading = finding.severity.rawValue + " " + finding.rule
    if let mountPoint = finding.mountPoint {
      heading += " at " + TerminalText.escape(mountPoint)
    } else if let line = finding.line {
      heading += " at input line \(line)"
    }
    var details: [String] = []
    if let id = finding.mountID { details.append("mount \(id)") }
    if let hostPath = finding.hostPath { details.append("host " + TerminalText.escape(hostPath)) }
    if !details.isEmpty { heading += " (" + details.joined(separator: ", ") + ")" }
    var lines = [
      heading, TerminalText.escape(finding.message),
      "fix: " + TerminalText.escape(finding.remediation),
    ]
    for reference in finding.references { lines.append("see: " + TerminalText.escape(reference)) }
    return lines.joined(separator: "\n")
  }

  private static func lines(of testCase: TestCase) -> [String] {
    let open =
      "    <testcase classname=\"\(XMLText.entities(testCase.rule))\" "
      + "name=\"\(XMLText.entities(testCase.name))\""
    switch testCase.outcome {
    case .passed(output: nil):
      return [open + "/>"]
    case .passed(output: let output?):
      return [
        open + ">", "      <system-out>" + XMLText.entities(output) + "</system-out>",
        "    </testcase>",
      ]
    case .failed(let type, let message, let body):
      return [
        open + ">",
        "      <failure type=\"\(type)\" message=\"\(XMLText.entities(message))\">"
          + XMLText.entities(body) + "</failure>",
        "    </testcase>",
      ]
    case .skipped(let reason):
      return [
        open + ">", "      <skipped message=\"\(XMLText.escape(reason))\"/>", "    </testcase>",
      ]
    }
  }
}
