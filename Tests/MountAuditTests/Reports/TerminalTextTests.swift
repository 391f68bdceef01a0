import Testing

@testable import MountAudit

@Suite("TerminalText")
struct TerminalTextTests {
  @Test("plain paths pass through unchanged")
  func plainPaths() {
    #expect(
      TerminalText.escape(ByteString("/var/lib/docker/volumes/x y/_data"))
        == "/var/lib/docker/volumes/x y/_data")
    #expect(TerminalText.escape(ByteString("/srv/données")) == "/srv/données")
  }

  @Test("escape sequences, newlines and bidirectional overrides are shown, not sent")
  func hostileCharacters() {
    #expect(TerminalText.escape(ByteString("/x\u{1b}[2J")) == "/x\\x1b[2J")
    #expect(TerminalText.escape(ByteString("/a\n0 errors")) == "/a\\n0 errors")
    #expect(TerminalText.escape(ByteString("/evil\u{202E}txt.sh")) == "/evil\\u{202E}txt.sh")
    #expect(TerminalText.escape(ByteString("/c1\u{9b}")) == "/c1\\u{9B}")
    #expect(TerminalText.escape(ByteString("/tab\there")) == "/tab\\there")
  }

  @Test("a backslash is doubled so that escapes cannot be forged")
  func backslash() {
    #expect(TerminalText.escape(ByteString("/a\\x1b")) == "/a\\\\x1b")
  }

  @Test("bytes that are not UTF-8 are shown as \\xNN")
  func invalidUTF8() {
    #expect(TerminalText.escape(ByteString([0x2f, 0xff, 0x61, 0xc3])) == "/\\xffa\\xc3")
  }

  @Test("messages get the same treatment as paths")
  func messages() {
    #expect(TerminalText.escape("'/a\u{1b}]0;x\u{7}'") == "'/a\\x1b]0;x\\x07'")
  }

  @Test("every byte is found wherever it stands among plain bytes, eight at a time or not")
  func everyBytePosition() {
    for byte in UInt8.min...UInt8.max {
      // Alone, the byte is tested on its own; in a run of 20 it is within a tested word.
      let alone = TerminalText.escape(ByteString([byte]))
      for position in 0..<20 {
        var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 20)
        bytes[position] = byte
        let expected =
          String(repeating: "a", count: position) + alone
          + String(repeating: "a", count: 19 - position)
        #expect(TerminalText.escape(ByteString(bytes)) == expected, "byte \(byte) at \(position)")
      }
    }
  }
}
