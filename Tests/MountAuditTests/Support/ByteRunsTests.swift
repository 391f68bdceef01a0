import Testing

@testable import MountAudit

@Suite("Byte runs found a word at a time")
struct ByteRunsTests {
  /// Words made of one filler byte with one other byte at each position, for every pair of
  /// bytes from a set that covers each test's edges, and pseudo-random words.
  static let words: [UInt64] = {
    let edges: [UInt8] = [
      0x00, 0x01, 0x1F, 0x20, 0x21, 0x22, 0x5C, 0x61, 0x7E, 0x7F, 0x80, 0x81, 0xC3, 0xFE, 0xFF,
    ]
    var words: [UInt64] = []
    for filler in edges {
      for other in edges {
        for position in 0..<8 {
          var bytes = [UInt8](repeating: filler, count: 8)
          bytes[position] = other
          words.append(bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) })
        }
      }
    }
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    for _ in 0..<20_000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      words.append(state)
    }
    return words
  }()

  static func bytes(of word: UInt64) -> [UInt8] {
    withUnsafeBytes(of: word) { Array($0) }
  }

  @Test(arguments: [UInt8(0x01), 0x20, 0x21, 0x80])
  func hasByteBelowAgreesWithEachByte(limit: UInt8) {
    for word in Self.words {
      #expect(
        ByteWord.hasByte(below: limit, in: word) == Self.bytes(of: word).contains { $0 < limit },
        "word \(String(word, radix: 16))")
    }
  }

  @Test(arguments: [UInt8(0x00), 0x20, 0x7E, 0x7F])
  func hasByteAboveAgreesWithEachByte(limit: UInt8) {
    for word in Self.words {
      #expect(
        ByteWord.hasByte(above: limit, in: word) == Self.bytes(of: word).contains { $0 > limit },
        "word \(String(word, radix: 16))")
    }
  }

  @Test(arguments: [UInt8(0x00), 0x22, 0x5C, 0x80, 0xFF])
  func hasByteAgreesWithEachByte(byte: UInt8) {
    for word in Self.words {
      #expect(
        ByteWord.hasByte(byte, in: word) == Self.bytes(of: word).contains(byte),
        "word \(String(word, radix: 16))")
    }
  }

  @Test func aRunEndsAtTheFirstByteOutsideItAtEveryPositionAndLength() {
    for length in 0..<20 {
      for position in 0...length {
        var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
        if position < length { bytes[position] = UInt8(ascii: "\\") }
        let end = bytes.withUnsafeBufferPointer { buffer in
          buffer.endOfRun(
            from: 0, word: { !ByteWord.hasByte(UInt8(ascii: "\\"), in: $0) },
            byte: { $0 != UInt8(ascii: "\\") })
        }
        #expect(end == position, "length \(length), backslash at \(position)")
      }
    }
  }
}
