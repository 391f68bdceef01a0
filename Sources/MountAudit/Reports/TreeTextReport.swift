/// The mount tree as text, in the habit of findmnt's tree view, with a PROPAGATION column
/// that keeps peer-group and master numbers.
///
/// Columns: TARGET (drawn as a tree, at most `maximumDrawnDepth` levels deep), SOURCE (with
/// `[root]` for a bind of a subdirectory, as findmnt shows it), FSTYPE, PROPAGATION and
/// OPTIONS. Mounts hidden under a mount
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
    var text = ""
    write { text += $0 }
    return text
  }

  /// Writes the table line by line (each ending in a newline) to `output`, without holding
  /// the whole table: a deep tree's drawing grows with depth times mounts.
  public func write(_ output: (String) -> Void) {
    // The cells without the tree drawing, in walk order; the drawing is added on output.
    var rows: [[String]] = []
    rows.reserveCapacity(tree.entries.count)
    var widths = Self.header.map(\.count)
    tree.walk { step in
      let entry = tree.entries[step.index]
      var target = TerminalText.escape(entry.mountPoint)
      if !tree.isVisible[step.index] { target += " (hidden)" }
      var source = TerminalText.escape(entry.source)
      if entry.root != "/" { source += "[" + TerminalText.escape(entry.root) + "]" }
      let row = [
        target, source, TerminalText.escape(entry.filesystemType),
        entry.propagation.description,
        TerminalText.escape(entry.mountOptions.joined(separator: ",")),
      ]
      for (column, value) in row.enumerated() {
        let drawn = column == 0 ? Self.drawnWidth(depth: step.depth) : 0
        widths[column] = min(max(widths[column], value.count + drawn), Self.maximumPaddedWidth)
      }
      rows.append(row)
    }
    output(Self.line(Self.header, widths: widths))
    var next = 0
    tree.walk { step in
      var row = rows[next]
      row[0] = Self.branches(step) + row[0]
      output(Self.line(row, widths: widths))
      next += 1
    }
  }

  private static let header = ["TARGET", "SOURCE", "FSTYPE", "PROPAGATION", "OPTIONS"]

  private static func line(_ row: [String], widths: [Int]) -> String {
    var line = ""
    for (column, value) in row.enumerated() {
      line += value
      if column < row.count - 1 {
        line += String(repeating: " ", count: max(1, widths[column] - value.count + 1))
      }
    }
    return line + "\n"
  }

  /// Tree-drawing prefix: `├─`/`└─` for the mount, `│ ` or spaces for its ancestors.
  /// Levels deeper than this are not drawn: a container can stack mounts as deep as it
  /// likes, and drawing every level would make the output grow with the square of the
  /// table. Deeper rows show `… ` after the drawn levels; `--format json` has every depth.
  static let maximumDrawnDepth = 32

  /// The width of the drawing before a mount at `depth`.
  private static func drawnWidth(depth: Int) -> Int {
    depth > maximumDrawnDepth ? 2 * maximumDrawnDepth + 2 : 2 * depth
  }

  private static func branches(_ step: MountTree.WalkStep) -> String {
    guard step.depth > 0 else { return "" }
    var prefix = ""
    for level in 1..<min(step.depth, maximumDrawnDepth) {
      prefix += step.isLastAtLevel[level] ? "  " : "│ "
    }
    if step.depth > maximumDrawnDepth { prefix += "… " }
    return prefix + (step.isLastAtLevel[step.depth] ? "└─" : "├─")
  }
}
