/// Runs of bytes that need no escaping, found eight bytes at a time.
///
/// Writers of escaped text (JSON strings, terminal text) copy the long runs of ordinary
/// bytes that make up nearly every path and option whole, and only look closely at the rare
/// byte that needs an escape. Finding where a run ends a byte at a time was most of their
/// cost; these tests look at a whole 64-bit word of bytes at once.
extension UnsafeBufferPointer<UInt8> {
  /// Where the run of bytes from `start` for which the tests hold ends: eight bytes at a
  /// time while `word` holds for a whole word of them, then byte by byte with `byte`.
  ///
  /// `word` must hold for a word exactly when `byte` holds for each of its eight bytes.
  @inline(__always)
  func endOfRun(
    from start: Int, word: (UInt64) -> Bool, byte: (UInt8) -> Bool
  ) -> Int {
    var end = start
    if let base = baseAddress {
      let raw = UnsafeRawPointer(base)
      while end + 8 <= count, word(raw.loadUnaligned(fromByteOffset: end, as: UInt64.self)) {
        end += 8
      }
    }
    while end < count, byte(self[end]) { end += 1 }
    return end
  }
}

/// Tests on the eight bytes of a word at once. Each says whether any byte of the word
/// passes it; a byte's high bit in the intermediate result marks a byte that does.
enum ByteWord {
  /// 0x01 in every byte.
  static let ones: UInt64 = 0x0101_0101_0101_0101
  /// 0x80 in every byte.
  static let highBits: UInt64 = 0x8080_8080_8080_8080

  /// Whether any byte of `word` is below `limit`, which is at most 0x80.
  @inline(__always)
  static func hasByte(below limit: UInt8, in word: UInt64) -> Bool {
    // Subtracting borrows into a byte's high bit when the byte is below the limit (and it
    // was not set already).
    (word &- ones &* UInt64(limit)) & ~word & highBits != 0
  }

  /// Whether any byte of `word` is above `limit`, which is at most 0x7F.
  @inline(__always)
  static func hasByte(above limit: UInt8, in word: UInt64) -> Bool {
    // Adding carries into a byte's high bit when the byte's low seven bits are above the
    // limit; a byte whose high bit was set already is above it too.
    (((word & ~highBits) &+ ones &* UInt64(0x7F - limit)) | word) & highBits != 0
  }

  /// Whether any byte of `word` is `byte`.
  @inline(__always)
  static func hasByte(_ byte: UInt8, in word: UInt64) -> Bool {
    // The matching bytes are zero after the XOR.
    hasByte(below: 1, in: word ^ (ones &* UInt64(byte)))
  }
}
