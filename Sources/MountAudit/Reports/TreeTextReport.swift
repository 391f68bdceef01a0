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

  /// Writes the table to `output` in pieces of whole lines (each ending in a newline) of
  /// about 64 KiB, without holding the whole table: a deep tree's drawing grows with depth
  /// times mounts.
  public func write(_ output: (String) -> Void) {
    write(inChunks: { output(String(decoding: $0, as: UTF8.self)) })
  }

  /// Writes the table as UTF-8 to `deliver` in pieces of whole lines of about 64 KiB.
  public func write(inChunks deliver: ([UInt8]) -> Void) {
    // The cells without the tree drawing, escaped, in walk order: their bytes one after
    // the other in `cells.bytes`, with where each ends and its width. The drawing is added
    // on output.
    var cells = Cells(rowCount: tree.entries.count)
    var widths = Self.header.map(\.utf8.count)
    tree.walk { step in
      let entry = tree.entries[step.index]
      TerminalText.append(entry.mountPoint, to: &cells.bytes)
      if !tree.isVisible[step.index] { cells.bytes.append(contentsOf: " (hidden)".utf8) }
      cells.endCell()
      TerminalText.append(entry.source, to: &cells.bytes)
      if entry.root != "/" {
        cells.bytes.append(UInt8(ascii: "["))
        TerminalText.append(entry.root, to: &cells.bytes)
        cells.bytes.append(UInt8(ascii: "]"))
      }
      cells.endCell()
      TerminalText.append(entry.filesystemType, to: &cells.bytes)
      cells.endCell()
      entry.propagation.appendDescription(to: &cells.bytes)
      cells.endCell()
      for (index, option) in entry.mountOptions.enumerated() {
        if index > 0 { cells.bytes.append(UInt8(ascii: ",")) }
        TerminalText.append(option, to: &cells.bytes)
      }
      cells.endCell()
      let row = cells.widths.count - Self.header.count
      for column in widths.indices {
        let drawn = column == 0 ? Self.drawnWidth(depth: step.depth) : 0
        widths[column] = min(
          max(widths[column], cells.widths[row + column] + drawn), Self.maximumPaddedWidth)
      }
    }

    var line: [UInt8] = []
    line.reserveCapacity(reportChunkSize + 4096)
    for (column, name) in Self.header.enumerated() {
      line.append(contentsOf: name.utf8)
      Self.pad(column: column, width: name.utf8.count, widths: widths, to: &line)
    }
    var cell = 0
    var cellStart = 0
    tree.walk { step in
      Self.appendBranches(step, to: &line)
      for column in widths.indices {
        let cellEnd = cells.ends[cell]
        line.append(contentsOf: cells.bytes[cellStart..<cellEnd])
        let drawn = column == 0 ? Self.drawnWidth(depth: step.depth) : 0
        Self.pad(column: column, width: cells.widths[cell] + drawn, widths: widths, to: &line)
        cell += 1
        cellStart = cellEnd
      }
      if line.count >= reportChunkSize {
        deliver(line)
        line.removeAll(keepingCapacity: true)
      }
    }
    // A tree without its damaged lines says so on standard output too, where it is read.
    let problems = tree.table.problems
    if !problems.isEmpty {
      let plural = problems.count == 1 ? "" : "s"
      var lines = problems.prefix(10).map { String($0.line) }.joined(separator: ", ")
      if problems.count > 10 { lines += ", ..." }
      let note =
        "\nincomplete: \(problems.count) unreadable line\(plural) left out "
        + "(line\(plural) \(lines))\n"
      line.append(contentsOf: note.utf8)
    }
    deliver(line)
  }

  private static let header = ["TARGET", "SOURCE", "FSTYPE", "PROPAGATION", "OPTIONS"]

  /// The escaped cells of every row, one after the other, and how many columns each takes
  /// on a terminal.
  private struct Cells {
    var bytes: [UInt8] = []
    /// Where each cell ends in `bytes`.
    var ends: [Int] = []
    var widths: [Int] = []

    init(rowCount: Int) {
      bytes.reserveCapacity(rowCount * 128)
      ends.reserveCapacity(rowCount * TreeTextReport.header.count)
      widths.reserveCapacity(rowCount * TreeTextReport.header.count)
    }

    /// Ends the cell written since the last one ended.
    mutating func endCell() {
      let start = ends.last ?? 0
      widths.append(Self.width(bytes[start...]))
      ends.append(bytes.count)
    }

    /// Characters, counted as bytes when the text is ASCII (nearly always, after
    /// escaping): counting characters means finding grapheme breaks, which cost more than
    /// the rest of a row.
    static func width(_ text: ArraySlice<UInt8>) -> Int {
      [UInt8].isASCII(text) ? text.count : String(decoding: text, as: UTF8.self).count
    }
  }

  /// Padding for the widest column.
  private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: maximumPaddedWidth + 1)

  /// After a cell that takes `width` columns: the spaces up to the next column, or the end
  /// of the line after the last.
  private static func pad(column: Int, width: Int, widths: [Int], to line: inout [UInt8]) {
    guard column < widths.count - 1 else { return line.append(UInt8(ascii: "\n")) }
    let padding = max(1, widths[column] - width + 1)
    if padding <= spaces.count {
      line.append(contentsOf: spaces[..<padding])
    } else {
      line.append(contentsOf: repeatElement(UInt8(ascii: " "), count: padding))
    }
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

  private static func appendBranches(_ step: MountTree.WalkStep, to line: inout [UInt8]) {
    guard step.depth > 0 else { return }
    for level in 1..<min(step.depth, maximumDrawnDepth) {
      line.append(contentsOf: step.isLastAtLevel[level] ? "  ".utf8 : "│ ".utf8)
    }
    if step.depth > maximumDrawnDepth { line.append(contentsOf: "… ".utf8) }
    line.append(contentsOf: step.isLastAtLevel[step.depth] ? "└─".utf8 : "├─".utf8)
  }
}
