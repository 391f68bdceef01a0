import Foundation
import Testing

@testable import MountAudit

@Suite("JSONValue")
struct JSONValueTests {
  @Test("keys are sorted and slashes are not escaped")
  func sortedKeys() {
    let document = JSONValue.object(["b": .string("/x/y"), "a": .null, "c": .integer(3)])
    let text = String(decoding: document.serialized(), as: UTF8.self)
    #expect(text == "{\n  \"a\" : null,\n  \"b\" : \"/x/y\",\n  \"c\" : 3\n}\n")
  }

  @Test("valid UTF-8 byte strings are strings, others are hex objects")
  func byteStrings() {
    #expect(JSONValue.bytes(ByteString("/mnt/a b")) == .string("/mnt/a b"))
    #expect(JSONValue.bytes(ByteString([0x2f, 0xff])) == .object(["hex": .string("2fff")]))
  }

  @Test("control characters in strings come out as valid, escaped JSON")
  func controlCharacters() throws {
    let hostile = "/x\u{1b}[2J\n0 errors\u{202E}"
    let data = Data(JSONValue.object(["p": .string(hostile)]).serialized())
    let text = String(decoding: data, as: UTF8.self)
    #expect(!text.contains("\u{1b}"))
    let decoded = try JSONSerialization.jsonObject(with: data) as? [String: String]
    #expect(decoded?["p"] == hostile)
  }
}
