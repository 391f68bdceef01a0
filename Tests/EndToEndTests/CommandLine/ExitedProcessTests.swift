import Foundation
import Testing

/// A process that has exited but whose PID still exists (a zombie nobody reaps): its
/// `/proc` entries are gone, and every command must say so rather than report on nothing.
@Suite("Exited processes")
struct ExitedProcessTests {
  /// Runs `body` with the PID of a zombie: a child of a shell that then becomes `sleep`,
  /// which never reaps it.
  private func withZombie(_ body: (Int32) throws -> Void) throws {
    let parent = Process()
    parent.executableURL = URL(fileURLWithPath: "/bin/sh")
    parent.arguments = ["-c", "sleep 0.05 & echo $!; exec sleep 30"]
    let output = Pipe()
    parent.standardOutput = output
    try parent.run()
    defer {
      // SIGKILL: the test runner's children may inherit an ignored SIGTERM.
      kill(parent.processIdentifier, SIGKILL)
      parent.waitUntilExit()
    }
    var text = ""
    while !text.contains("\n") {
      let data = output.fileHandleForReading.availableData
      if data.isEmpty { break }
      text += String(decoding: data, as: UTF8.self)
    }
    let pid = try #require(Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)))
    for _ in 0..<100 {
      let data = FileHandle(forReadingAtPath: "/proc/\(pid)/stat")?.readDataToEndOfFile()
      let status = String(decoding: data ?? Data(), as: UTF8.self)
      if status.contains(") Z ") { break }
      usleep(20_000)
    }
    try body(pid)
  }

  @Test(
    "audit, tree, diff and snapshot of an exited process exit 2 saying it exited",
    arguments: [
      ["PID"], ["tree", "PID"], ["diff", "PID", "fixtures/diff/runc-restart/first.mountinfo"],
      ["snapshot", "PID"], ["fixtures/diff/runc-restart/first.mountinfo", "--host-pid", "PID"],
    ])
  func exitedProcess(arguments: [String]) throws {
    try withZombie { pid in
      let run = try Binary.run(arguments.map { $0 == "PID" ? String(pid) : $0 })
      #expect(run.status == 2)
      #expect(run.stderr == "mountaudit: process exited during audit: PID \(pid)\n")
      #expect(run.stdout.isEmpty)
    }
  }
}
