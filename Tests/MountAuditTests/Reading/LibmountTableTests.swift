import Testing

@testable import MountAudit

/// The libmount bridge on its own: what libmount's mountinfo parser gives for each line,
/// before the reader combines it with the raw line.
@Suite("LibmountTable")
struct LibmountTableTests {
  private func parse(_ text: String) throws -> LibmountTable {
    try LibmountTable(parsingMountinfo: Array(text.utf8), name: "test.mountinfo")
  }

  @Test("each line is copied out with every field libmount gives")
  func copiesFields() throws {
    let table = try parse(
      "36 35 98:0 /mnt\\0401 /mnt2 rw,noatime master:1 shared:2 - ext3 /dev/sda1 rw,errors=1\n")
    let entry = try #require(table.entries.first)

    #expect(table.entries.count == 1)
    #expect(table.rejectedLines == [])
    #expect(entry.id == 36)
    #expect(entry.parentID == 35)
    #expect(entry.major == 98)
    #expect(entry.minor == 0)
    #expect(entry.root == Array("/mnt 1".utf8))
    #expect(entry.target == Array("/mnt2".utf8))
    #expect(entry.filesystemType == "ext3")
    #expect(entry.mountOptions == Array("rw,noatime".utf8))
  }

  @Test("a line with an empty source is parsed")
  func emptySource() throws {
    let table = try parse("21 20 0:53 / /mnt/test rw,relatime shared:212 - tmpfs  rw\n")
    #expect(table.entries.first?.target == Array("/mnt/test".utf8))
    #expect(table.entries.first?.filesystemType == "tmpfs")
  }

  @Test("rejected lines are reported 1-based and parsing goes on")
  func rejectedLines() throws {
    let table = try parse(
      """
      1 0 0:1 / / rw - tmpfs tmpfs rw
      2 1 0:2 \t /a rw - tmpfs tmpfs rw
      3 1 0:3 / /b rw - tmpfs tmpfs rw

      """)
    #expect(table.rejectedLines == [2])
    #expect(table.entries.map(\.id) == [1, 3])
  }

  @Test(
    "libmount agrees with the raw line on every field it gives, for every fixture",
    arguments: Fixtures.mountinfoFiles)
  func agreesWithRawLines(file: String) throws {
    let lines = MountTableReader.lines(of: try Fixtures.bytes(file))
      .compactMap { try? MountinfoLine(parsing: $0) }
    guard !lines.isEmpty else {
      // Only the invalid single-line cases of other parsers have no well-formed line.
      #expect(Fixtures.isInvalidLineCase(file))
      return
    }
    let parsed = try LibmountTable(
      parsingMountinfo: try Self.wellFormedText(of: file), name: file)

    #expect(parsed.rejectedLines == [])
    try #require(parsed.entries.count == lines.count)
    for (index, (entry, line)) in zip(parsed.entries, lines).enumerated() {
      let place = "\(file), well-formed line \(index + 1)"
      #expect(UInt32(bitPattern: entry.id) == line.id, "\(place)")
      #expect(UInt32(bitPattern: entry.parentID) == line.parentID, "\(place)")
      #expect(DeviceNumber(major: entry.major, minor: entry.minor) == line.device, "\(place)")
      #expect(entry.root == OctalEscapes.decode(line.root), "\(place)")
      #expect(entry.target == OctalEscapes.decode(line.mountPoint), "\(place)")
      #expect(
        entry.filesystemType
          == String(decoding: OctalEscapes.decode(line.filesystemType), as: UTF8.self),
        "\(place)")
      #expect(entry.mountOptions == Array(line.mountOptions), "\(place)")
    }
  }

  /// The well-formed lines of a fixture, each with a newline, as the reader hands them on.
  private static func wellFormedText(of file: String) throws -> [UInt8] {
    var text: [UInt8] = []
    for line in MountTableReader.lines(of: try Fixtures.bytes(file))
    where (try? MountinfoLine(parsing: line)) != nil {
      text += line
      text.append(UInt8(ascii: "\n"))
    }
    return text
  }
}
