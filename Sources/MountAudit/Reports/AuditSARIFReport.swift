/// The audit report as a SARIF 2.1.0 log, for GitHub code scanning and other SARIF viewers;
/// `docs/sarif.md` describes it, and a test validates it against the OASIS schema in
/// `docs/schemas/`.
///
/// One run: the driver lists every registered rule (whether or not it fired), each finding
/// is a result located at the audited mountinfo file and the line of its mount, with a
/// logical location naming the mount point. Checks that could not run and the host
/// reference's fallbacks are the invocation's notifications. Keys are sorted, so the same
/// input gives the same bytes.
///
/// Strings a viewer shows people (messages, mount point names) are escaped as the text
/// report escapes them (`\x1b`, `\u{202E}`); the exact bytes of the mount point and host
/// path are in each result's `properties`, as the JSON report writes them.
public struct AuditSARIFReport {
  /// The SARIF version written.
  public static let version = "2.1.0"
  /// The schema the log names: OASIS SARIF 2.1.0 with errata 01, kept in `docs/schemas/`.
  public static let schemaURI =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
  /// The key of each result's `partialFingerprints`: rule ID and mount point, stable across
  /// runs (mount IDs and lines are not), so code scanning tracks one alert per leak.
  public static let fingerprintKey = "mountaudit/ruleAndMountPoint/v1"
  /// The `kind` of a mount point's logical location. SARIF's well-known kinds describe
  /// program constructs; none describes a mount point, and the format allows other values.
  public static let mountPointKind = "mountPoint"

  /// The report to write.
  public var report: AuditReport
  /// The rules the driver lists, in registry order; results refer to them by index.
  public var rules: [any Rule]

  /// Creates a SARIF writer for `report`.
  public init(_ report: AuditReport, rules: [any Rule] = RuleRegistry.all) {
    self.report = report
    self.rules = rules
  }

  /// The whole log.
  public var document: JSONValue {
    .object([
      "$schema": .string(Self.schemaURI),
      "version": .string(Self.version),
      "runs": .array([run]),
    ])
  }

  private var run: JSONValue {
    let lines = FindingLines(report)
    let indices = Dictionary(
      rules.enumerated().map { ($1.metadata.id, $0) }, uniquingKeysWith: { first, _ in first })
    return .object([
      "tool": .object([
        "driver": .object([
          "name": .string("mountaudit"),
          "version": .string(Version.current),
          "semanticVersion": .string(Version.current),
          "rules": .array(rules.map { Self.descriptor($0.metadata) }),
        ])
      ]),
      "invocations": .array([invocation(indices: indices)]),
      "results": .array(results(lines: lines, indices: indices)),
      "properties": runProperties,
    ])
  }

  /// The findings, then the excepted ones, each with a fingerprint no other result has.
  private func results(lines: FindingLines, indices: [String: Int]) -> [JSONValue] {
    let findings = report.findings + report.excepted.map(\.finding)
    let exceptions =
      [PolicyException?](repeating: nil, count: report.findings.count)
      + report.excepted.map(\.exception)
    let fingerprints = DistinctNames.make(findings.map(Self.fingerprint), of: findings) {
      $0 + ":" + $1.replacingOccurrences(of: " ", with: ":")
    }
    return findings.indices.map { index in
      let finding = findings[index]
      return result(
        finding, line: lines.line(of: finding), ruleIndex: indices[finding.rule],
        fingerprint: fingerprints[index], exception: exceptions[index])
    }
  }

  /// The reporting descriptor of a rule: its ID, a name, descriptions, help made of its
  /// remediation and references, and its default severity as the default level.
  static func descriptor(_ metadata: RuleMetadata) -> JSONValue {
    var full = "mountaudit reports this when " + metadata.summary + "."
    if metadata.requirements.contains(.hostTable) {
      full += " It needs the host's mount table (a live audit, --host or --host-pid)."
    }
    if metadata.requirements.contains(.liveNamespace) {
      full += " It needs the live mount namespaces of the target and the host."
    }
    var help = "Fix: " + metadata.remediation
    var markdown = "**Fix:** " + Markdown.escape(metadata.remediation)
    if !metadata.references.isEmpty {
      help += "\n\nReferences:\n" + metadata.references.map { "- " + $0 }.joined(separator: "\n")
      markdown +=
        "\n\n**References**\n\n"
        + metadata.references.map { "- " + Markdown.escape($0) }.joined(separator: "\n")
    }
    return .object([
      "id": .string(metadata.id),
      "name": .string(name(of: metadata.id)),
      "shortDescription": .object(["text": .string(sentence(metadata.summary))]),
      "fullDescription": .object(["text": .string(full)]),
      "help": .object(["text": .string(help), "markdown": .string(markdown)]),
      "defaultConfiguration": .object(["level": .string(metadata.severity.rawValue)]),
      "properties": .object([
        "tags": .array(["security", "containers", area(of: metadata.id)].map(JSONValue.string)),
        "security-severity": .string(securitySeverity(metadata.severity)),
      ]),
    ])
  }

  /// One finding as a result; a finding a policy exception let pass carries a suppression
  /// (external, accepted, with the exception's reason), which code scanning shows as
  /// dismissed rather than losing it.
  private func result(
    _ finding: Finding, line: Int?, ruleIndex: Int?, fingerprint: String,
    exception: PolicyException?
  ) -> JSONValue {
    var physical: [String: JSONValue] = [
      "artifactLocation": .object(["uri": .string(artifactURI)]),
      // GitHub code scanning needs a line; a finding about the whole table is shown at 1.
      "region": .object(["startLine": .integer(line ?? 1)]),
    ]
    if let jsonPath = finding.policyLocation, let policyFile = report.profile.source {
      // A note about the policy itself points at the policy file, at the value's JSON path.
      physical["artifactLocation"] = .object([
        "uri": .string(PercentEncoding.fileReference(policyFile))
      ])
      physical["properties"] = .object(["jsonPath": .string(jsonPath)])
    } else if line == nil {
      physical["properties"] = .object(["wholeTable": .bool(true)])
    }
    var location: [String: JSONValue] = ["physicalLocation": .object(physical)]
    if let mountPoint = finding.mountPoint {
      location["logicalLocations"] = .array([
        .object([
          "name": .string(TerminalText.escape(mountPoint.lastComponent)),
          "fullyQualifiedName": .string(TerminalText.escape(mountPoint)),
          "kind": .string(Self.mountPointKind),
        ])
      ])
    }
    var properties: [String: JSONValue] = [
      "mountPoint": .bytes(finding.mountPoint),
      "hostPath": .bytes(finding.hostPath),
      "mountId": .integer(finding.mountID),
      // The finding's own severity, after the policy's overrides: code scanning ranks
      // alerts by it, not by the rule's default.
      "security-severity": .string(Self.securitySeverity(finding.severity)),
    ]
    if !finding.references.isEmpty {
      properties["references"] = .array(finding.references.map(JSONValue.string))
    }
    var result: [String: JSONValue] = [
      "ruleId": .string(finding.rule),
      "level": .string(finding.severity.rawValue),
      "message": .object(["text": .string(TerminalText.escape(finding.message))]),
      "locations": .array([.object(location)]),
      "partialFingerprints": .object([Self.fingerprintKey: .string(fingerprint)]),
      "properties": .object(properties),
    ]
    if let ruleIndex { result["ruleIndex"] = .integer(ruleIndex) }
    if let exception {
      var justification = exception.reason
      if let expires = exception.expires { justification += " (until \(expires))" }
      result["suppressions"] = .array([
        .object([
          "kind": .string("external"), "status": .string("accepted"),
          "justification": .string(TerminalText.escape(justification)),
        ])
      ])
    }
    return .object(result)
  }

  /// `rule:` and the percent-encoded mount point (`rule:line:N` for a finding about an
  /// input line, `rule:policy:$.exceptions[N]` for one about the policy file): exact bytes,
  /// plain ASCII, the same on every run that finds the same leak.
  static func fingerprint(_ finding: Finding) -> String {
    if let mountPoint = finding.mountPoint {
      return finding.rule + ":" + PercentEncoding.path(mountPoint.bytes)
    }
    if let line = finding.line { return finding.rule + ":line:\(line)" }
    if let location = finding.policyLocation { return finding.rule + ":policy:" + location }
    return finding.rule + ":"
  }

  /// The audited file as a URI reference: the path as given (relative paths stay relative,
  /// absolute ones become `file:///`), `/proc/<pid>/mountinfo` for a process and
  /// `/dev/stdin` for standard input.
  var artifactURI: String {
    PercentEncoding.fileReference(report.target.path)
  }

  private func invocation(indices: [String: Int]) -> JSONValue {
    var notifications: [JSONValue] = report.skipped.map { check in
      var rule: [String: JSONValue] = ["id": .string(check.rule)]
      if let index = indices[check.rule] { rule["index"] = .integer(index) }
      return .object([
        "level": .string("warning"),
        "message": .object(["text": .string("\(check.rule) did not run: \(check.reason)")]),
        "associatedRule": .object(rule),
      ])
    }
    notifications += report.host.notes.map { note in
      .object([
        "level": .string("note"),
        "message": .object(["text": .string(TerminalText.escape(note))]),
      ])
    }
    return .object([
      "executionSuccessful": .bool(true),
      "toolExecutionNotifications": .array(notifications),
    ])
  }

  private var runProperties: JSONValue {
    .object([
      "profile": .string(report.profile.name),
      "policyFile": .string(report.profile.source),
      "target": AuditJSONReport.target(of: report),
      "host": .object([
        "kind": .string(report.host.origin?.kind ?? "none"),
        "path": .string(report.host.origin?.path),
      ]),
      "summary": AuditJSONReport.summary(of: report),
    ])
  }

  /// `host.runtime-socket` -> `HostRuntimeSocket`.
  static func name(of id: String) -> String {
    id.split(whereSeparator: { $0 == "." || $0 == "-" }).map {
      $0.prefix(1).uppercased() + $0.dropFirst()
    }
    .joined()
  }

  private static func area(of id: String) -> String {
    String(id.prefix { $0 != "." })
  }

  private static func sentence(_ summary: String) -> String {
    summary.prefix(1).uppercased() + summary.dropFirst() + "."
  }

  /// GitHub's classification of security alerts: 9.0 and up critical, 7.0 high, 4.0
  /// medium, below that low.
  private static func securitySeverity(_ severity: Severity) -> String {
    switch severity {
    case .error: "8.0"
    case .warning: "5.0"
    case .note: "2.0"
    }
  }
}

/// Escapes Markdown's punctuation in rule texts for SARIF's `help.markdown`.
private enum Markdown {
  static func escape(_ text: String) -> String {
    var output = ""
    for character in text {
      if "\\`*_[]<>#|".contains(character) { output.append("\\") }
      output.append(character)
    }
    return output
  }
}
