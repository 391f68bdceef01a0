/// The bytes of a text report being written, handed on in chunks of whole lines.
///
/// Text reports write their lines straight into one reusable buffer, without a `String` per
/// value or per line; every line ends with `endLine()`, and once a chunk's worth of whole
/// lines is written they are handed to the receiver.
struct TextOutput {
  /// The bytes not yet handed on.
  private(set) var bytes: [UInt8] = []
  /// Receives the bytes in chunks.
  private let deliver: ([UInt8]) -> Void

  init(deliver: @escaping ([UInt8]) -> Void) {
    self.deliver = deliver
    bytes.reserveCapacity(reportChunkSize + 4096)
  }

  /// Writes a text to `deliver` in chunks of whole lines, the last one with what is left
  /// (even nothing), the way `write` lays it out.
  static func write(inChunks deliver: ([UInt8]) -> Void, _ write: (inout TextOutput) -> Void) {
    withoutActuallyEscaping(deliver) { deliver in
      var output = TextOutput(deliver: deliver)
      write(&output)
      output.deliver(output.bytes)
    }
  }

  /// The whole text `write` lays out.
  static func text(_ write: (inout TextOutput) -> Void) -> String {
    var bytes: [UInt8] = []
    Self.write(inChunks: { bytes += $0 }, write)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends the text as it is: for text the report chooses, not the table.
  mutating func append(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// Appends the text as it is: for text the report chooses (rule IDs, counts), not the
  /// table.
  mutating func append(_ text: String) {
    var text = text
    text.withUTF8 { bytes.append(contentsOf: $0) }
  }

  /// Appends `text` escaped for the terminal, as `TerminalText.escape(_:)` writes it.
  mutating func appendEscaped(_ text: ByteString) {
    TerminalText.append(text, to: &bytes)
  }

  /// Appends `text` escaped for the terminal, as `TerminalText.escape(_:)` writes it.
  mutating func appendEscaped(_ text: String) {
    TerminalText.append(text, to: &bytes)
  }

  /// Appends `value` in decimal.
  mutating func appendDecimal(_ value: Int) {
    bytes.appendDecimal(value)
  }

  /// Appends `value` in decimal.
  mutating func appendDecimal(_ value: UInt32) {
    bytes.appendDecimal(value)
  }

  /// Appends the propagation state as its `description` writes it.
  mutating func appendPropagation(_ propagation: Propagation) {
    propagation.appendDescription(to: &bytes)
  }

  /// Ends the line, handing the lines written so far on once they make a chunk.
  mutating func endLine() {
    bytes.append(UInt8(ascii: "\n"))
    guard bytes.count >= reportChunkSize else { return }
    deliver(bytes)
    bytes.removeAll(keepingCapacity: true)
  }

  /// Appends a whole line of text the report chooses.
  mutating func appendLine(_ text: String) {
    append(text)
    endLine()
  }
}
