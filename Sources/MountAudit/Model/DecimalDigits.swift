/// Numbers as mount tables print them: plain decimal digits, no sign, no spaces.
enum DecimalDigits {
  /// The value of `digits` when they are 1 to 10 decimal digits that fit in 32 bits.
  static func value(of digits: ArraySlice<UInt8>) -> UInt32? {
    guard !digits.isEmpty, digits.count <= 10 else { return nil }
    var value: UInt64 = 0
    for byte in digits {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      value = value * 10 + UInt64(byte - UInt8(ascii: "0"))
    }
    return value <= UInt64(UInt32.max) ? UInt32(value) : nil
  }
}
