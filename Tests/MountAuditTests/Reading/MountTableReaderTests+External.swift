import Testing

@testable import MountAudit

/// Test data of other mountinfo parsers (moby/sys, prometheus/procfs, util-linux), read by
/// mountaudit. Where those parsers disagree with the kernel's output, the kernel wins: see
/// the READMEs under `fixtures/external/`.
extension MountTableReaderTests {
  // MARK: moby/sys

  static let mobyInvalidLines: [(file: String, problem: LineProblem)] = [
    ("02-invalid-not-enough-fields-1", .missingSeparator),
    ("03-invalid-not-enough-fields-2", .tooFewFieldsAfterSeparator(count: 2)),
    ("04-invalid-no-separator-1", .missingSeparator),
    ("05-invalid-not-enough-post-separator-fields", .tooFewFieldsAfterSeparator(count: 2)),
  ]

  @Test("moby's invalid lines are refused with the exact problem", arguments: mobyInvalidLines)
  func mobyInvalid(file: String, problem: LineProblem) {
    let path = "external/moby-sys/extra-cases/\(file).mountinfo"
    let expected = AuditError.notMountinfo(
      input: "fixtures/" + path, first: ParseProblem(line: 1, problem: problem))
    #expect(throws: expected) { try Fixtures.table(path) }
  }

  /// The fields moby checks, plus the super options, which moby cuts at a raw space and the
  /// kernel does not.
  static let mobyValidLines:
    [(file: String, source: ByteString, optional: [OptionalField], superOptions: ByteString)] = [
      ("01-valid-perfectly-normal", "none", [], "rw"),
      ("06-valid-extra-fields-at-the-end", "none", [], "rw,unc=buggy but we cope"),
      ("07-valid-one-optional-field", "none", [.shared(peerGroup: 123)], "rw"),
      (
        "08-valid-extra-optional-fields", "none",
        [
          .shared(peerGroup: 123), .other(tag: "extra", value: "tag"),
          .other(tag: "what", value: "ever"), .other(tag: "key", value: "value"),
        ],
        "rw"
      ),
    ]

  @Test("moby's valid lines read with every field", arguments: mobyValidLines)
  func mobyValid(
    file: String, source: ByteString, optional: [OptionalField], superOptions: ByteString
  ) throws {
    let table = try Fixtures.table("external/moby-sys/extra-cases/\(file).mountinfo")
    #expect(table.problems == [])
    #expect(
      table.entries == [
        MountEntry(
          line: 1, id: 251, parentID: 15, device: DeviceNumber(major: 0, minor: 3573), root: "/",
          mountPoint: "/mnt/point", mountOptions: ["rw", "relatime"], optionalFields: optional,
          filesystemType: "aufs", source: source, superOptions: superOptions)
      ])
  }

  @Test("moby's empty-source line (kernels before 5.1) reads with an empty source")
  func mobyEmptySource() throws {
    let table = try Fixtures.table(
      "external/moby-sys/extra-cases/09-valid-empty-source-field-kernel-5-1-bug.mountinfo")
    #expect(
      table.entries == [
        MountEntry(
          line: 1, id: 279, parentID: 23, device: DeviceNumber(major: 0, minor: 108), root: "/",
          mountPoint: "/tmp/bb", mountOptions: ["rw", "relatime"], optionalFields: [],
          filesystemType: "tmpfs", source: "", superOptions: "rw")
      ])
  }

  @Test(
    "moby's whole tables read completely",
    arguments: [("gentoo", 222, 15, "/"), ("ubuntu", 130, 15, "/sys")])
  func mobyTables(name: String, count: Int, firstID: UInt32, firstMountPoint: ByteString) throws {
    let table = try Fixtures.table("external/moby-sys/\(name).mountinfo")
    #expect(table.problems == [])
    #expect(table.entries.count == count)
    #expect(table.entries.first?.id == firstID)
    #expect(table.entries.first?.mountPoint == firstMountPoint)
  }

  @Test("moby's fedora table: its foreign cifs line repeats mount ID 31 and is left out")
  func mobyFedora() throws {
    let table = try Fixtures.table("external/moby-sys/fedora.mountinfo")
    #expect(table.problems == [ParseProblem(line: 58, problem: .repeatedID(id: 31, firstLine: 17))])
    #expect(table.entries.count == 57)
    #expect(table.entries.first?.id == 15)
    #expect(table.entries.first?.mountPoint == "/proc")
  }

  @Test("moby's cifs line, read alone, keeps its escaped source and super options whole")
  func mobyFedoraLastLine() throws {
    let lines = try String(
      decoding: Fixtures.bytes("external/moby-sys/fedora.mountinfo"), as: UTF8.self
    ).split(separator: "\n")
    let table = try Tables.table(String(try #require(lines.last)))
    let last = try #require(table.entries.last)
    #expect(last.id == 31)
    #expect(last.parentID == 21)
    #expect(last.source == "//foo/BLA BLA BLA/")
    #expect(
      last.superOptions.bytes.starts(
        with: Array(#"rw,sec=ntlm,cache=loose,unc=\\foo\BLA BLA BLA,"#.utf8)))
    #expect(last.superOptions.bytes.last == UInt8(ascii: "1"))
  }

  @Test("moby's escape table decodes spaces, tabs, newlines and backslashes")
  func mobyWithSpaces() throws {
    let table = try Fixtures.table("external/moby-sys/with-spaces.mountinfo")
    try #require(table.entries.count == 3)
    let strange = ByteString("/tmp/newline\ntab\tspace backslash\\quote1'quote2\"")

    #expect(table.entries[0].mountPoint == "/mnt/foo bar")
    #expect(table.entries[0].optionalFields == [.shared(peerGroup: 243)])
    #expect(table.entries[1].source == "//foo/BLA BLA BLA/")
    #expect(table.entries[1].optionalFields == [])
    #expect(
      table.entries[1].superOptions.bytes.starts(
        with: Array(#"rw,sec=ntlm,cache=loose,unc=\\foo\BLA BLA BLA,username=my_login"#.utf8)))
    #expect(table.entries[2].root == strange)
    #expect(table.entries[2].mountPoint == strange)
    #expect(table.entries[2].source == "/dev/nvme0n1p5")
    #expect(table.entries[2].superOptions == "rw,seclabel")
  }

  // MARK: prometheus/procfs

  static let procfsValidLines: [(file: String, entry: MountEntry)] = [
    (
      "01-valid-regular-sysfs-mounted-at-sys",
      MountEntry(
        line: 1, id: 16, parentID: 21, device: DeviceNumber(major: 0, minor: 16), root: "/",
        mountPoint: "/sys", mountOptions: ["rw", "nosuid", "nodev", "noexec", "relatime"],
        optionalFields: [.shared(peerGroup: 7)], filesystemType: "sysfs", source: "sysfs",
        superOptions: "rw")
    ),
    ("03-valid-tmpfs-mounted-at-run", run(optional: [.shared(peerGroup: 177)])),
    ("04-valid-tmpfs-mounted-at-run-but-no-optional-values", run(optional: [])),
    (
      "05-valid-tmpfs-mounted-at-run-with-multiple-optional-values",
      run(optional: [.shared(peerGroup: 177), .master(peerGroup: 8)])
    ),
    (
      "06-valid-tmpfs-mounted-at-run-with-a-mixture-of-valid-and-invalid-optional-values",
      run(optional: [
        .shared(peerGroup: 177), .master(peerGroup: 8), .other(tag: "foo", value: "bar"),
      ])
    ),
    (
      "07-valid-cifs-mounted-at-with-a-hyphen",
      MountEntry(
        line: 1, id: 454, parentID: 29, device: DeviceNumber(major: 0, minor: 87), root: "/",
        mountPoint: "/with/a-hyphen", mountOptions: ["rw", "relatime"],
        optionalFields: [.shared(peerGroup: 255)], filesystemType: "cifs",
        source: "//remote-storage/Path",
        superOptions: ByteString(
          "rw,vers=3.1.1,cache=strict,username=user,uid=1000,forceuid,gid=0,noforcegid,"
            + "addr=127.0.0.1,file_mode=0755,dir_mode=0755,soft,nounix,serverino,mapposix,"
            + "echo_interval=60,actimeo=1"))
    ),
    (
      "08-valid-docker-overlay-with-10-fields-no-optional-fields",
      MountEntry(
        line: 1, id: 137, parentID: 45, device: DeviceNumber(major: 253, minor: 2),
        root: "/lib/docker/overlay2", mountPoint: "/var/lib/docker/overlay2",
        mountOptions: ["rw", "relatime"], optionalFields: [], filesystemType: "ext4",
        source: "/dev/mapper/vg0-lv_var", superOptions: "rw,data=ordered")
    ),
    (
      "09-valid-bind-chroot-bind-mount-with-10-fields-no-optional-fields",
      MountEntry(
        line: 1, id: 157, parentID: 47, device: DeviceNumber(major: 253, minor: 2),
        root: "/etc/named", mountPoint: "/var/named/chroot/etc/named",
        mountOptions: ["rw", "relatime"], optionalFields: [], filesystemType: "ext4",
        source: "/dev/mapper/vg0-lv_root", superOptions: "rw,data=ordered")
    ),
  ]

  private static func run(optional: [OptionalField]) -> MountEntry {
    MountEntry(
      line: 1, id: 225, parentID: 20, device: DeviceNumber(major: 0, minor: 39), root: "/",
      mountPoint: "/run/user/112", mountOptions: ["rw", "nosuid", "nodev", "relatime"],
      optionalFields: optional, filesystemType: "tmpfs", source: "tmpfs",
      superOptions: "rw,size=405096k,mode=700,uid=112,gid=116")
  }

  @Test("procfs's valid lines read with every field", arguments: procfsValidLines)
  func procfsValid(file: String, entry: MountEntry) throws {
    let table = try Fixtures.table("external/procfs/line-cases/\(file).mountinfo")
    #expect(table.problems == [])
    #expect(table.entries == [entry])
  }

  @Test("procfs's 'hello' line is refused as too short")
  func procfsInvalid() {
    let path = "external/procfs/line-cases/02-invalid-not-enough-information.mountinfo"
    let first = ParseProblem(line: 1, problem: .tooFewFields(count: 1))
    #expect(throws: AuditError.notMountinfo(input: "fixtures/" + path, first: first)) {
      try Fixtures.table(path)
    }
  }

  /// Line 1 has two spaces after its root: procfs reads an empty mount point, libmount
  /// collapses the spaces; the kernel never prints it, so it is reported.
  @Test("procfs's table reads 7 mounts and reports the line with an empty mount point")
  func procfsTable() throws {
    let table = try Fixtures.table("external/procfs/proc-26231.mountinfo")
    #expect(table.problems == [ParseProblem(line: 1, problem: .emptyField(field: "mount point"))])
    #expect(table.entries.map(\.id) == [16, 17, 21, 194, 177, 1398, 1128])
    #expect(table.entries.map(\.line) == [2, 3, 4, 5, 6, 7, 8])
    #expect(table.entries[2].parentID == 0)
    #expect(table.entries[6].root == "/var/lib/containers/storage/overlay")
    #expect(table.entries[6].optionalFields == [])
  }

  // MARK: util-linux

  /// The entries util-linux's own test expects libmount to parse (`test_mount_tab --parse`).
  @Test(
    "util-linux's parse expectations hold for its mountinfo files",
    arguments: [
      ("libmount/mountinfo.mountinfo", "expected/tabfiles-parse-mountinfo"),
      ("libmount/mountinfo_nosrc.mountinfo", "expected/tabfiles-parse-mountinfo-nosrc"),
    ])
  func utilLinuxParse(input: String, expected: String) throws {
    let table = try Fixtures.table("external/util-linux/" + input)
    let dump = try UtilLinuxDump.parse(Fixtures.bytes("external/util-linux/" + expected))

    #expect(table.problems == [])
    try #require(table.entries.count == dump.count)
    for (entry, fields) in zip(table.entries, dump) {
      #expect(fields["id"] == String(entry.id))
      #expect(fields["parent"] == String(entry.parentID))
      #expect(fields["devno"] == entry.device.description)
      #expect(fields["root"] == entry.root.validUTF8)
      #expect(fields["target"] == entry.mountPoint.validUTF8)
      #expect(fields["source"] == entry.source.validUTF8)
      #expect(fields["fstype"] == entry.filesystemType)
      #expect(fields["VFS-optstr"] == entry.mountOptions.joined(separator: ","))
      #expect(fields["FS-opstr"] == entry.superOptions.validUTF8)
      let optional = entry.optionalFields.map(\.description).joined(separator: " ")
      #expect(fields["optional-fields"] == (optional.isEmpty ? nil : "'\(optional)'"))
    }
  }
}

/// Reads util-linux's `test_mount_tab --parse` output: blocks that start with `------ fs:`,
/// then `key: value` lines.
enum UtilLinuxDump {
  static func parse(_ bytes: [UInt8]) -> [[String: String]] {
    var blocks: [[String: String]] = []
    for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
      if line == "------ fs:" {
        blocks.append([:])
        continue
      }
      guard let colon = line.firstIndex(of: ":"), !blocks.isEmpty else { continue }
      let value = line[line.index(after: colon)...].drop { $0 == " " }
      blocks[blocks.count - 1][String(line[..<colon])] = String(value)
    }
    return blocks
  }
}
