import Foundation
import Testing

/// An ordinary user auditing a root container: the table is readable, the namespace links
/// are not. What can be audited is audited, and the report names what was skipped and why.
@Suite("Unprivileged audits", .enabled(if: RuncLab.shouldRun))
struct UnprivilegedAuditTests {
  @Test("as nobody, a root container is audited with the namespace checks named as skipped")
  func auditAsNobody() throws {
    try RuncLab.withContainer("docker-sock") { pid, _ in
      let run = try Binary.runAsNobody([String(pid), "--format", "json"])

      #expect(run.status == 1, "the socket is still found")
      let report = try run.json()
      let findings = try #require(report["findings"] as? [[String: Any]])
      #expect(findings.contains { $0["rule"] as? String == "host.runtime-socket" })
      let skipped = try #require(report["skipped"] as? [[String: Any]])
      #expect(skipped.map { $0["rule"] as? String } == ["namespace.host"])
      let host = try #require(report["host"] as? [String: Any])
      let notes = try #require(host["notes"] as? [String])
      #expect(
        notes.first
          == "the mount namespace of PID \(pid) is unreadable (Permission denied); "
          + "namespace.host was not checked")
    }
  }

  @Test("with /proc/1 hidden, the host reference falls back to mountaudit's own, and says so")
  func hiddenProcessOne() throws {
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("mountaudit-hidepid-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(
      at: scratch, withIntermediateDirectories: true,
      attributes: [.posixPermissions: 0o755])
    defer { try? FileManager.default.removeItem(at: scratch) }
    let binary = scratch.appendingPathComponent("mountaudit")
    try FileManager.default.copyItem(at: Binary.url, to: binary)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: binary.path)

    // A private mount namespace with a procfs that hides other users' processes; nobody
    // then audits itself.
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
    process.arguments = [
      "--mount", "--propagation", "private", "sh", "-c",
      "mount -t proc -o hidepid=invisible proc /proc && exec setpriv --reuid=65534 "
        + "--regid=65534 --clear-groups sh -c 'exec \"$0\" $$ --format json' \"$0\"",
      binary.path,
    ]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()

    #expect(process.terminationStatus == 1)
    let report = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    let host = try #require(report["host"] as? [String: Any])
    let notes = try #require(host["notes"] as? [String])
    #expect(
      notes.first
        == "/proc/1/mountinfo is unreadable; the host table is mountaudit's own "
        + "(/proc/self/mountinfo)")
    let findings = try #require(report["findings"] as? [[String: Any]])
    #expect(findings.contains { $0["rule"] as? String == "namespace.host" })
  }
}
