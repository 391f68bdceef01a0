import Foundation
import Glibc
import Testing

@testable import MountAudit

/// The reading pipeline: line check, libmount's parser, and the mapping back to lines.
@Suite("MountTableReader")
struct MountTableReaderTests {
  private let root =
    "22 1 259:2 / / rw,relatime shared:1 - ext4 /dev/nvme0n1p2 rw,errors=remount-ro"
  private let run = "27 22 0:24 / /run rw,nosuid,nodev shared:5 - tmpfs tmpfs rw,mode=755"
  private let tmp = "84 22 0:34 / /tmp rw,nosuid,nodev shared:38 - tmpfs tmpfs rw,inode64"

  @Test("a line read through libmount gives every field")
  func everyField() throws {
    let table = try Tables.table(
      "36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/sda1 rw,errors=continue")

    #expect(table.problems == [])
    #expect(table.origin == .file(path: "test.mountinfo"))
    #expect(
      table.entries == [
        MountEntry(
          line: 1, id: 36, parentID: 35, device: DeviceNumber(major: 98, minor: 0),
          root: "/mnt1", mountPoint: "/mnt2", mountOptions: ["rw", "noatime"],
          optionalFields: [.master(peerGroup: 1)], filesystemType: "ext3",
          source: "/dev/sda1", superOptions: "rw,errors=continue")
      ])
  }

  @Test("malformed lines are reported with their line numbers and the rest is read")
  func malformedLines() throws {
    let text = [
      root, "hello", run, "", "2147483648 22 0:40 / /big rw - tmpfs tmpfs rw",
      "41 22 801 / /nodev rw - tmpfs tmpfs rw", tmp, "42 22 0:41 / /short rw - tmpfs tmpfs",
      "43 22 0:42 / /nosep rw shared:3 tmpfs tmpfs rw",
    ].joined(separator: "\n")
    let table = try Tables.table(text)

    #expect(table.entries.map(\.id) == [22, 27, 84])
    #expect(table.entries.map(\.line) == [1, 3, 7])
    #expect(table.entries.map(\.mountPoint) == ["/", "/run", "/tmp"])
    #expect(
      table.problems == [
        ParseProblem(line: 2, problem: .tooFewFields(count: 1)),
        ParseProblem(line: 4, problem: .emptyLine),
        ParseProblem(line: 5, problem: .invalidID(field: "mount ID", value: "2147483648")),
        ParseProblem(line: 6, problem: .invalidDevice(value: "801")),
        ParseProblem(line: 8, problem: .tooFewFieldsAfterSeparator(count: 2)),
        ParseProblem(line: 9, problem: .missingSeparator),
      ])
  }

  /// libmount guesses the format from the first line it sees; a bad first line would make it
  /// read the whole table as fstab and reject every mountinfo line after it.
  @Test(
    "a malformed first line does not stop the rest being read as mountinfo",
    arguments: ["garbage", "proc /proc proc defaults 0 0", "# comment", "1 2"])
  func malformedFirstLine(first: String) throws {
    let table = try Tables.table([first, root, run, tmp].joined(separator: "\n"))

    #expect(table.problems.map(\.line) == [1])
    #expect(table.entries.map(\.line) == [2, 3, 4])
    #expect(table.entries.map(\.id) == [22, 27, 84])
    #expect(table.entries.map(\.source) == ["/dev/nvme0n1p2", "tmpfs", "tmpfs"])
    #expect(
      table.entries.map(\.optionalFields) == [
        [.shared(peerGroup: 1)], [.shared(peerGroup: 5)], [.shared(peerGroup: 38)],
      ])
  }

  @Test("an fstab file is rejected as not mountinfo, naming the file and its first line")
  func fstabRejected() throws {
    let path = "external/util-linux/libmount/fstab"
    let expected = AuditError.notMountinfo(
      input: "fixtures/" + path, first: ParseProblem(line: 1, problem: .missingSeparator))

    #expect(throws: expected) { try Fixtures.table(path) }
    #expect(
      expected.description
        == "'fixtures/external/util-linux/libmount/fstab' is not a mountinfo table: "
        + "line 1: no ' - ' separator after the optional fields")
  }

  @Test("an empty input is an error, not an empty table")
  func emptyInput() {
    #expect(throws: AuditError.notMountinfo(input: "empty.mountinfo", first: nil)) {
      try Tables.table(bytes: [], name: "empty.mountinfo")
    }
  }

  @Test("an input of blank lines is an error naming the first one")
  func blankLines() {
    let first = ParseProblem(line: 1, problem: .emptyLine)
    #expect(throws: AuditError.notMountinfo(input: "blank.mountinfo", first: first)) {
      try Tables.table(bytes: Array("\n\n".utf8), name: "blank.mountinfo")
    }
  }

  @Test("a file without a final newline keeps its last line whole")
  func noFinalNewline() throws {
    let table = try Tables.table(bytes: Array("\(root)\n\(run)".utf8))
    #expect(table.problems == [])
    #expect(table.entries.map(\.line) == [1, 2])
    #expect(table.entries.last?.superOptions == "rw,mode=755")

    let single = try Tables.table(bytes: Array(tmp.utf8))
    #expect(single.entries.map(\.id) == [84])
    #expect(single.entries.first?.superOptions == "rw,inode64")
  }

  @Test("a final newline does not count as another line")
  func finalNewline() {
    #expect(MountTableReader.lines(of: Array("a\nb\n".utf8)).map { Array($0) } == [[97], [98]])
    #expect(MountTableReader.lines(of: Array("a\n\n".utf8)).map { Array($0) } == [[97], []])
    #expect(MountTableReader.lines(of: []).isEmpty)
  }

  /// A raw tab is a separator for libmount but not for the kernel, which prints `\011`; the
  /// line check rejects it before libmount could shift the line's fields.
  @Test("a line with a raw tab is reported, and later lines keep their numbers")
  func rawTab() throws {
    let text = [root, "50 22 0:50 \t /a rw - tmpfs tmpfs rw", run, tmp].joined(separator: "\n")
    let table = try Tables.table(text)

    #expect(table.problems == [ParseProblem(line: 2, problem: .rawTab(field: "root"))])
    #expect(table.entries.map(\.id) == [22, 27, 84])
    #expect(table.entries.map(\.line) == [1, 3, 4])
    #expect(table.entries.map(\.mountPoint) == ["/", "/run", "/tmp"])
  }

  @Test("a line repeating an earlier line's mount ID is left out as damaged, naming both")
  func duplicateIDs() throws {
    let table = try Tables.table(
      """
      31 21 0:27 / /sys/fs/cgroup/net_cls rw - cgroup cgroup rw,net_cls
      31 21 0:23 / /DATA rw - cifs //foo/BLA\\040BLA/ rw,unc=\\\\foo\\BLA BLA,uid=1
      """)
    #expect(table.problems == [ParseProblem(line: 2, problem: .repeatedID(id: 31, firstLine: 1))])
    #expect(table.entries.map(\.mountPoint) == ["/sys/fs/cgroup/net_cls"])
    #expect(
      table.problems.first?.problem.description
        == "mount ID 31 is already on line 1 (each mount of a table has its own ID)")
  }

  @Test("non-UTF-8 bytes and control characters come through libmount byte-exact")
  func rawBytesThroughLibmount() throws {
    let path: [UInt8] = [0x2F, 0xFF, 0xFE, 0x80, 0x01, 0x1B, 0x5B, 0x6D, 0x7F, 0xE2, 0x80, 0xAE]
    let line =
      Array("60 22 0:60 ".utf8) + path + Array(#" /e\377\011\012\134\040x"#.utf8)
      + Array(" rw - tmpfs ".utf8) + path + Array(" rw\n".utf8)
    let table = try Tables.table(bytes: Array((root + "\n").utf8) + line)

    #expect(table.problems == [])
    let entry = try #require(table.entries.last)
    #expect(entry.root.bytes == path)
    #expect(entry.mountPoint.bytes == Array("/e".utf8) + [0xFF, 0x09, 0x0A, 0x5C, 0x20, 0x78])
    #expect(entry.source.bytes == path)
  }

  @Test("an empty source is read as empty (R20)")
  func emptySource() throws {
    let table = try Tables.table(
      "880 845 0:93 / / ro,nosuid - tmpfs  ro,size=0k,nr_inodes=2,uid=1000,gid=1000,inode64")
    let entry = try #require(table.entries.first)
    #expect(entry.source == "")
    #expect(entry.filesystemType == "tmpfs")
    #expect(entry.superOptions == "ro,size=0k,nr_inodes=2,uid=1000,gid=1000,inode64")
    #expect(entry.isReadOnly)
  }

  /// Some libmount releases strip a " (deleted)" suffix from mount points; 2.38 keeps it,
  /// and this test notices if an upgrade does not.
  @Test("a '(deleted)' suffix on a mount point and a '//deleted' root survive libmount")
  func deletedMarkers() throws {
    let table = try Tables.table(#"61 22 0:61 /f//deleted /mnt/f\040(deleted) rw - tmpfs t rw"#)
    #expect(table.entries.first?.mountPoint == "/mnt/f (deleted)")
    #expect(table.entries.first?.root == "/f//deleted")
  }

  /// libmount replaces a `/dev/root` source by the name of the block device with that number
  /// on the machine running the audit, which would make the output depend on that machine.
  @Test(
    "a '/dev/root' source stays as printed, whatever block devices this machine has",
    .enabled(if: MountTableReaderTests.localBlockDevice != nil))
  func devRootSource() throws {
    let device = try #require(Self.localBlockDevice)
    let table = try Tables.table("21 1 \(device) / / rw,relatime - ext4 /dev/root rw")
    #expect(table.entries.first?.source == "/dev/root")
  }

  /// The `major:minor` of a block device of this machine, if it has one.
  static var localBlockDevice: String? {
    (try? FileManager.default.contentsOfDirectory(atPath: "/sys/dev/block"))?.sorted().first
  }

  // MARK: Sources of input

  @Test("a file is read from its path")
  func readsFile() throws {
    let path = Fixtures.root.appendingPathComponent("field-cases/R22/input.mountinfo").path
    let table = try MountTableReader().read(.file(path: path))
    #expect(table.entries.count == 10)
    #expect(table.origin == .file(path: path))
  }

  @Test("a missing file is a read error with its errno")
  func missingFile() {
    let path = Fixtures.root.appendingPathComponent("no-such-file.mountinfo").path
    #expect(throws: AuditError.cannotRead(path: path, errno: ENOENT)) {
      try MountTableReader().read(.file(path: path))
    }
  }

  @Test("a file over the size limit is refused")
  func sizeLimit() {
    let path = Fixtures.root.appendingPathComponent("field-cases/R25/input.mountinfo").path
    #expect(throws: AuditError.inputTooLarge(path: path, limit: 4096)) {
      try MountTableReader(sizeLimit: 4096).read(.file(path: path))
    }
  }

  @Test("a PID that does not exist is reported as no such process")
  func missingProcess() {
    #expect(throws: AuditError.noSuchProcess(pid: Int32.max)) {
      try MountTableReader().read(.process(pid: Int32.max))
    }
  }

  @Test("the auditor's own live table reads without problems")
  func ownProcess() throws {
    let pid = getpid()
    let table = try MountTableReader().read(.process(pid: pid))
    #expect(table.problems == [])
    #expect(table.origin == .process(pid: pid))
    #expect(MountTree(table).visibleMount(at: "/") != nil)
  }
}
