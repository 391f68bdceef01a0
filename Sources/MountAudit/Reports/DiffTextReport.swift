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
    var lines = [
      "--- " + Self.name(diff.before), "+++ " + Self.name(diff.after),
      "matched by "
        + (diff.matching == .mountID
          ? "mount ID"
          : "mount point and stack position"),
    ]
    if !diff.ignored.isEmpty {
      lines.append("ignored: " + diff.ignored.sorted().map(\.rawValue).joined(separator: ","))
    }
    if !normalizations.isEmpty {
      lines.append("normalized: " + normalizations.joined(separator: ","))
    }
    lines.append("")
    for (index, change) in diff.changes.enumerated() {
      lines += self.lines(for: change)
      if let note = trace?.notes[index] {
        lines.append("    note: " + TerminalText.escape(note))
      }
    }
    for mount in trace?.leftBehind ?? [] {
      lines.append(
        marker("!", "35") + " " + TerminalText.escape(mount.mount.mountPoint)
          + "  (mount \(mount.mount.id))")
      lines.append("    " + TerminalText.escape(mount.note))
    }
    if lines.last != "" { lines.append("") }
    var summary =
      "\(diff.count(.added)) added, \(diff.count(.removed)) removed, "
      + "\(diff.count(.changed)) changed, \(diff.unchangedCount) unchanged"
    if let trace { summary += ", \(trace.leftBehind.count) left behind" }
    lines.append(summary)
    return lines.joined(separator: "\n") + "\n"
  }

  private static func name(_ tree: MountTree) -> String {
    let count = tree.entries.count
    var name = TerminalText.escape(tree.table.origin.description)
    name += " (\(count) mount\(count == 1 ? "" : "s")"
    let problems = tree.table.problems.count
    if problems > 0 {
      name += ", \(problems) unreadable line\(problems == 1 ? "" : "s") left out"
    }
    return name + ")"
  }

  private func lines(for change: MountChange) -> [String] {
    var heading = TerminalText.escape(change.entry.mountPoint) + "  (mount "
    switch change.kind {
    case .added: heading += "\(change.after!.id)"
    case .removed: heading += "\(change.before!.id)"
    case .changed:
      let (old, new) = (change.before!.id, change.after!.id)
      heading += old == new ? "\(old)" : "\(old) -> \(new)"
    }
    if change.stackPosition > 0 { heading += ", stack position \(change.stackPosition)" }
    heading += ")"
    var lines = [marker(change.kind) + " " + heading]
    if change.kind != .changed { lines.append("    " + Self.summary(of: change.entry)) }
    for field in change.fields { lines += Self.lines(for: field) }
    for note in change.notes { lines.append("    note: " + TerminalText.escape(note)) }
    return lines
  }

  private static func summary(of entry: MountEntry) -> String {
    var source = TerminalText.escape(entry.source)
    if entry.root != "/" { source += "[" + TerminalText.escape(entry.root) + "]" }
    return [
      TerminalText.escape(entry.filesystemType), source,
      TerminalText.escape(entry.mountOptions.joined(separator: ",")),
      entry.propagation.description,
    ].joined(separator: " ")
  }

  private static func lines(for field: FieldChange) -> [String] {
    var line = "    \(field.field.rawValue): "
    if !field.added.isEmpty || !field.removed.isEmpty {
      let changes =
        field.removed.map { "-" + TerminalText.escape($0) }
        + field.added.map { "+" + TerminalText.escape($0) }
      line += changes.joined(separator: " ")
    } else {
      line += "'\(TerminalText.escape(field.old))' -> '\(TerminalText.escape(field.new))'"
    }
    var lines = [line]
    if let detail = field.detail { lines.append("      " + TerminalText.escape(detail)) }
    return lines
  }

  private func marker(_ kind: MountChange.Kind) -> String {
    switch kind {
    case .added: marker("+", "32")
    case .removed: marker("-", "31")
    case .changed: marker("~", "33")
    }
  }

  private func marker(_ symbol: String, _ colour: String) -> String {
    usesColor ? "\u{1b}[\(colour)m\(symbol)\u{1b}[0m" : symbol
  }
}
