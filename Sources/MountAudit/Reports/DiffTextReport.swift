/// The diff of two mount tables as text, in the habit of `diff -u`: a `-`, `+` or `~`
/// line per removed, added or changed mount, the changed fields indented under it, and a
/// summary with counts.
///
/// Every path is escaped for the terminal: the tables' mount point names are chosen by
/// whoever made the mounts.
public struct DiffTextReport {
  /// The diff to print.
  public var diff: MountDiff
  /// The normalization rules applied before comparing, by name.
  public var normalizations: [String]
  /// Whether to colour the change markers.
  public var usesColor: Bool
  /// A container's propagated mounts traced through the diff (`--container`).
  public var trace: PropagationTrace?

  /// Creates a printer for `diff`.
  public init(
    _ diff: MountDiff, normalizations: [String] = [], usesColor: Bool = false,
    trace: PropagationTrace? = nil
  ) {
    self.diff = diff
    self.normalizations = normalizations
    self.usesColor = usesColor
    self.trace = trace
  }

  /// The whole report, ending in a newline.
  public var text: String {
    TextOutput.text(write(to:))
  }

  /// Writes the report as UTF-8 to `deliver` in pieces of whole lines of about 64 KiB,
  /// ending in a newline.
  public func write(inChunks deliver: ([UInt8]) -> Void) {
    TextOutput.write(inChunks: deliver, write(to:))
  }

  private func write(to output: inout TextOutput) {
    output.append("--- ")
    Self.appendName(diff.before, to: &output)
    output.endLine()
    output.append("+++ ")
    Self.appendName(diff.after, to: &output)
    output.endLine()
    output.append("matched by ")
    output.appendLine(diff.matching == .mountID ? "mount ID" : "mount point and stack position")
    if !diff.ignored.isEmpty {
      output.appendLine("ignored: " + diff.ignored.sorted().map(\.rawValue).joined(separator: ","))
    }
    if !normalizations.isEmpty {
      output.appendLine("normalized: " + normalizations.joined(separator: ","))
    }
    output.endLine()
    var hasLines = false
    for (index, change) in diff.changes.enumerated() {
      append(change, to: &output)
      if let note = trace?.notes[index] {
        output.append("    note: ")
        output.appendEscaped(note)
        output.endLine()
      }
      hasLines = true
    }
    for mount in trace?.leftBehind ?? [] {
      appendMarker("!", colour: "\u{1b}[35m", to: &output)
      output.append(" ")
      output.appendEscaped(mount.mount.mountPoint)
      output.append("  (mount ")
      output.appendDecimal(mount.mount.id)
      output.append(")")
      output.endLine()
      output.append("    ")
      output.appendEscaped(mount.note)
      output.endLine()
      hasLines = true
    }
    // The changes are set apart from the summary by a blank line, as the header is.
    if hasLines { output.endLine() }
    var summary =
      "\(diff.count(.added)) added, \(diff.count(.removed)) removed, "
      + "\(diff.count(.changed)) changed, \(diff.unchangedCount) unchanged"
    if let trace { summary += ", \(trace.leftBehind.count) left behind" }
    output.appendLine(summary)
  }

  /// `origin (12 mounts, 1 unreadable line left out)`.
  private static func appendName(_ tree: MountTree, to output: inout TextOutput) {
    let count = tree.entries.count
    output.appendEscaped(tree.table.origin.description)
    output.append(" (")
    output.appendDecimal(count)
    output.append(count == 1 ? " mount" : " mounts")
    let problems = tree.table.problems.count
    if problems > 0 {
      output.append(", ")
      output.appendDecimal(problems)
      output.append(problems == 1 ? " unreadable line left out" : " unreadable lines left out")
    }
    output.append(")")
  }

  /// The change's heading, a summary of the mount when it was added or removed, its changed
  /// fields and its notes.
  private func append(_ change: MountChange, to output: inout TextOutput) {
    appendMarker(change.kind, to: &output)
    output.append(" ")
    output.appendEscaped(change.entry.mountPoint)
    output.append("  (mount ")
    switch change.kind {
    case .added: output.appendDecimal(change.after!.id)
    case .removed: output.appendDecimal(change.before!.id)
    case .changed:
      let (old, new) = (change.before!.id, change.after!.id)
      output.appendDecimal(old)
      if old != new {
        output.append(" -> ")
        output.appendDecimal(new)
      }
    }
    if change.stackPosition > 0 {
      output.append(", stack position ")
      output.appendDecimal(change.stackPosition)
    }
    output.append(")")
    output.endLine()
    if change.kind != .changed {
      output.append("    ")
      Self.appendSummary(of: change.entry, to: &output)
      output.endLine()
    }
    for field in change.fields { Self.append(field, to: &output) }
    for note in change.notes {
      output.append("    note: ")
      output.appendEscaped(note)
      output.endLine()
    }
  }

  /// `fstype source[root] options propagation`.
  private static func appendSummary(of entry: MountEntry, to output: inout TextOutput) {
    output.appendEscaped(entry.filesystemType)
    output.append(" ")
    output.appendEscaped(entry.source)
    if entry.root != "/" {
      output.append("[")
      output.appendEscaped(entry.root)
      output.append("]")
    }
    output.append(" ")
    for (index, option) in entry.mountOptions.enumerated() {
      if index > 0 { output.append(",") }
      output.appendEscaped(option)
    }
    output.append(" ")
    output.appendPropagation(entry.propagation)
  }

  /// `    field: -removed +added` or `    field: 'old' -> 'new'`, and its detail.
  private static func append(_ field: FieldChange, to output: inout TextOutput) {
    output.append("    ")
    output.append(field.field.rawValue)
    output.append(": ")
    if !field.added.isEmpty || !field.removed.isEmpty {
      var isFirst = true
      for (sign, values): (StaticString, [String]) in [("-", field.removed), ("+", field.added)] {
        for value in values {
          if !isFirst { output.append(" ") }
          isFirst = false
          output.append(sign)
          output.appendEscaped(value)
        }
      }
    } else {
      output.append("'")
      output.appendEscaped(field.old)
      output.append("' -> '")
      output.appendEscaped(field.new)
      output.append("'")
    }
    output.endLine()
    if let detail = field.detail {
      output.append("      ")
      output.appendEscaped(detail)
      output.endLine()
    }
  }

  private func appendMarker(_ kind: MountChange.Kind, to output: inout TextOutput) {
    switch kind {
    case .added: appendMarker("+", colour: "\u{1b}[32m", to: &output)
    case .removed: appendMarker("-", colour: "\u{1b}[31m", to: &output)
    case .changed: appendMarker("~", colour: "\u{1b}[33m", to: &output)
    }
  }

  /// `symbol`, in `colour` (its escape sequence) when colour is used.
  private func appendMarker(
    _ symbol: StaticString, colour: StaticString, to output: inout TextOutput
  ) {
    guard usesColor else { return output.append(symbol) }
    output.append(colour)
    output.append(symbol)
    output.append("\u{1b}[0m")
  }
}
