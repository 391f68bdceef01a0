/// Decoding of the kernel's mountinfo escapes.
///
/// The kernel prints a space, tab, newline or backslash in a path as `\NNN` with three octal
/// digits (`\040`, `\011`, `\012`, `\134`). A backslash not followed by three octal digits
/// stands for itself, as in libmount's decoder.
enum OctalEscapes {
  /// Returns `raw` with every `\NNN` escape (value at most 0o377) replaced by its byte.
  static func decode(_ raw: ArraySlice<UInt8>) -> [UInt8] {
    guard raw.contains(UInt8(ascii: "\\")) else { return Array(raw) }
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
