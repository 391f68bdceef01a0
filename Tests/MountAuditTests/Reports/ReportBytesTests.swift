import Testing

@testable import MountAudit

/// The byte writers give the bytes of the strings they stand in for.
@Suite("Report bytes")
struct ReportBytesTests {
  @Test("integers are written as String writes them")
  func decimals() {
    for value in [0, 1, 9, 10, 99, 100, 4_294_967_295, -1, -10, Int.max, Int.min] {
      var bytes: [UInt8] = []
      bytes.appendDecimal(value)
      #expect(bytes == Array(String(value).utf8))
    }
    var bytes: [UInt8] = []
    bytes.appendDecimal(UInt32.max)
    #expect(bytes == Array(String(UInt32.max).utf8))
  }

  @Test("a propagation state is written as its description")
  func propagation() {
    let fields: [[OptionalField]] = [
      [], [.shared(peerGroup: 61)], [.shared(peerGroup: 61), .master(peerGroup: 60)],
      [.master(peerGroup: 1), .propagateFrom(peerGroup: 2)], [.unbindable],
      [
        .shared(peerGroup: 0), .master(peerGroup: 4_294_967_295), .propagateFrom(peerGroup: 3),
        .unbindable,
      ],
      [.other(tag: "future", value: "1")],
    ]
    for fields in fields {
      let propagation = Propagation(fields)
      var bytes: [UInt8] = []
      propagation.appendDescription(to: &bytes)
      #expect(bytes == Array(propagation.description.utf8))
    }
  }

  @Test("escaping into a buffer gives the bytes of the escaped string")
  func terminalText() {
    let texts: [ByteString] = [
      "", "/plain", "/a\\b", "/x\u{1b}[2J", "/evil\u{202E}txt", "/données", "/c1\u{9b}",
      ByteString([0x2f, 0xff, 0x61, 0xc3]), ByteString([0xe2, 0x80]), "/tab\there\n",
    ]
    for text in texts {
      var bytes: [UInt8] = [0x41]
      TerminalText.append(text, to: &bytes)
      #expect(bytes == [0x41] + Array(TerminalText.escape(text).utf8))
    }
  }

  @Test func isASCIIFindsAHighByteAnywhere() {
    for length in 0..<20 {
      let plain = [UInt8](repeating: UInt8(ascii: "a"), count: length)
      #expect([UInt8].isASCII(plain[...]))
      for position in 0..<length {
        var bytes = plain
        bytes[position] = 0x80
        #expect(![UInt8].isASCII(bytes[...]), "length \(length), at \(position)")
      }
    }
  }
}
