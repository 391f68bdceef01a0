/// The audit report as text for people: a header, findings grouped by mount point, and a
/// summary line with counts.
///
/// Every path and message is passed through `TerminalText`, so names chosen by the
/// container cannot move the cursor, forge lines or reorder text. Colour is used only when
/// the caller asks for it (on a terminal, without `NO_COLOR`).
public struct AuditTextReport {
  /// The report to write.
  public var report: AuditReport
  /// Whether to colour severities with ANSI escapes.
  public var usesColor: Bool
  /// Whether the report lists the header and the findings; `false` (`--summary-only`)
  /// writes the summary line alone: `1 error, 0 warnings, 2 notes`.
  public var listsFindings: Bool

  /// Creates a text writer for `report`.
  public init(_ report: AuditReport, usesColor: Bool = false, listsFindings: Bool = true) {
    self.report = report
    self.usesColor = usesColor
    self.listsFindings = listsFindings
  }

  /// The whole report, ending in a newline.
  public var text: String {
    var text = ""
    write { text += $0 + "\n" }
    return text
  }

  /// Hands the report to `output` line by line (without newlines), so that a report with
  /// many findings is never held whole.
  public func write(_ output: (String) -> Void) {
    guard listsFindings else { return output(summary) }
    header.forEach(output)
    // One group per mount point and mount: stacked mounts each get their own heading.
    struct Group: Equatable {
      var mountPoint: ByteString?
      var mountID: UInt32?
    }
    var group: Group?
    var isPolicyGroup = false
    for finding in report.findings {
      // The policy's notes concern no mount: a group of their own, apart from the table's.
      let isPolicy = finding.mountPoint == nil && finding.rule.hasPrefix("policy.")
      let current = Group(mountPoint: finding.mountPoint, mountID: finding.mountID)
      if group != current || isPolicy != isPolicyGroup {
        group = current
        isPolicyGroup = isPolicy
        output("")
        output(groupHeading(for: finding))
      }
      output(
        "  " + label(finding.severity) + "  " + finding.rule + "  "
          + TerminalText.escape(finding.message))
      output("      fix: " + TerminalText.escape(finding.remediation))
    }
    exceptedSection.forEach(output)
    if !report.skipped.isEmpty {
      output("")
      for check in report.skipped {
        output("skipped: \(check.rule): \(check.reason)")
      }
    }
    output("")
    output(summary)
  }

  private var header: [String] {
    var lines: [String] = []
    var target = "target: " + TerminalText.escape(report.target.description)
    if let namespace = report.targetNamespace { target += ", mount namespace \(namespace)" }
    lines.append(target + ", \(report.mountCount) mounts")
    if let snapshot = report.snapshot {
      lines.append(
        "snapshot: of PID \(snapshot.pid), taken \(TerminalText.escape(snapshot.takenAt)) on "
          + "kernel \(TerminalText.escape(snapshot.kernelRelease)) by mountaudit "
          + TerminalText.escape(snapshot.toolVersion))
    }
    if let origin = report.host.origin {
      var host = "host:   " + TerminalText.escape(origin.description)
      if let namespace = report.host.namespace {
        host += ", mount namespace \(namespace)"
        if let target = report.targetNamespace {
          host += target == namespace ? " (the target's own)" : " (not the target's)"
        }
      }
      lines.append(host)
    } else {
      lines.append("host:   none (checks that compare with the host were skipped)")
    }
    for note in report.host.notes { lines.append("note:   " + TerminalText.escape(note)) }
    var profile = "profile: \(report.profile.name)"
    if let source = report.profile.source {
      profile += ", extended by the policy file " + TerminalText.escape(source)
    }
    lines.append(profile)
    return lines
  }

  /// The findings the policy let pass, each with the reason its exception gives.
  private var exceptedSection: [String] {
    guard !report.excepted.isEmpty else { return [] }
    var lines = ["", "excepted by the policy (not counted):"]
    for excepted in report.excepted {
      let finding = excepted.finding
      let exception = excepted.exception
      var place = exception.location
      if let expires = exception.expires { place += ", until \(expires)" }
      lines.append(
        "  " + label(finding.severity) + "  " + finding.rule + "  "
          + TerminalText.escape(finding.message))
      lines.append("      reason: " + TerminalText.escape(exception.reason) + " (\(place))")
    }
    return lines
  }

  private func groupHeading(for finding: Finding) -> String {
    guard let mountPoint = finding.mountPoint else {
      if finding.rule.hasPrefix("policy.") { return "(policy)" }
      return finding.line == nil ? "(whole table)" : "(input lines)"
    }
    var heading = TerminalText.escape(mountPoint)
    var details: [String] = []
    if let id = finding.mountID { details.append("mount \(id)") }
    if let hostPath = finding.hostPath { details.append("host " + TerminalText.escape(hostPath)) }
    if !details.isEmpty { heading += "  (" + details.joined(separator: ", ") + ")" }
    return heading
  }

  private var summary: String {
    let counts = [
      Self.count(report.count(of: .error), "error"),
      Self.count(report.count(of: .warning), "warning"),
      Self.count(report.count(of: .note), "note"),
    ]
    let excepted = report.excepted.isEmpty ? [] : ["\(report.excepted.count) excepted"]
    return (counts + excepted).joined(separator: ", ")
  }

  private static func count(_ number: Int, _ noun: String) -> String {
    "\(number) \(noun)" + (number == 1 ? "" : "s")
  }

  private func label(_ severity: Severity) -> String {
    let name = severity.rawValue
    let padded = name + String(repeating: " ", count: max(0, 7 - name.count))
    guard usesColor else { return padded }
    let code =
      switch severity {
      case .error: "31"
      case .warning: "33"
      case .note: "36"
      }
    return "\u{1b}[\(code)m\(padded)\u{1b}[0m"
  }
}
