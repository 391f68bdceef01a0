import Testing

@testable import MountAudit

/// The structural check and raw split of one mountinfo line, and its decoding without libmount.
@Suite("MountinfoLine")
struct MountinfoLineTests {
  private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

  @Test("a plain line is split into its eleven fields")
  func plainLine() throws {
    let line = try RawLine.parse(
      "36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue")

    #expect(line.id == 36)
    #expect(line.parentID == 35)
    #expect(line.device == DeviceNumber(major: 98, minor: 0))
    #expect(Array(line.root) == bytes("/mnt1"))
    #expect(Array(line.mountPoint) == bytes("/mnt2"))
    #expect(Array(line.mountOptions) == bytes("rw,noatime"))
    #expect(line.optionalFields.map { Array($0) } == [bytes("master:1")])
    #expect(Array(line.filesystemType) == bytes("ext3"))
    #expect(Array(line.source) == bytes("/dev/root"))
    #expect(Array(line.superOptions) == bytes("rw,errors=continue"))
  }

  @Test("the decoded entry carries every field with the line number given")
  func decodedEntry() throws {
    let entry = try RawLine.parse(
      "36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue"
    ).decodedEntry(line: 7)

    #expect(
      entry
        == MountEntry(
          line: 7, id: 36, parentID: 35, device: DeviceNumber(major: 98, minor: 0),
          root: "/mnt1", mountPoint: "/mnt2", mountOptions: ["rw", "noatime"],
          optionalFields: [.master(peerGroup: 1)], filesystemType: "ext3",
          source: "/dev/root", superOptions: "rw,errors=continue"))
  }

  // MARK: Malformed lines

  @Test(
    "a malformed line is refused with the exact problem",
    arguments: [
      ("", LineProblem.emptyLine),
      ("hello", .tooFewFields(count: 1)),
      ("1 2 0:3 / /a rw", .tooFewFields(count: 6)),
      ("251 15 0:3573 / /mnt/point rw,relatime aufs none rw", .missingSeparator),
      ("1 2 0:3 / /a rw shared:1 tmpfs tmpfs rw", .missingSeparator),
      ("1 2 0:3 / /a rw -x tmpfs tmpfs rw", .missingSeparator),
      ("1 2 0:3 / /a rw -", .tooFewFieldsAfterSeparator(count: 0)),
      ("1 2 0:3 / /a rw - tmpfs", .tooFewFieldsAfterSeparator(count: 1)),
      ("1 2 0:3 / /a rw - tmpfs tmpfs", .tooFewFieldsAfterSeparator(count: 2)),
      ("1 2 0:3 / /a rw some extra - aufs none", .tooFewFieldsAfterSeparator(count: 2)),
      ("x 2 0:3 / /a rw - tmpfs tmpfs rw", .invalidID(field: "mount ID", value: "x")),
      ("1 -2 0:3 / /a rw - tmpfs tmpfs rw", .invalidID(field: "parent ID", value: "-2")),
      ("+1 2 0:3 / /a rw - tmpfs tmpfs rw", .invalidID(field: "mount ID", value: "+1")),
      (
        "2147483648 1 0:3 / /a rw - tmpfs tmpfs rw",
        .invalidID(field: "mount ID", value: "2147483648")
      ),
      (
        "1 4294967296 0:3 / /a rw - tmpfs tmpfs rw",
        .invalidID(field: "parent ID", value: "4294967296")
      ),
      (
        "1 99999999999 0:3 / /a rw - tmpfs tmpfs rw",
        .invalidID(field: "parent ID", value: "99999999999")
      ),
      ("1 2 0:3 / /a\tb rw - tmpfs tmpfs rw", .rawTab(field: "mount point")),
      ("1 2 0:3 / /a rw - tmpfs tmp\tfs rw", .rawTab(field: "source")),
      ("1 2 801 / /a rw - ext4 /dev/sda1 rw", .invalidDevice(value: "801")),
      ("1 2 8: / /a rw - ext4 /dev/sda1 rw", .invalidDevice(value: "8:")),
      ("1 2 :1 / /a rw - ext4 /dev/sda1 rw", .invalidDevice(value: ":1")),
      ("1 2 8:1:2 / /a rw - ext4 /dev/sda1 rw", .invalidDevice(value: "8:1:2")),
      ("1 2 0x8:1 / /a rw - ext4 /dev/sda1 rw", .invalidDevice(value: "0x8:1")),
      ("1 2 8:4294967296 / /a rw - ext4 /dev/sda1 rw", .invalidDevice(value: "8:4294967296")),
      ("1 2 0:3  /a rw - tmpfs tmpfs rw", .emptyField(field: "root")),
      ("1 2 0:3 /  /a rw - tmpfs tmpfs rw", .emptyField(field: "mount point")),
      ("1 2 0:3 / /a  - tmpfs tmpfs rw", .emptyField(field: "mount options")),
      ("1 2 0:3 / /a rw -  tmpfs rw", .emptyField(field: "filesystem type")),
      ("1 2 0:3 / /a rw - tmpfs tmpfs r\u{0}w", .containsNUL),
      ("1 2 0:3 / /a rw - tmpfs tmpfs rw\r", .carriageReturn),
    ])
  func malformed(line: String, problem: LineProblem) {
    #expect(RawLine.problem(line) == problem)
  }

  @Test("an invalid ID is quoted by its first 40 bytes only")
  func longInvalidIDIsCut() {
    let id = String(repeating: "9", count: 30) + String(repeating: "x", count: 30)
    #expect(
      RawLine.problem("\(id) 1 0:3 / /a rw - tmpfs tmpfs rw")
        == .invalidID(field: "mount ID", value: String(id.prefix(40))))
  }

  // MARK: Numbers

  @Test("IDs up to 2147483647 and leading zeros are accepted")
  func largestID() throws {
    let line = try RawLine.parse("2147483647 0007 4294967295:4294967295 / /a rw - t s o")
    #expect(line.id == 2_147_483_647)
    #expect(line.parentID == 7)
    #expect(line.device == DeviceNumber(major: 4_294_967_295, minor: 4_294_967_295))
  }

  @Test("mount ID 0 and parent ID 0 are accepted")
  func zeroIDs() throws {
    let line = try RawLine.parse("0 0 0:0 / / rw - rootfs rootfs rw")
    #expect(line.id == 0)
    #expect(line.parentID == 0)
    #expect(line.device == DeviceNumber(major: 0, minor: 0))
  }

  // MARK: Separator and hyphens (R21)

  @Test("the separator is the first field exactly '-' from field 7 on")
  func separatorPosition() throws {
    let line = try RawLine.parse("135 22 0:77 / /mnt/z rw,relatime - tmpfs - rw,inode64")
    #expect(line.optionalFields.isEmpty)
    #expect(Array(line.filesystemType) == bytes("tmpfs"))
    #expect(Array(line.source) == bytes("-"))
    #expect(Array(line.superOptions) == bytes("rw,inode64"))
  }

  @Test("a mount point or options field that is exactly '-' is not the separator")
  func hyphenFieldsBeforeSeparator() throws {
    let line = try RawLine.parse("1 2 0:3 - - - - tmpfs - - -")
    #expect(Array(line.root) == bytes("-"))
    #expect(Array(line.mountPoint) == bytes("-"))
    #expect(Array(line.mountOptions) == bytes("-"))
    #expect(line.optionalFields.isEmpty)
    #expect(Array(line.filesystemType) == bytes("tmpfs"))
    #expect(Array(line.source) == bytes("-"))
    #expect(Array(line.superOptions) == bytes("- -"))
  }

  @Test("a ' - ' inside an escaped mount point is not the separator")
  func escapedSeparatorInPath() throws {
    let entry = try RawLine.parse(
      "133 22 0:75 / /mnt/x\\040-\\040y rw,relatime shared:286 - tmpfs tmpfs rw,inode64"
    ).decodedEntry(line: 1)
    #expect(entry.mountPoint == "/mnt/x - y")
    #expect(entry.optionalFields == [.shared(peerGroup: 286)])
    #expect(entry.source == "tmpfs")
  }

  // MARK: Optional fields (R22)

  @Test(
    "optional fields are typed with their numbers, unknown tags kept, in every combination",
    arguments: [
      ("", [OptionalField](), "private"),
      ("shared:60", [.shared(peerGroup: 60)], "shared:60"),
      ("master:60", [.master(peerGroup: 60)], "master:60"),
      ("propagate_from:38", [.propagateFrom(peerGroup: 38)], "propagate_from:38"),
      ("unbindable", [.unbindable], "private,unbindable"),
      (
        "shared:61 master:60", [.shared(peerGroup: 61), .master(peerGroup: 60)],
        "shared:61,master:60"
      ),
      (
        "master:60 propagate_from:38", [.master(peerGroup: 60), .propagateFrom(peerGroup: 38)],
        "master:60,propagate_from:38"
      ),
      ("shared:7 unbindable", [.shared(peerGroup: 7), .unbindable], "shared:7,unbindable"),
      (
        "shared:1 master:2 propagate_from:3 unbindable",
        [.shared(peerGroup: 1), .master(peerGroup: 2), .propagateFrom(peerGroup: 3), .unbindable],
        "shared:1,master:2,propagate_from:3,unbindable"
      ),
      (
        "shared:123 extra:tag what:ever key:value",
        [
          .shared(peerGroup: 123), .other(tag: "extra", value: "tag"),
          .other(tag: "what", value: "ever"), .other(tag: "key", value: "value"),
        ],
        "shared:123"
      ),
      (
        "shared:177 master:8 foo:bar",
        [.shared(peerGroup: 177), .master(peerGroup: 8), .other(tag: "foo", value: "bar")],
        "shared:177,master:8"
      ),
      ("future", [.other(tag: "future", value: nil)], "private"),
      ("shared:x", [.other(tag: "shared", value: "x")], "private"),
      ("master:", [.other(tag: "master", value: "")], "private"),
      ("unbindable:1", [.other(tag: "unbindable", value: "1")], "private"),
      ("tag:a:b", [.other(tag: "tag", value: "a:b")], "private"),
      ("shared:4294967296", [.other(tag: "shared", value: "4294967296")], "private"),
    ])
  func optionalFields(raw: String, fields: [OptionalField], propagation: String) throws {
    let optional = raw.isEmpty ? "" : raw + " "
    let entry = try RawLine.parse("1 2 0:3 / /a rw \(optional)- tmpfs tmpfs rw")
      .decodedEntry(line: 1)

    #expect(entry.optionalFields == fields)
    let printed = raw.split(separator: " ").map(String.init)
    #expect(entry.optionalFields.map(\.description) == printed)
    #expect(entry.propagation.description == propagation)
    #expect(entry.filesystemType == "tmpfs")
    #expect(entry.source == "tmpfs")
  }

  @Test("an empty field left by a double space before the separator is no optional field")
  func doubleSpaceBeforeSeparator() throws {
    let entry = try RawLine.parse(
      "225 20 0:39 / /run/user/112 rw,nosuid,nodev,relatime  - tmpfs tmpfs rw,size=405096k"
    ).decodedEntry(line: 1)
    #expect(entry.optionalFields == [])
    #expect(entry.propagation.isPrivate)
    #expect(entry.mountOptions == ["rw", "nosuid", "nodev", "relatime"])
  }

  // MARK: Empty source (R20) and super options (R26)

  @Test("an empty source (two spaces after the type) is an empty field, not a shift")
  func emptySource() throws {
    let line = try RawLine.parse("120 84 0:59 / /tmp/bb rw,relatime shared:147 - tmpfs  rw,inode64")
    #expect(Array(line.filesystemType) == bytes("tmpfs"))
    #expect(line.source.isEmpty)
    #expect(Array(line.superOptions) == bytes("rw,inode64"))
  }

  @Test("empty super options after a trailing space are accepted")
  func emptySuperOptions() throws {
    let line = try RawLine.parse("1 2 0:3 / /a rw - tmpfs tmpfs ")
    #expect(Array(line.source) == bytes("tmpfs"))
    #expect(line.superOptions.isEmpty)
  }

  @Test("super options are the rest of the line, raw spaces and backslashes included")
  func superOptionsVerbatim() throws {
    let rest = #"rw,aname=drvfs;path=C:\Program Files\Docker  x\040y\134 \123 "#
    let entry = try RawLine.parse(#"180 22 0:45 / /d rw - 9p C:\134Program\040Files "# + rest)
      .decodedEntry(line: 1)
    #expect(entry.source == #"C:\Program Files"#)
    #expect(entry.superOptions == ByteString(rest))
  }

  @Test("per-mount options are split at commas and never decoded")
  func mountOptions() throws {
    let entry = try RawLine.parse(#"1 2 0:3 / /a ro,,nosuid,x\040y - tmpfs tmpfs rw"#)
      .decodedEntry(line: 1)
    #expect(entry.mountOptions == ["ro", "nosuid", #"x\040y"#])
    #expect(entry.isReadOnly)
  }

  // MARK: Escapes and bytes

  @Test("root, mount point, type and source decode \\040 \\011 \\012 \\134")
  func escapesDecoded() throws {
    let raw = #"/a\040b\011c\012d\134e"#
    let entry = try RawLine.parse("1 2 0:3 \(raw) \(raw) rw - fuse.x\\040y \(raw) \(raw)")
      .decodedEntry(line: 1)
    let decoded = ByteString(bytes("/a b\tc\nd\\e"))

    #expect(entry.root == decoded)
    #expect(entry.mountPoint == decoded)
    #expect(entry.filesystemType == "fuse.x y")
    #expect(entry.source == decoded)
    #expect(entry.superOptions == ByteString(raw))
  }

  @Test("a backslash not followed by three octal digits stays literal")
  func literalBackslashes() throws {
    let raw = #"/x\12/y\8000/z\x/w\\/v\400/u\1345/t\"#
    let entry = try RawLine.parse("1 2 0:3 / \(raw) rw - tmpfs tmpfs rw").decodedEntry(line: 1)
    #expect(entry.mountPoint == ByteString(#"/x\12/y\8000/z\x/w\\/v\400/u\5/t\"#))
  }

  @Test("non-UTF-8 bytes and control characters survive byte-exact")
  func rawBytes() throws {
    let path: [UInt8] = [
      0x2F, 0xFF, 0xFE, 0x80, 0x01, 0x1B, 0x5B, 0x33, 0x31, 0x6D, 0x7F, 0xE2, 0x80, 0xAE,
    ]
    let escaped = Array(#"/e\377\200\011\012"#.utf8)
    let line =
      bytes("1 2 0:3 ") + path + bytes(" ") + escaped + bytes(" rw - tmpfs ") + path
      + bytes(" rw,") + path
    let entry = try RawLine.parse(line).decodedEntry(line: 1)

    #expect(entry.root.bytes == path)
    #expect(entry.root.validUTF8 == nil)
    #expect(entry.mountPoint.bytes == [0x2F, 0x65, 0xFF, 0x80, 0x09, 0x0A])
    #expect(entry.source.bytes == path)
    #expect(entry.superOptions.bytes == bytes("rw,") + path)
  }

  @Test("a 70 KB mount point and a '//deleted' root are kept whole")
  func longPathsAndDeletedRoots() throws {
    let component = "d" + String(repeating: "x", count: 254)
    let mountPoint = "/mnt" + String(repeating: "/" + component, count: 280)
    let root = String(repeating: "/" + component, count: 200) + "//deleted"
    let entry = try RawLine.parse("170 22 0:90 \(root) \(mountPoint) rw - fuse.deepfs deepfs rw")
      .decodedEntry(line: 1)

    #expect(entry.mountPoint.bytes.count == 71_684)
    #expect(entry.mountPoint == ByteString(mountPoint))
    #expect(entry.root.bytes.count == 51_209)
    #expect(entry.root == ByteString(root))
    #expect(entry.filesystemType == "fuse.deepfs")
  }

  @Test("a '\\040(deleted)' suffix on a mount point is kept")
  func deletedSuffix() throws {
    let entry = try RawLine.parse(#"1 2 0:3 /f /mnt/f\040(deleted) rw - tmpfs tmpfs rw"#)
      .decodedEntry(line: 1)
    #expect(entry.mountPoint == "/mnt/f (deleted)")
  }
}
