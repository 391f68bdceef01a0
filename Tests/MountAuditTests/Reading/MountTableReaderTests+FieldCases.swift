import Testing

@testable import MountAudit

/// The parser field cases: every line of each input against its reference decoding.
extension MountTableReaderTests {
  /// Input files and their reference decodings, relative to `fixtures/field-cases/`.
  static let decodingCases: [(input: String, expected: String)] = [
    ("R18/input.mountinfo", "R18/expected.json"),
    ("R20/input.mountinfo", "R20/expected.json"),
    ("R20/input-ns-root.mountinfo", "R20/input-ns-root.expected.json"),
    ("R21/input.mountinfo", "R21/expected.json"),
    ("R22/input.mountinfo", "R22/expected.json"),
    ("R25/input.mountinfo", "R25/expected.json"),
    ("R26/input.mountinfo", "R26/expected.json"),
  ]

  @Test(
    "every line of a parser field case reads as its expected.json says", arguments: decodingCases)
  func fieldCase(input: String, expected: String) throws {
    let table = try Fixtures.table("field-cases/" + input)
    let records = try ExpectedRecord.load("field-cases/" + expected)

    #expect(table.problems == [])
    try #require(table.entries.count == records.count)
    for (index, (entry, record)) in zip(table.entries, records).enumerated() {
      #expect(entry.line == index + 1)
      #expect(entry.id == record.id)
      #expect(entry.parentID == record.parent)
      #expect(entry.device == DeviceNumber(major: record.major, minor: record.minor))
      #expect(entry.root.bytes == record.root.bytes, "root of line \(index + 1)")
      #expect(entry.mountPoint.bytes == record.mountPoint.bytes, "mount point of line \(index + 1)")
      #expect(entry.mountOptions.joined(separator: ",") == record.options)
      #expect(entry.optionalFields == record.optionalFields)
      #expect(entry.filesystemType == record.fsType)
      #expect(entry.source.bytes == record.source.bytes, "source of line \(index + 1)")
      #expect(entry.superOptions.bytes == record.superOptions.bytes)
    }
  }

  @Test("a path with an escaped space is found by its decoded name (R18)")
  func decodedLookup() throws {
    let tree = MountTree(try Fixtures.table("field-cases/R18/input.mountinfo"))
    #expect(tree.visibleMount(at: "/mnt/My Volume")?.id == 100)
    #expect(tree.visibleMount(at: #"/mnt/My\040Volume"#) == nil)
    #expect(tree.visibleMount(containing: "/srv/bind target/file")?.id == 101)
  }

  @Test("a 71,689-byte mount point and a 51,209-byte deleted root are kept whole (R25)")
  func longFields() throws {
    let table = try Fixtures.table("field-cases/R25/input.mountinfo")
    let deep = try #require(table.entries.first { $0.id == 170 })
    let deleted = try #require(table.entries.first { $0.id == 171 })

    #expect(deep.mountPoint.bytes.count == 71_689)
    #expect(deep.mountPoint.bytes.starts(with: Array("/mnt/deep/d000_x".utf8)))
    #expect(
      deep.mountPoint.bytes.suffix(255)
        == ArraySlice(Array("d279_".utf8) + Array(repeating: UInt8(ascii: "x"), count: 250)))
    #expect(deleted.root.bytes.count == 51_209)
    #expect(deleted.root.bytes.suffix(9) == ArraySlice("//deleted".utf8))
    #expect(deleted.mountPoint == "/mnt/short")
  }

  @Test("super options with raw spaces are kept whole though libmount cuts them (R26)")
  func rawSpacesInSuperOptions() throws {
    let table = try Fixtures.table("field-cases/R26/input.mountinfo")
    let entry = try #require(table.entries.last)
    #expect(entry.source == #"C:\Program Files\Docker\Docker\resources"#)
    let expected =
      #"rw,aname=drvfs;path=C:\Program Files\Docker\Docker\resources;symlinkroot=/mnt/,"#
      + "cache=5,access=client,msize=65536,trans=fd,rfd=3,wfd=3"
    #expect(entry.superOptions == ByteString(expected))
  }
}
