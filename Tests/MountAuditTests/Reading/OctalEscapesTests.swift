import Foundation
import Testing

@testable import MountAudit

/// Decoding of the kernel's `\NNN` escapes in mountinfo paths.
@Suite("OctalEscapes")
struct OctalEscapesTests {
  private func decode(_ text: String) -> [UInt8] {
    OctalEscapes.decode(Array(text.utf8)[...])
  }

  @Test(
    "the four characters the kernel escapes are decoded",
    arguments: [
      (#"\040"#, UInt8(ascii: " ")), (#"\011"#, UInt8(ascii: "\t")),
      (#"\012"#, UInt8(ascii: "\n")), (#"\134"#, UInt8(ascii: "\\")),
    ])
  func kernelEscapes(escape: String, byte: UInt8) {
    #expect(
      decode("/a\(escape)b") == [UInt8(ascii: "/"), UInt8(ascii: "a"), byte, UInt8(ascii: "b")])
  }

  @Test("escapes up to \\377 give single bytes, so paths need not be UTF-8")
  func highBytes() {
    #expect(decode(#"\377\200\222"#) == [0xFF, 0x80, 0x92])
    #expect(decode(#"\000"#) == [0x00])
  }

  @Test(
    "a backslash not followed by three octal digits stays literal",
    arguments: [#"\"#, #"\1"#, #"\12"#, #"\8"#, #"\018"#, #"\x41"#, #"\\"#, #"\400"#, #"\777"#])
  func literalBackslash(text: String) {
    #expect(decode(text) == Array(text.utf8))
  }

  @Test("text without a backslash is returned unchanged, including a slice's offset")
  func noEscapes() {
    let bytes = Array("xx/plain/path".utf8)
    #expect(OctalEscapes.decode(bytes[2...]) == Array("/plain/path".utf8))
  }

  @Test("escapes in a slice that does not start at index 0 are decoded")
  func sliceOffsets() {
    let bytes = Array(#"ab/c\040d\1"#.utf8)
    #expect(OctalEscapes.decode(bytes[2...]) == Array(#"/c d\1"#.utf8))
  }

  /// moby/sys's `TestUnescape` pairs. moby decodes only up to `\177`; the kernel prints any
  /// byte as three octal digits and libmount decodes up to `\377`, so `\222` is one byte here.
  @Test("moby's unescape cases decode the same, except \\222 which is byte 0x92")
  func mobyCases() throws {
    struct Case: Decodable {
      var input: String
      var output: String
    }
    let data = Data(try Fixtures.bytes("external/moby-sys/unescape-cases.json"))
    let cases = try JSONDecoder().decode([Case].self, from: data)
    try #require(cases.count == 20)

    for item in cases {
      let expected = item.input == #"\222"# ? [0x92] : Array(item.output.utf8)
      #expect(decode(item.input) == expected, "input \(item.input)")
    }
  }
}
