/// The audit report as one JSON document for machines; `docs/json.md` and
/// `docs/audit-report.schema.json` describe it.
///
/// Keys are sorted and every field is always present (`null` where it does not apply), so
/// the same input gives the same bytes.
public struct AuditJSONReport {
  /// The version of the document's layout; raised on incompatible changes.
  public static let schemaVersion = 1

  /// The report to write.
  public var report: AuditReport
  /// Whether the document lists the findings; `false` (`--summary-only`) writes `null`
  /// for `findings` and keeps everything else, the summary's counts included.
  public var listsFindings: Bool

  /// Creates a JSON writer for `report`.
  public init(_ report: AuditReport, listsFindings: Bool = true) {
    self.report = report
    self.listsFindings = listsFindings
  }

  /// What was audited: its kind, PID or path, mount namespace and number of mounts (the
  /// SARIF report's run properties carry the same object).
  static func target(of report: AuditReport) -> JSONValue {
    .object([
      "kind": .string(report.target.kind),
      "pid": .integer(report.target.pid),
      "path": .string(report.target.path),
      "mountNamespace": .string(report.targetNamespace?.name),
      "mountCount": .integer(report.mountCount),
    ])
  }

  /// The number of findings per severity, and in all.
  static func summary(of report: AuditReport) -> JSONValue {
    .object([
      "error": .integer(report.count(of: .error)),
      "warning": .integer(report.count(of: .warning)),
      "note": .integer(report.count(of: .note)),
      "total": .integer(report.findings.count),
    ])
  }

  /// The whole document, built in memory.
  public var document: JSONValue { streamed.materialized }

  /// The document with its findings written one at a time, straight from the report.
  public var streamed: StreamedJSONObject {
    var members = members
    var streamedArrays: [String: StreamedJSONObject.ElementProducer] = [:]
    if listsFindings {
      streamedArrays["findings"] = { emit in report.findings.forEach { emit(Self.finding($0)) } }
    } else {
      members["findings"] = .null
    }
    var document = StreamedJSONObject(members: members, streamedArrays: streamedArrays)
    if listsFindings {
      document.elementWriters["findings"] = { output in
        for finding in report.findings {
          output.startElement()
          Self.writeFinding(finding, to: &output)
        }
      }
    }
    return document
  }

  /// Every member of the document but `findings`.
  private var members: [String: JSONValue] {
    [
      "schemaVersion": .integer(Self.schemaVersion),
      "tool": .object(["name": .string("mountaudit"), "version": .string(Version.current)]),
      "target": Self.target(of: report),
      "host": .object([
        "kind": .string(report.host.origin?.kind ?? "none"),
        "pid": .integer(report.host.origin?.pid),
        "path": .string(report.host.origin?.path),
        "mountNamespace": .string(report.host.namespace?.name),
        "mountNamespaceSource": .string(report.host.namespacePath),
        "notes": .array(report.host.notes.map(JSONValue.string)),
      ]),
      "sameMountNamespace": sameNamespace,
      "snapshot": report.snapshot.map { snapshot in
        .object([
          "pid": .integer(snapshot.pid),
          "takenAt": .string(snapshot.takenAt),
          "kernelRelease": .string(snapshot.kernelRelease),
          "toolVersion": .string(snapshot.toolVersion),
        ])
      } ?? .null,
      "profile": .string(report.profile.name),
      "policyFile": .string(report.profile.source),
      "skipped": .array(
        report.skipped.map {
          .object(["rule": .string($0.rule), "reason": .string($0.reason)])
        }),
      "summary": Self.summary(of: report),
      "excepted": !listsFindings
        ? .null
        : .array(
          report.excepted.map { excepted in
            .object([
              "finding": Self.finding(excepted.finding),
              "exception": .object([
                "index": .integer(excepted.exception.index),
                "reason": .string(excepted.exception.reason),
                "expires": .string(excepted.exception.expires?.description),
              ]),
            ])
          }),
    ]
  }

  private var sameNamespace: JSONValue {
    guard let target = report.targetNamespace, let host = report.host.namespace else {
      return .null
    }
    return .bool(target == host)
  }

  static func finding(_ finding: Finding) -> JSONValue {
    .object([
      "rule": .string(finding.rule),
      "severity": .string(finding.severity.rawValue),
      "mountId": .integer(finding.mountID),
      "mountPoint": .bytes(finding.mountPoint),
      "hostPath": .bytes(finding.hostPath),
      "message": .string(finding.message),
      "remediation": .string(finding.remediation),
      "references": .array(finding.references.map(JSONValue.string)),
      "line": .integer(finding.line),
    ])
  }

  /// Writes what `finding(_:)` gives, without making a `JSONValue` of it.
  static func writeFinding(_ finding: Finding, to output: inout JSONOutput) {
    output.openObject()
    output.key("hostPath")
    output.write(finding.hostPath)
    output.key("line")
    output.write(finding.line)
    output.key("message")
    output.write(finding.message)
    output.key("mountId")
    output.write(finding.mountID)
    output.key("mountPoint")
    output.write(finding.mountPoint)
    output.key("references")
    output.openArray()
    for reference in finding.references {
      output.startElement()
      output.write(reference)
    }
    output.closeArray()
    output.key("remediation")
    output.write(finding.remediation)
    output.key("rule")
    output.write(finding.rule)
    output.key("severity")
    output.write(finding.severity.rawValue)
    output.closeObject()
  }
}

extension TableOrigin {
  /// `process`, `file` or `stdin`, as reports name the kind of input.
  public var kind: String {
    switch self {
    case .process: "process"
    case .file: "file"
    case .standardInput: "stdin"
    }
  }

  /// The PID of a live input.
  public var pid: Int32? {
    if case .process(let pid) = self { return pid }
    return nil
  }
}
