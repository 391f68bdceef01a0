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
    escape(utf8: text.bytes)
  }

  /// `text` with control, format and bidirectional characters escaped.
  public static func escape(_ text: String) -> String {
    var text = text
    return text.withUTF8 { escape(utf8: $0) }
  }

  /// Escapes UTF-8 text, whose invalid bytes become `\xNN`. Printable ASCII, nearly every
  /// byte of a real table, is copied as is; only other bytes are decoded and looked up in
  /// Unicode's categories.
  private static func escape(utf8 bytes: some Collection<UInt8>) -> String {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var rest = bytes[...]
    while let byte = rest.first {
      if byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\\") {
        output.append(byte)
        rest = rest.dropFirst()
        continue
      }
      var iterator = rest.makeIterator()
      var decoder = UTF8()
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        append(scalar, to: &output)
        rest = rest.dropFirst(UTF8.width(scalar))
      case .error, .emptyInput:
        appendHex(byte, to: &output)
        rest = rest.dropFirst()
      }
    }
    return String(decoding: output, as: UTF8.self)
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
