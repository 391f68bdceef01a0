/// The mount tree as text, in the habit of findmnt's tree view, with a PROPAGATION column
/// that keeps peer-group and master numbers.
///
/// Columns: TARGET (drawn as a tree), SOURCE (with `[root]` for a bind of a subdirectory,
/// as findmnt shows it), FSTYPE, PROPAGATION and OPTIONS. Mounts hidden under a mount
/// stacked on top of them are marked `(hidden)`. Every value is escaped for the terminal.
public struct TreeTextReport {
  /// The tree to print.
  public var tree: MountTree

  /// Columns wider than this are not padded further, so one long path does not widen every
  /// row of the table.
  static let maximumPaddedWidth = 60

  /// Creates a printer for `tree`.
  public init(_ tree: MountTree) {
    self.tree = tree
  }

  /// The whole table, ending in a newline.
  public var text: String {
    var rows: [[String]] = [["TARGET", "SOURCE", "FSTYPE", "PROPAGATION", "OPTIONS"]]
    tree.walk { step in
      let entry = tree.entries[step.index]
      var target = Self.branches(step) + TerminalText.escape(entry.mountPoint)
      if !tree.isVisible[step.index] { target += " (hidden)" }
      var source = TerminalText.escape(entry.source)
      if entry.root != "/" { source += "[" + TerminalText.escape(entry.root) + "]" }
      rows.append([
        target, source, TerminalText.escape(entry.filesystemType),
        entry.propagation.description,
        TerminalText.escape(entry.mountOptions.joined(separator: ",")),
      ])
    }
    return Self.layout(rows)
  }

  /// Tree-drawing prefix: `├─`/`└─` for the mount, `│ ` or spaces for its ancestors.
  private static func branches(_ step: MountTree.WalkStep) -> String {
    guard step.depth > 0 else { return "" }
    var prefix = ""
    for level in 1..<step.depth { prefix += step.isLastAtLevel[level] ? "  " : "│ " }
    return prefix + (step.isLastAtLevel[step.depth] ? "└─" : "├─")
  }

  private static func layout(_ rows: [[String]]) -> String {
    var widths = [Int](repeating: 0, count: rows[0].count)
    for row in rows {
      for (column, value) in row.enumerated() {
        widths[column] = min(max(widths[column], value.count), maximumPaddedWidth)
      }
    }
    var output = ""
    for row in rows {
      var line = ""
      for (column, value) in row.enumerated() {
        line += value
        if column < row.count - 1 {
          line += String(repeating: " ", count: max(1, widths[column] - value.count + 1))
        }
      }
      output += line + "\n"
    }
    return output
  }
}
