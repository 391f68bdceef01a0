import Foundation
import Testing

@testable import MountAudit

@Suite("Snapshot")
struct SnapshotTests {
  static let summary = SnapshotSummary(
    pid: 4242, takenAt: "2026-12-04T06:30:00Z", kernelRelease: "6.18.0", toolVersion: "0.1.0")

  /// A snapshot made of fixture tables, as a capture would hold them.
  static func snapshot(target: String, host: String?) throws -> Snapshot {
    Snapshot(
      summary: summary, targetText: try Fixtures.bytes(target),
      targetNamespace: NamespaceIdentity(name: "mnt:[4026532243]"),
      targetNetworkNamespace: NamespaceIdentity(name: "net:[4026532245]"),
      host: HostReference(
        origin: .process(pid: 1), namespace: NamespaceIdentity(name: "mnt:[4026531832]"),
        namespacePath: "/proc/self/ns/mnt", networkNamespace: nil, networkNamespacePath: nil,
        notes: ["/proc/1/ns/mnt is unreadable (Permission denied)"]),
      hostText: try host.map(Fixtures.bytes), probedPaths: ["/proc/acpi", "/proc/kcore"],
      existingPaths: ["/proc/acpi"])
  }

  static func roundTrip(_ snapshot: Snapshot) throws -> Snapshot {
    try Snapshot(decoding: snapshot.document.serialized(), path: "test.json")
  }

  @Test(
    "a snapshot survives JSON byte for byte, odd bytes included",
    arguments: [
      "field-cases/R22/input.mountinfo", "field-cases/R25/input.mountinfo",
      "field-cases/R26/input.mountinfo", "runtimes/runc-odd-paths/container.mountinfo",
    ])
  func roundTripKeepsEveryByte(path: String) throws {
    let original = try Self.snapshot(target: path, host: "runtimes/runc-default/host.mountinfo")
    let decoded = try Self.roundTrip(original)
    #expect(decoded.targetText == original.targetText)
    #expect(decoded.hostText == original.hostText)
    #expect(decoded.summary == original.summary)
    #expect(decoded.targetNamespace == original.targetNamespace)
    #expect(decoded.targetNetworkNamespace == original.targetNetworkNamespace)
    #expect(decoded.host.namespace == original.host.namespace)
    #expect(decoded.host.networkNamespace == nil)
    #expect(decoded.host.notes == original.host.notes)
    #expect(decoded.probedPaths == original.probedPaths)
    #expect(decoded.existingPaths == original.existingPaths)
  }

  @Test("an audit of a decoded snapshot gives the findings of the inputs it holds")
  func auditOfSnapshotMatches() throws {
    let original = try Self.snapshot(
      target: "runtimes/runc-docker-sock/container.mountinfo",
      host: "runtimes/runc-docker-sock/host.mountinfo")
    let reader = MountTableReader()
    let origin = TableOrigin.file(path: "snap.json")
    let auditor = Auditor()
    let before = auditor.evaluate(
      try original.auditInputs(reader: reader, origin: origin), profile: .standard)
    let after = auditor.evaluate(
      try Self.roundTrip(original).auditInputs(reader: reader, origin: origin),
      profile: .standard)
    #expect(before.findings == after.findings)
    #expect(after.findings.contains { $0.rule == "host.runtime-socket" })
    #expect(after.snapshot == Self.summary)
  }

  @Test("a line holding a newline, or a namespace that is not a string, is refused")
  func strictFields() throws {
    var document = try #require(
      try JSONSerialization.jsonObject(
        with: Data(
          Self.snapshot(target: "runtimes/runc-default/container.mountinfo", host: nil).document
            .serialized())) as? [String: Any])
    var target = try #require(document["target"] as? [String: Any])
    target["mountinfo"] = ["22 1 8:1 / / rw - ext4 a rw\n23 22 0:5 / /proc rw - proc proc rw"]
    document["target"] = target
    #expect(
      throws: AuditError.invalidSnapshot(
        path: "s.json", reason: "'target.mountinfo[0]' is not one line")
    ) {
      try Snapshot(
        decoding: Array(try JSONSerialization.data(withJSONObject: document)), path: "s.json")
    }
    target["mountinfo"] = ["22 1 8:1 / / rw - ext4 a rw"]
    target["mountNamespace"] = 5
    document["target"] = target
    #expect(
      throws: AuditError.invalidSnapshot(
        path: "s.json", reason: "'target.mountNamespace' is not a string or null")
    ) {
      try Snapshot(
        decoding: Array(try JSONSerialization.data(withJSONObject: document)), path: "s.json")
    }
  }

  @Test("a file that starts with '{' is read as a snapshot, anything else as mountinfo")
  func detection() {
    #expect(Snapshot.looksLikeSnapshot(Array(" \n{\"format\": 1}".utf8)))
    #expect(!Snapshot.looksLikeSnapshot(Array("22 1 8:1 / / rw - ext4 a rw\n".utf8)))
    #expect(!Snapshot.looksLikeSnapshot([]))
  }

  @Test(
    "a broken snapshot names what is wrong",
    arguments: [
      ("{", "'s.json' is not a mountaudit snapshot: it is not valid JSON (cut short?)"),
      (
        #"{"format": "other"}"#,
        "'s.json' is not a mountaudit snapshot: 'format' is not 'mountaudit-snapshot'"
      ),
      (
        #"{"format": "mountaudit-snapshot", "schemaVersion": 9}"#,
        "'s.json' is not a mountaudit snapshot: 'schemaVersion' is not 1"
      ),
      (
        #"{"format": "mountaudit-snapshot", "schemaVersion": 1, "target": {}, "host": {}, "#
          + #""kernelPaths": {}, "tool": {"version": "1"}, "takenAt": "t", "kernelRelease": "k"}"#,
        "'s.json' is not a mountaudit snapshot: 'target.pid' is not a PID"
      ),
    ])
  func brokenSnapshots(text: String, message: String) {
    #expect(
      throws: AuditError.invalidSnapshot(
        path: "s.json", reason: String(message.split(separator: ": ", maxSplits: 1)[1]))
    ) {
      try Snapshot(decoding: Array(text.utf8), path: "s.json")
    }
    let error = AuditError.invalidSnapshot(
      path: "s.json", reason: String(message.split(separator: ": ", maxSplits: 1)[1]))
    #expect(error.description == message)
  }
}
