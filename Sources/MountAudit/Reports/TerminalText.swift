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
    var output = ""
    var bytes = text.bytes[...]
    while !bytes.isEmpty {
      var iterator = bytes.makeIterator()
      var decoder = UTF8()
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        let length = UTF8.width(scalar)
        append(scalar, to: &output)
        bytes = bytes.dropFirst(length)
      case .error, .emptyInput:
        output += "\\x" + hex(bytes.first!)
        bytes = bytes.dropFirst()
      }
    }
    return output
  }

  /// `text` with control, format and bidirectional characters escaped.
  public static func escape(_ text: String) -> String {
    var output = ""
    for scalar in text.unicodeScalars { append(scalar, to: &output) }
    return output
  }

  private static func append(_ scalar: Unicode.Scalar, to output: inout String) {
    switch scalar {
    case "\\": output += "\\\\"
    case "\n": output += "\\n"
    case "\t": output += "\\t"
    case "\r": output += "\\r"
    default:
      if isUnsafe(scalar) {
        output += scalar.value < 0x80 ? "\\x" + hex(UInt8(scalar.value)) : "\\u{\(code(scalar))}"
      } else {
        output.unicodeScalars.append(scalar)
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

  private static func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789abcdef")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0xf)]])
  }

  private static func code(_ scalar: Unicode.Scalar) -> String {
    String(scalar.value, radix: 16, uppercase: true)
  }
}
