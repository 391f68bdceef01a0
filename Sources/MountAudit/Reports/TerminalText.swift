/// Makes container-chosen text safe to print on a terminal.
///
/// A container names its own mount points, so a name could hold escape sequences that
/// rewrite the screen, a newline that forges a report line, or bidirectional overrides
/// that reorder what is shown. Every such character is written as a visible escape:
/// `\x1b`, `\n`, `\u{202E}`; a backslash becomes `\\` so escapes cannot be forged either,
/// and bytes that are not UTF-8 become `\xNN`.
public enum TerminalText {
  /// The bytes of `text` as safe, printable text.
  public static func escape(_ text: ByteString) -> String {
    var output: [UInt8] = []
    append(text, to: &output)
    return String(decoding: output, as: UTF8.self)
  }

  /// `text` with control, format and bidirectional characters escaped.
  public static func escape(_ text: String) -> String {
    var output: [UInt8] = []
    append(text, to: &output)
    return String(decoding: output, as: UTF8.self)
  }

  /// Appends the bytes of `text`, escaped, to `output`: what `escape(_:)` gives, without
  /// making a string.
  static func append(_ text: ByteString, to output: inout [UInt8]) {
    text.bytes.withUnsafeBufferPointer { append(utf8: $0, to: &output) }
  }

  /// Appends `text`, escaped, to `output`.
  static func append(_ text: String, to output: inout [UInt8]) {
    var text = text
    text.withUTF8 { append(utf8: $0, to: &output) }
  }

  /// Escapes UTF-8 text, whose invalid bytes become `\xNN`. Runs of printable ASCII, nearly
  /// every byte of a real table, are copied as they are; only other bytes are decoded and
  /// looked up in Unicode's categories.
  private static func append(utf8 bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
    var start = 0
    while start < bytes.count {
      let end = plainRunEnd(in: bytes, from: start)
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
      guard end < bytes.count else { return }
      var iterator = bytes[end...].makeIterator()
      var decoder = UTF8()
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        append(scalar, to: &output)
        start = end + UTF8.width(scalar)
      case .error, .emptyInput:
        appendHex(bytes[end], to: &output)
        start = end + 1
      }
    }
  }

  /// Where the run of plain bytes from `start` ends.
  private static func plainRunEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    bytes.endOfRun(from: start, word: isPlain(word:), byte: isPlain(_:))
  }

  /// Whether all eight bytes of `word` are plain.
  @inline(__always)
  private static func isPlain(word: UInt64) -> Bool {
    !ByteWord.hasByte(below: 0x20, in: word) && !ByteWord.hasByte(above: 0x7E, in: word)
      && !ByteWord.hasByte(UInt8(ascii: "\\"), in: word)
  }

  /// Printable ASCII other than the backslash: copied as is.
  @inline(__always)
  private static func isPlain(_ byte: UInt8) -> Bool {
    byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\\")
  }

  private static func append(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
    switch scalar {
    case "\\": output.append(contentsOf: #"\\"#.utf8)
    case "\n": output.append(contentsOf: #"\n"#.utf8)
    case "\t": output.append(contentsOf: #"\t"#.utf8)
    case "\r": output.append(contentsOf: #"\r"#.utf8)
    default:
      if scalar.value < 0x80 && isUnsafe(scalar) {
        appendHex(UInt8(scalar.value), to: &output)
      } else if isUnsafe(scalar) {
        output.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".utf8)
      } else {
        output.append(contentsOf: UTF8.encode(scalar)!)
      }
    }
  }

  /// Controls (C0, DEL, C1), format characters (bidirectional overrides and isolates,
  /// zero-width characters), separators other than space, and unassigned code points.
  private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .format, .lineSeparator, .paragraphSeparator, .unassigned,
      .privateUse, .surrogate:
      return true
    default:
      return false
    }
  }

  private static func appendHex(_ byte: UInt8, to output: inout [UInt8]) {
    output.append(contentsOf: #"\x"#.utf8)
    output.append(hexDigits[Int(byte >> 4)])
    output.append(hexDigits[Int(byte & 0xF)])
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)
}
