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
    // The cells without the tree drawing, in walk order, with their widths; the drawing is
    // added on output.
    var rows: [Row] = []
    rows.reserveCapacity(tree.entries.count)
    var widths = Self.header.map(\.count)
    tree.walk { step in
      let entry = tree.entries[step.index]
      var target = TerminalText.escape(entry.mountPoint)
      if !tree.isVisible[step.index] { target += " (hidden)" }
      var source = TerminalText.escape(entry.source)
      if entry.root != "/" { source += "[" + TerminalText.escape(entry.root) + "]" }
      let row = Row([
        target, source, TerminalText.escape(entry.filesystemType),
        entry.propagation.description,
        TerminalText.escape(entry.mountOptions.joined(separator: ",")),
      ])
      for (column, width) in row.widths.enumerated() {
        let drawn = column == 0 ? Self.drawnWidth(depth: step.depth) : 0
        widths[column] = min(max(widths[column], width + drawn), Self.maximumPaddedWidth)
      }
      rows.append(row)
    }
    output(Self.line(Row(Self.header), widths: widths))
    var next = 0
    tree.walk { step in
      var row = rows[next]
      let branches = Self.branches(step)
      row.cells[0] = branches + row.cells[0]
      row.widths[0] += Self.drawnWidth(depth: step.depth)
      output(Self.line(row, widths: widths))
      next += 1
    }
    // A tree without its damaged lines says so on standard output too, where it is read.
    let problems = tree.table.problems
    if !problems.isEmpty {
      let plural = problems.count == 1 ? "" : "s"
      var lines = problems.prefix(10).map { String($0.line) }.joined(separator: ", ")
      if problems.count > 10 { lines += ", ..." }
      output("\n")
      output(
        "incomplete: \(problems.count) unreadable line\(plural) left out (line\(plural) \(lines))\n"
      )
    }
  }

  private static let header = ["TARGET", "SOURCE", "FSTYPE", "PROPAGATION", "OPTIONS"]

  /// The cells of one line and how many columns each takes on a terminal.
  private struct Row {
    var cells: [String]
    var widths: [Int]

    init(_ cells: [String]) {
      self.cells = cells
      widths = cells.map(Self.width)
    }

    /// Characters, counted as bytes when the text is ASCII (nearly always, after
    /// escaping): counting characters means finding grapheme breaks, which cost more than
    /// the rest of a row.
    static func width(_ text: String) -> Int {
      text.utf8.allSatisfy { $0 < 0x80 } ? text.utf8.count : text.count
    }
  }

  /// Padding for the widest column.
  private static let spaces = String(repeating: " ", count: maximumPaddedWidth + 1)

  private static func line(_ row: Row, widths: [Int]) -> String {
    var line = ""
    line.reserveCapacity(widths.reduce(0, +) + row.cells.last!.utf8.count + 16)
    for (column, value) in row.cells.enumerated() {
      line += value
      if column < row.cells.count - 1 {
        let padding = max(1, widths[column] - row.widths[column] + 1)
        line +=
          padding <= spaces.count
          ? spaces.prefix(padding) : Substring(String(repeating: " ", count: padding))
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
