/// Decoding of the kernel's mountinfo escapes.
///
/// The kernel prints a space, tab, newline or backslash in a path as `\NNN` with three octal
/// digits (`\040`, `\011`, `\012`, `\134`). A backslash not followed by three octal digits
/// stands for itself, as in libmount's decoder.
enum OctalEscapes {
  /// Returns `raw` with every `\NNN` escape (value at most 0o377) replaced by its byte.
  static func decode(_ raw: ArraySlice<UInt8>) -> [UInt8] {
    guard raw.contains(byte: UInt8(ascii: "\\")) else { return Array(raw) }
    var decoded: [UInt8] = []
    decoded.reserveCapacity(raw.count)
    var index = raw.startIndex
    while index < raw.endIndex {
      let byte = raw[index]
      if byte == UInt8(ascii: "\\"), let value = escapedValue(in: raw, at: index + 1) {
        decoded.append(value)
        index += 4
      } else {
        decoded.append(byte)
        index += 1
      }
    }
    return decoded
  }

  /// Returns `bytes` with each space, tab, newline and backslash written as the kernel
  /// writes it in a mountinfo path (`\040`, `\011`, `\012`, `\134`).
  static func encode(_ bytes: [UInt8]) -> [UInt8] {
    var encoded: [UInt8] = []
    encoded.reserveCapacity(bytes.count)
    for byte in bytes {
      switch byte {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\\"):
        encoded.append(UInt8(ascii: "\\"))
        encoded += Array(String(byte, radix: 8).leftPadded(to: 3).utf8)
      default:
        encoded.append(byte)
      }
    }
    return encoded
  }

  private static func escapedValue(in raw: ArraySlice<UInt8>, at start: Int) -> UInt8? {
    guard start + 3 <= raw.endIndex else { return nil }
    var value = 0
    for byte in raw[start..<start + 3] {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "7") else { return nil }
      value = value * 8 + Int(byte - UInt8(ascii: "0"))
    }
    return value <= 0o377 ? UInt8(value) : nil
  }
}

extension String {
  /// The string with zeros before it up to `width` characters.
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
