import Foundation
import Testing

/// `--timeout` ends a run that waits on an input that never ends.
@Suite("Timeouts")
struct TimeoutTests {
  @Test("a read that never ends is cut at --timeout with exit status 2 and one line")
  func endlessInput() throws {
    let process = Process()
    process.executableURL = Binary.url
    process.arguments = ["tree", "-", "--timeout", "1"]
    let input = Pipe()
    let errors = Pipe()
    process.standardInput = input
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errors
    let start = Date()
    try process.run()
    defer { try? input.fileHandleForWriting.close() }
    process.waitUntilExit()
    let elapsed = Date().timeIntervalSince(start)
    let message = String(
      decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(process.terminationStatus == 2)
    #expect(message == "mountaudit: timed out after 1 s (--timeout)\n")
    #expect(elapsed < 10)
  }

  @Test("--timeout takes whole seconds from 1 to 86400")
  func badValues() throws {
    for value in ["0", "1.5", "x", "86401"] {
      let run = try Binary.run(["tree", "x", "--timeout", value])
      #expect(run.status == 64)
      #expect(
        run.stderr.hasPrefix(
          "mountaudit: invalid value '\(value)' for '--timeout': expected whole seconds, "))
    }
  }
}
