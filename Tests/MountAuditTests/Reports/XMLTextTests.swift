import Testing

@testable import MountAudit

@Suite("XMLText")
struct XMLTextTests {
  @Test("XML's special characters become entities")
  func entities() {
    #expect(XMLText.escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c'")
    #expect(XMLText.escape("]]>") == "]]&gt;")
  }

  @Test("characters XML 1.0 cannot carry are made visible, not referenced")
  func forbiddenCharacters() {
    #expect(XMLText.escape("/x\u{1b}[2J\u{07}") == "/x\\x1b[2J\\x07")
    #expect(XMLText.escape("/a\n0 errors") == "/a\\n0 errors")
    #expect(XMLText.escape("/\u{FFFE}\u{FFFF}") == "/\\u{FFFE}\\u{FFFF}")
    #expect(XMLText.escape("/\u{202E}x") == "/\\u{202E}x")
    #expect(XMLText.escape(ByteString([0x2f, 0xff, 0x3c])) == "/\\xff&lt;")
  }

  @Test("every escaped character is one XML 1.0 allows", arguments: 0..<4)
  func onlyAllowedCharacters(block: Int) {
    let scalars = (block * 0x4000..<(block + 1) * 0x4000).compactMap(Unicode.Scalar.init)
    var text = ""
    text.unicodeScalars.append(contentsOf: scalars)
    for scalar in XMLText.escape(text).unicodeScalars {
      let value = scalar.value
      let allowed =
        value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value)
        || (0xE000...0xFFFD).contains(value) || value >= 0x10000
      #expect(allowed, "U+\(String(value, radix: 16)) is not allowed in XML 1.0")
      if !allowed { return }
    }
  }
}
