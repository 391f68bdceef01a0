import Foundation
import Testing

/// `--source statmount` from the command line: the usage rules, the same reports as
/// `--source mountinfo` on a real runc container, the error without privileges, and the
/// slow-read note on a slave namespace of a large peer group.
@Suite("--source statmount")
struct StatmountSourceTests {
  @Test(
    "--source takes mountinfo or statmount, and statmount only for PIDs",
    arguments: [
      (
        ["tree", "fixtures/runc/default/container.mountinfo", "--source", "statmount"],
        "mountaudit: '--source statmount' reads running processes; "
          + "'fixtures/runc/default/container.mountinfo' is not a PID"
      ),
      (
        ["1", "--source", "procfs"],
        "mountaudit: invalid value 'procfs' for '--source': expected auto, mountinfo or statmount"
      ),
      (
        ["diff", "1", "-", "--source", "statmount"],
        "mountaudit: '--source statmount' reads running processes; 'stdin' is not a PID"
      ),
      (
        ["rules", "--source", "statmount"],
        "mountaudit: option '--source' does not apply to 'rules'"
      ),
    ])
  func usage(arguments: [String], message: String) throws {
    let run = try Binary.run(arguments)
    #expect(run.status == 64)
    #expect(run.stderr == message + "\nRun 'mountaudit --help' for usage.\n")
  }

  @Test("a file read with --source mountinfo is read as before")
  func mountinfoSourceOnAFile() throws {
    let path = "fixtures/runc/default/container.mountinfo"
    let plain = try Binary.run(["tree", path])
    let named = try Binary.run(["tree", path, "--source", "mountinfo"])
    #expect(named.status == 0)
    #expect(named.stdout == plain.stdout)
  }

  @Test(
    "a runc container gives the same tree, audit and snapshot with either source",
    .enabled(if: RuncLab.shouldRun))
  func runcContainer() throws {
    try RuncLab.withContainer("docker-sock") { pid, _ in
      for command in [["tree"], ["audit"]] {
        let arguments = command + [String(pid), "--format", "json"]
        let mountinfo = try Binary.run(arguments + ["--source", "mountinfo"])
        for source in ["statmount", "auto"] {
          let other = try Binary.run(arguments + ["--source", source])
          #expect(other.stderr == "")
          #expect(other.status == mountinfo.status)
          #expect(other.text == mountinfo.text, "\(command) --source \(source)")
        }
      }
      // The statmount table printed as mountinfo is the kernel's mountinfo, byte for byte.
      // The default snapshot keeps the kernel's bytes: it reads mountinfo.
      let printed = try Binary.run(["snapshot", String(pid), "--source", "statmount"])
      let kernel = try Binary.run(["snapshot", String(pid)])
      let file = try String(contentsOfFile: "/proc/\(pid)/mountinfo", encoding: .utf8)
      let kernelLines = try #require(
        (try kernel.json()["target"] as? [String: Any])?["mountinfo"] as? [String])
      #expect(kernelLines.joined(separator: "\n") + "\n" == file)
      #expect(printed.status == 0)
      let printedTarget = try #require(try printed.json()["target"] as? [String: Any])
      let kernelTarget = try #require(try kernel.json()["target"] as? [String: Any])
      let lines = try #require(kernelTarget["mountinfo"] as? [String])
      #expect(lines.count > 20)
      #expect(printedTarget["mountinfo"] as? [String] == lines)
    }
  }

  @Test(
    "as nobody, the default source reads exactly as --source mountinfo does, without a note",
    .enabled(if: RuncLab.shouldRun))
  func defaultWithoutPrivileges() throws {
    // The test process itself: a table nobody may read, in a namespace statmount refuses
    // to nobody.
    let pid = String(getpid())
    let automatic = try Binary.runAsNobody(["tree", pid, "--format", "json"])
    let mountinfo = try Binary.runAsNobody(
      ["tree", pid, "--format", "json", "--source", "mountinfo"])
    #expect(automatic.status == 0, "\(automatic.stderr)")
    #expect(automatic.stdout == mountinfo.stdout)
    #expect(automatic.stderr.isEmpty)
  }

  @Test(
    "as nobody, --source statmount on a root container stops with what it needs",
    .enabled(if: RuncLab.shouldRun))
  func withoutPrivileges() throws {
    try RuncLab.withContainer("default") { pid, _ in
      let run = try Binary.runAsNobody(["tree", String(pid), "--source", "statmount"])
      #expect(run.status == 2)
      #expect(
        run.stderr
          == "mountaudit: cannot read the mounts of PID \(pid) with NS_GET_MNTNS_ID of "
          + "'/proc/\(pid)/ns/mnt': Permission denied (--source statmount needs "
          + "CAP_SYS_ADMIN over its mount namespace (root))\n")
    }
  }

  @Test(
    "a slave of a 15,000-mount peer group reads slowly from mountinfo, not from statmount",
    .enabled(if: SlowNamespaceLab.shouldRun))
  func slowRead() throws {
    try SlowNamespaceLab.withSlowNamespace(peers: 15_000) { slave, host in
      // Against the stand-in host, where every mount of the slave has 15,001 host paths:
      // judged once per filesystem and root they take seconds (each rule walking them for
      // each mount took hours, so the --timeout fails such a regression).
      let arguments =
        [String(slave), "--host-pid", String(host), "--format", "json"]
        + ["--timeout", "120"]
      let slow = try Binary.run(arguments + ["--source", "mountinfo"])
      let fast = try Binary.run(arguments + ["--source", "statmount"])
      let slowNotes = try SlowNamespaceLab.notes(slow)
      let fastNotes = try SlowNamespaceLab.notes(fast)
      let note = try #require(slowNotes.first { $0.contains(" took ") }, "\(slowNotes)")
      #expect(note.hasPrefix("reading /proc/\(slave)/mountinfo took "))
      #expect(
        note.hasSuffix(
          " s (the kernel lists a slave of a large peer group slowly), and --source "
            + "statmount may read it faster as root; --timeout bounds a run"))
      #expect(!fastNotes.contains { $0.contains(" took ") }, "\(fastNotes)")
      // As root, the default reads with statmount: no slow read either.
      let automaticNotes = try SlowNamespaceLab.notes(try Binary.run(arguments))
      #expect(!automaticNotes.contains { $0.contains(" took ") }, "\(automaticNotes)")
      let slowReport = try slow.json()
      let fastReport = try fast.json()
      var differing: [String] = []
      for key in Set(slowReport.keys).union(fastReport.keys) where key != "host" {
        let left = SlowNamespaceLab.canonical(slowReport[key])
        if left != SlowNamespaceLab.canonical(fastReport[key]) { differing.append(key) }
      }
      #expect(differing.isEmpty, "differing keys: \(differing.sorted())")
    }
  }
}

/// `scripts/lab/slow-namespace.sh`: a stand-in host with a large peer group and a slave
/// namespace of it, always stopped.
enum SlowNamespaceLab {
  static var shouldRun: Bool {
    let tools = ["/usr/bin/unshare", "/usr/bin/nsenter", "/usr/bin/python3"]
    let available =
      geteuid() == 0 && tools.allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
    return available || RuncLab.isRequired
  }

  static func withSlowNamespace(
    peers: Int, _ body: (_ slave: Int32, _ host: Int32) throws -> Void
  ) throws {
    let script = Binary.repositoryRoot.appendingPathComponent("scripts/lab/slow-namespace.sh")
    let workdir = FileManager.default.temporaryDirectory
      .appendingPathComponent("mountaudit-slow-\(UUID().uuidString.prefix(8))").path
    defer {
      _ = try? run(script, ["stop", workdir])
      try? FileManager.default.removeItem(atPath: workdir)
    }
    let fields = try run(script, ["start", workdir, String(peers)])
      .split(whereSeparator: \.isWhitespace).compactMap { Int32($0) }
    try #require(fields.count == 2)
    try body(fields[0], fields[1])
  }

  /// A JSON value as sorted-key text, to compare two reports' parts.
  static func canonical(_ value: Any?) -> String {
    guard let value,
      let data = try? JSONSerialization.data(
        withJSONObject: [value], options: [.sortedKeys, .fragmentsAllowed])
    else { return "nil" }
    return String(decoding: data, as: UTF8.self)
  }

  /// The host notes of a JSON audit report.
  static func notes(_ run: Binary.Run) throws -> [String] {
    let host = try #require(try run.json()["host"] as? [String: Any])
    return try #require(host["notes"] as? [String])
  }

  private static func run(_ script: URL, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = script
    process.arguments = arguments
    let stdout = Pipe()
    process.standardOutput = stdout
    process.standardError = FileHandle.standardError
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "slow-namespace.sh \(arguments)")
    return String(decoding: data, as: UTF8.self)
  }
}
