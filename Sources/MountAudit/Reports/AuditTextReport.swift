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
    TextOutput.text(write(to:))
  }

  /// Hands the report to `output` line by line (without newlines), so that a report with
  /// many findings is never held whole.
  public func write(_ output: (String) -> Void) {
    write(inChunks: { chunk in
      // Every chunk ends with a line's newline, so the piece after the last one is empty.
      let lines = chunk.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
      for line in lines.dropLast() { output(String(decoding: line, as: UTF8.self)) }
    })
  }

  /// Writes the report as UTF-8 to `deliver` in pieces of whole lines of about 64 KiB,
  /// ending in a newline, so that a report with many findings is never held whole.
  public func write(inChunks deliver: ([UInt8]) -> Void) {
    TextOutput.write(inChunks: deliver, write(to:))
  }

  private func write(to output: inout TextOutput) {
    guard listsFindings else { return output.appendLine(summary) }
    header.forEach { output.appendLine($0) }
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
        output.endLine()
        appendGroupHeading(for: finding, to: &output)
        output.endLine()
      }
      appendFindingLine(finding, to: &output)
      output.endLine()
      output.append("      fix: ")
      output.appendEscaped(finding.remediation)
      output.endLine()
    }
    appendExceptedSection(to: &output)
    if !report.skipped.isEmpty {
      output.endLine()
      for check in report.skipped {
        output.appendLine("skipped: \(check.rule): \(check.reason)")
      }
    }
    output.endLine()
    output.appendLine(summary)
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
  private func appendExceptedSection(to output: inout TextOutput) {
    guard !report.excepted.isEmpty else { return }
    output.endLine()
    output.appendLine("excepted by the policy (not counted):")
    for excepted in report.excepted {
      let exception = excepted.exception
      appendFindingLine(excepted.finding, to: &output)
      output.endLine()
      output.append("      reason: ")
      output.appendEscaped(exception.reason)
      output.append(" (")
      output.append(exception.location)
      if let expires = exception.expires { output.append(", until \(expires)") }
      output.append(")")
      output.endLine()
    }
  }

  /// `  error    rule.id  message`, without the newline.
  private func appendFindingLine(_ finding: Finding, to output: inout TextOutput) {
    output.append("  ")
    appendLabel(finding.severity, to: &output)
    output.append("  ")
    output.append(finding.rule)
    output.append("  ")
    output.appendEscaped(finding.message)
  }

  /// `/mount/point  (mount 42, host /host/path)`, or what stands for a finding on no
  /// mount, without the newline.
  private func appendGroupHeading(for finding: Finding, to output: inout TextOutput) {
    guard let mountPoint = finding.mountPoint else {
      if finding.rule.hasPrefix("policy.") { return output.append("(policy)") }
      return output.append(finding.line == nil ? "(whole table)" : "(input lines)")
    }
    output.appendEscaped(mountPoint)
    let id = finding.mountID
    let hostPath = finding.hostPath
    guard id != nil || hostPath != nil else { return }
    output.append("  (")
    if let id {
      output.append("mount ")
      output.appendDecimal(id)
    }
    if let hostPath {
      output.append(id == nil ? "host " : ", host ")
      output.appendEscaped(hostPath)
    }
    output.append(")")
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

  /// The severity padded to 7 columns, in its colour when colour is used.
  private func appendLabel(_ severity: Severity, to output: inout TextOutput) {
    guard usesColor else { return output.append(Self.paddedName(severity)) }
    let colour: StaticString =
      switch severity {
      case .error: "\u{1b}[31m"
      case .warning: "\u{1b}[33m"
      case .note: "\u{1b}[36m"
      }
    output.append(colour)
    output.append(Self.paddedName(severity))
    output.append("\u{1b}[0m")
  }

  private static func paddedName(_ severity: Severity) -> StaticString {
    switch severity {
    case .error: "error  "
    case .warning: "warning"
    case .note: "note   "
    }
  }
}
