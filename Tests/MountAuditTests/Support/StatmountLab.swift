import Foundation
import Testing

@testable import MountAudit

/// Live namespaces for the statmount source's tests: a stand-in systemd-like host
/// (`scripts/lab/systemd-like-host.sh`), processes in copies of its namespace, and a
/// field-by-field comparison of two tables.
enum StatmountLab {
  /// Why the tests cannot run here, or `nil` when they can.
  static let unavailableReason: String? = {
    if geteuid() != 0 { return "not running as root" }
    for tool in ["/usr/bin/unshare", "/usr/bin/nsenter", "/bin/busybox"]
    where !FileManager.default.isExecutableFile(atPath: tool) {
      return "\(tool) is missing"
    }
    do {
      _ = try MountTableReader(source: .statmount).read(.process(pid: getpid()))
    } catch {
      return "statmount does not work here: \(error)"
    }
    return nil
  }()

  /// Whether to run: when the lab works, or when `MOUNTAUDIT_REQUIRE_INTEGRATION=1`.
  static var shouldRun: Bool {
    unavailableReason == nil
      || ProcessInfo.processInfo.environment["MOUNTAUDIT_REQUIRE_INTEGRATION"] == "1"
  }

  /// Fails the test when the lab is required but cannot run.
  static func requireAvailable() throws {
    if let reason = unavailableReason {
      Issue.record("statmount tests are required but cannot run: \(reason)")
      throw CancellationError()
    }
  }

  /// The table of `pid` read with each source.
  static func bothSources(_ pid: Int32) throws -> (mountinfo: MountTable, statmount: MountTable) {
    let mountinfo = try MountTableReader().read(.process(pid: pid))
    let statmount = try MountTableReader(source: .statmount).read(.process(pid: pid))
    return (mountinfo, statmount)
  }

  /// Every field in which two tables differ, as `line N field: a | b`; empty when equal.
  static func differences(_ left: MountTable, _ right: MountTable) -> [String] {
    var found: [String] = []
    if left.entries.count != right.entries.count {
      found.append("entry count: \(left.entries.count) | \(right.entries.count)")
    }
    for (a, b) in zip(left.entries, right.entries) {
      func check<Value: Equatable>(_ name: String, _ value: (MountEntry) -> Value) {
        if value(a) != value(b) {
          found.append("line \(a.line) \(name): \(value(a)) | \(value(b))")
        }
      }
      check("line", \.line)
      check("id", \.id)
      check("parentID", \.parentID)
      check("device", \.device)
      check("root", \.root)
      check("mountPoint", \.mountPoint)
      check("mountOptions", \.mountOptions)
      check("optionalFields", \.optionalFields)
      check("filesystemType", \.filesystemType)
      check("source", \.source)
      check("superOptions", \.superOptions)
    }
    return found
  }

  /// Starts a stand-in host, runs `body` with its PID and work directory, and stops it.
  static func withStandInHost<Result>(
    _ body: (_ pid: Int32, _ workdir: String) throws -> Result
  ) throws -> Result {
    let workdir = FileManager.default.temporaryDirectory
      .appendingPathComponent("mountaudit-statmount-\(UUID().uuidString.prefix(8))")
      .resolvingSymlinksInPath().path
    let scripts = Fixtures.root.deletingLastPathComponent()
      .appendingPathComponent("scripts/lab").path
    defer {
      _ = try? run(scripts + "/systemd-like-host.sh", ["stop", workdir])
      try? FileManager.default.removeItem(atPath: workdir)
    }
    // The stand-in must not keep this process's pipes open (closeInherited), or reading
    // the script's output would wait for the stand-in to end.
    let output = try run(
      "/bin/bash",
      [
        "-c", "source \"$1\" && close_inherited_fds && exec \"$2\" start \"$3\"", "lab",
        scripts + "/close-inherited-fds.sh", scripts + "/systemd-like-host.sh", workdir,
      ])
    let pid = try #require(Int32(output.trimmingCharacters(in: .whitespacesAndNewlines)))
    return try body(pid, workdir)
  }

  /// Runs a shell script in the mount namespace of `pid`.
  static func inNamespace(of pid: Int32, _ script: String) throws {
    _ = try run("/usr/bin/nsenter", ["-t", String(pid), "-m", "--", "/bin/sh", "-c", script])
  }

  /// Starts a process in a copy of `pid`'s namespace (propagation unchanged) that runs
  /// `command` there and then sleeps (or whatever `command` execs, named `program`), runs
  /// `body` with its PID, and kills it.
  static func withProcess<Result>(
    inCopyOf pid: Int32, running command: String, program: String = "sleep",
    _ body: (Int32) throws -> Result
  ) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/nsenter")
    let script = program == "sleep" ? "\(command) && exec sleep 60" : command
    process.arguments = [
      "-t", String(pid), "-m", "--", "/usr/bin/unshare", "--mount", "--propagation",
      "unchanged", "/bin/sh", "-c", script,
    ]
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.standardError
    try process.run()
    let child = process.processIdentifier
    defer {
      kill(child, SIGKILL)
      process.waitUntilExit()
    }
    // nsenter and unshare exec, so the PID is the shell's, then `program`'s.
    for _ in 0..<500 {
      let comm = try? String(contentsOfFile: "/proc/\(child)/comm", encoding: .utf8)
      if comm?.trimmingCharacters(in: .whitespacesAndNewlines) == program { break }
      usleep(10_000)
    }
    return try body(child)
  }

  /// Runs a program and returns its stdout; a failure is thrown with its status.
  @discardableResult
  static func run(_ path: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let stdout = Pipe()
    let stderr = FileManager.default.temporaryDirectory
      .appendingPathComponent("mountaudit-lab-stderr-\(UUID().uuidString.prefix(8))")
    FileManager.default.createFile(atPath: stderr.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: stderr) }
    process.standardOutput = stdout
    process.standardError = try FileHandle(forWritingTo: stderr)
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      let message = (try? String(contentsOf: stderr, encoding: .utf8)) ?? ""
      throw LabError(
        description: "\(path) \(arguments.joined(separator: " ")) exited "
          + "\(process.terminationStatus): \(message)")
    }
    return String(decoding: data, as: UTF8.self)
  }

  struct LabError: Error, CustomStringConvertible {
    var description: String
  }
}
