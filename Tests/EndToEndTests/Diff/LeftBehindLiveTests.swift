import Foundation
import Testing

/// A real runc container with an `rshared` volume on a stand-in systemd-like host mounts a
/// tmpfs in the volume, is snapshotted and stopped: the diff of the host's tables traced
/// through the snapshot names the tmpfs as left behind (`scripts/lab/left-behind.sh`).
@Suite("Left behind, live", .enabled(if: RuncLab.shouldRun))
struct LeftBehindLiveTests {
  @Test("the tmpfs a stopped container made in its rshared volume is left behind on the host")
  func leftBehind() throws {
    let workdir = FileManager.default.temporaryDirectory
      .appendingPathComponent("mountaudit-left-\(UUID().uuidString.prefix(8))").path
    defer { try? FileManager.default.removeItem(atPath: workdir) }
    let process = Process()
    process.executableURL = Binary.repositoryRoot.appendingPathComponent(
      "scripts/lab/left-behind.sh")
    process.arguments = [Binary.url.path, workdir]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.standardError
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0)

    let report = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    let left = try #require(report["leftBehind"] as? [[String: Any]])
    #expect(left.count == 1)
    let mountPoint = try #require(left.first?["mountPoint"] as? String)
    #expect(mountPoint.hasSuffix("/host/data/sub"))
    let note = try #require(left.first?["note"] as? String)
    #expect(note.hasPrefix("left behind: came by propagation with the container's '/data/sub'"))
    #expect(note.hasSuffix("exited"))
  }
}
