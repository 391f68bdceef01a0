import Testing

@testable import MountAudit

/// The cross-check the product spec asks for: for every mount table under `fixtures/`, what
/// the reader gets through libmount equals the decoding of the raw lines alone.
extension MountTableReaderTests {
  @Test("the fixture list finds the tables of every origin")
  func fixtureList() {
    let files = Fixtures.mountinfoFiles
    #expect(files.contains("runc/default/container.mountinfo"))
    #expect(files.contains("field-cases/R25/input.mountinfo"))
    #expect(files.contains("external/moby-sys/gentoo.mountinfo"))
    #expect(files.contains("external/procfs/proc-26231.mountinfo"))
    #expect(files.contains("external/util-linux/findmnt/mountinfo-messy.mountinfo"))
    #expect(files.count >= 60)
  }

  @Test(
    "every entry read through libmount equals the raw line's decoding",
    arguments: Fixtures.mountinfoFiles)
  func libmountAgreesWithRawLines(file: String) throws {
    let raw = try Fixtures.rawDecoding(file)
    guard !raw.isEmpty else {
      // Only the invalid single-line cases of other parsers have no well-formed line, and
      // the reader refuses them.
      #expect(Fixtures.isInvalidLineCase(file))
      #expect(throws: AuditError.self) { try Fixtures.table(file) }
      return
    }
    let table = try Fixtures.table(file)

    #expect(!table.problems.contains { $0.problem == .rejectedByLibmount })
    // A line repeating an earlier line's mount ID (moby's fedora table, edited by hand) is
    // left out as damaged; every other line is read.
    let repeated = Set(
      table.problems.compactMap { problem -> Int? in
        if case .repeatedID = problem.problem { return problem.line }
        return nil
      })
    let kept = raw.filter { !repeated.contains($0.line) }
    try #require(table.entries.count == kept.count)
    for (entry, decoded) in zip(table.entries, kept) {
      let line = "\(file):\(decoded.line)"
      #expect(entry.line == decoded.line, "\(line)")
      #expect(entry.id == decoded.id, "\(line)")
      #expect(entry.parentID == decoded.parentID, "\(line)")
      #expect(entry.device == decoded.device, "\(line)")
      #expect(entry.root == decoded.root, "\(line)")
      #expect(entry.mountPoint == decoded.mountPoint, "\(line)")
      #expect(entry.mountOptions == decoded.mountOptions, "\(line)")
      #expect(entry.optionalFields == decoded.optionalFields, "\(line)")
      #expect(entry.filesystemType == decoded.filesystemType, "\(line)")
      #expect(entry.source == decoded.source, "\(line)")
      // libmount cuts super options at a raw space; the entry holds the raw line's value.
      #expect(entry.superOptions == decoded.superOptions, "\(line)")
    }
  }
}
