import Foundation
import Testing

@testable import MountAudit

/// `serialized()` writes JSON itself for speed; Foundation's `JSONEncoder` is the reference
/// it must match byte for byte.
@Suite("JSONValue serialization")
struct JSONValueSerializationTests {
  /// The cases under `fixtures/` that hold a container table and its host's.
  static let cases: [String] = {
    let folders = ["runc", "field-cases", "runtimes", "hostile"]
    return folders.flatMap { folder in
      let names =
        (try? FileManager.default.contentsOfDirectory(
          atPath: Fixtures.root.appendingPathComponent(folder).path)) ?? []
      return names.sorted().map { "\(folder)/\($0)" }.filter { path in
        FileManager.default.fileExists(
          atPath: Fixtures.root.appendingPathComponent("\(path)/container.mountinfo").path)
      } + (folder == "hostile" ? ["hostile"] : [])
    }
  }()

  @Test("the fixture cases are found")
  func casesAreFound() {
    #expect(Self.cases.count > 20)
    #expect(Self.cases.contains("runc/docker-sock"))
    #expect(Self.cases.contains("hostile"))
  }

  @Test("audit and tree reports are written as Foundation writes them", arguments: cases)
  func reportsMatchFoundation(folder: String) throws {
    let container = Fixtures.root.appendingPathComponent("\(folder)/container.mountinfo").path
    let host = Fixtures.root.appendingPathComponent("\(folder)/host.mountinfo").path
    let hostChoice: HostChoice =
      FileManager.default.fileExists(atPath: host) ? .file(path: host) : .automatic
    let report = try Auditor().audit(
      AuditRequest(target: .file(path: container), host: hostChoice))
    let audit = AuditJSONReport(report).document
    #expect(audit.serialized() == audit.encodedByFoundation())
    for listsFindings in [true, false] {
      let report = AuditJSONReport(report, listsFindings: listsFindings)
      var streamed: [UInt8] = []
      report.streamed.write(inChunks: { streamed += $0 })
      #expect(streamed == report.document.serialized())
    }

    let tree = TreeJSONReport(MountTree(try MountTableReader().read(.file(path: container))))
    #expect(tree.document.serialized() == tree.document.encodedByFoundation())
    var streamed: [UInt8] = []
    tree.streamed.write(inChunks: { streamed += $0 })
    #expect(streamed == tree.document.serialized())
  }

  @Test("every escape, empty containers and nesting are written as Foundation writes them")
  func edgeCasesMatchFoundation() {
    var controls = ""
    for value in 0..<0x20 { controls.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
    let document = JSONValue.object([
      "controls": .string(controls + "\u{7f}\u{80}\u{9f}"),
      "quotes": .string(#""a\b" / \\ //"#),
      "unicode": .string("é \u{202E} \u{2028} 😀 \u{FFFD}"),
      "empty": .array([.array([]), .object([:]), .string("")]),
      "numbers": .array([.integer(0), .integer(-1), .integer(Int.max), .integer(Int.min)]),
      "flags": .array([.bool(true), .bool(false), .null]),
      "B": .object(["10": .null, "9": .null, "_": .null, "a-b": .null, "a.b": .null]),
      "nested": .array([.object(["x": .array([.object(["y": .array([])])])])]),
    ])
    let written = document.serialized()
    #expect(written == document.encodedByFoundation())
    #expect(String(decoding: written, as: UTF8.self).contains(#""\u001b""#) == false)
    #expect(String(decoding: written, as: UTF8.self).contains(#"\u001b"#))
  }

  @Test("a bare value at the top level is written as Foundation writes it")
  func scalarsMatchFoundation() {
    for value in [JSONValue.null, .bool(true), .integer(42), .string("a\"b"), .array([])] {
      #expect(value.serialized() == value.encodedByFoundation())
    }
  }

  @Test("a document written in chunks is the same bytes, handed on in several pieces")
  func chunkedWriting() {
    let document = JSONValue.object([
      "mounts": .array(
        (0..<5_000).map { .object(["id": .integer($0), "path": .string("/mnt/\($0)")]) })
    ])
    var chunks: [[UInt8]] = []
    document.write(inChunks: { chunks.append($0) })
    #expect(chunks.count > 2)
    #expect(chunks.dropLast().allSatisfy { $0.count >= reportChunkSize })
    #expect(Array(chunks.joined()) == document.serialized())
  }

  @Test("a streamed object writes the bytes of the same object built whole")
  func streamedObject() {
    let object = StreamedJSONObject(
      members: ["b": .integer(1), "z": .array([])],
      streamedArrays: [
        "a": { emit in for index in 0..<3 { emit(.object(["i": .integer(index)])) } },
        "empty": { _ in },
      ])
    var streamed: [UInt8] = []
    object.write(inChunks: { streamed += $0 })
    #expect(streamed == object.materialized.encodedByFoundation())
  }
}
