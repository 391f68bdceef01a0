/// The size from which a report written into a byte buffer hands what it has written on,
/// so that a large report is never held whole.
let reportChunkSize = 1 << 16

/// Helpers for reports written straight into a byte buffer, without a `String` per value.
extension Array where Element == UInt8 {
  /// Appends `value` in decimal, as `String(value)` writes it.
  mutating func appendDecimal(_ value: Int) {
    if value < 0 { append(UInt8(ascii: "-")) }
    appendDecimal(value.magnitude)
  }

  /// Appends `value` in decimal, as `String(value)` writes it.
  mutating func appendDecimal(_ value: UInt) {
    var digitCount = 1
    var rest = value
    while rest >= 10 {
      rest /= 10
      digitCount += 1
    }
    let end = count + digitCount
    append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digitCount))
    withUnsafeMutableBufferPointer { buffer in
      var rest = value
      var index = end
      repeat {
        index -= 1
        buffer[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
        rest /= 10
      } while rest > 0
    }
  }

  /// Appends `value` in decimal, as `String(value)` writes it.
  mutating func appendDecimal(_ value: UInt32) {
    appendDecimal(UInt(value))
  }

  /// Whether every byte of `bytes` is ASCII.
  static func isASCII(_ bytes: ArraySlice<UInt8>) -> Bool {
    bytes.withUnsafeBufferPointer { buffer in
      // One OR over every byte, which the compiler turns into vector instructions.
      var bits: UInt8 = 0
      for byte in buffer { bits |= byte }
      return bits < 0x80
    }
  }
}

extension Propagation {
  /// Appends `description` to `output`: the state in the kernel's words with its numbers.
  func appendDescription(to output: inout [UInt8]) {
    var isFirst = true
    func part(_ name: StaticString, _ number: UInt32?) {
      if !isFirst { output.append(UInt8(ascii: ",")) }
      isFirst = false
      name.withUTF8Buffer { output.append(contentsOf: $0) }
      if let number { output.appendDecimal(number) }
    }
    if let peerGroup { part("shared:", peerGroup) }
    if let master { part("master:", master) }
    if let propagateFrom { part("propagate_from:", propagateFrom) }
    if isFirst { part("private", nil) }
    if isUnbindable { part("unbindable", nil) }
  }
}
