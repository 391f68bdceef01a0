/// The comparison of two audits as text: `+` for a finding that appeared, `-` for one that
/// was resolved, `~` for a severity change, then a summary.
public struct AuditDiffTextReport {
  /// The comparison to print.
  public var diff: AuditDiff
  /// Whether to colour the markers.
  public var usesColor: Bool

  /// Creates a printer for `diff`.
  public init(_ diff: AuditDiff, usesColor: Bool = false) {
    self.diff = diff
    self.usesColor = usesColor
  }

  /// The whole report, ending in a newline.
  public var text: String {
    var lines = [
      "--- audit of " + TerminalText.escape(diff.before.target.description),
      "+++ audit of " + TerminalText.escape(diff.after.target.description), "",
    ]
    for finding in diff.resolved { lines.append(line("-", "31", finding)) }
    for finding in diff.appeared { lines.append(line("+", "32", finding)) }
    for (old, new) in diff.changedSeverity {
      lines.append(
        line("~", "33", new) + " (was \(old.severity.rawValue))")
    }
    if diff.hasDifferences { lines.append("") }
    lines.append(
      "\(diff.appeared.count) appeared, \(diff.resolved.count) resolved, "
        + "\(diff.changedSeverity.count) changed severity")
    return lines.joined(separator: "\n") + "\n"
  }

  private func line(_ marker: String, _ colour: String, _ finding: Finding) -> String {
    let shown = usesColor ? "\u{1b}[\(colour)m\(marker)\u{1b}[0m" : marker
    let place = finding.mountPoint.map { TerminalText.escape($0) } ?? "(whole table)"
    return "\(shown) \(finding.severity.rawValue) \(finding.rule) \(place): "
      + TerminalText.escape(finding.message)
  }
}
