// The libFuzzer entry point, compiled into one module with the library's sources by
// fuzz/run.sh (not part of the Swift package): every input goes through the whole
// pipeline, and anything but a clean return (a crash, a sanitizer report, a hang, JSON
// that does not parse) is a bug.
import Foundation

private let reader = MountTableReader()
private let fixed: MountTree? = {
  let table =
    "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n"
    + "23 22 0:5 / /proc rw,nosuid - proc proc rw\n"
    + "24 22 0:6 / /dev rw,nosuid - devtmpfs udev rw,mode=755\n"
  return try? MountTree(reader.parse(Array(table.utf8), origin: .file(path: "fixed")))
}()

/// libFuzzer's entry point: runs one input through the pipeline; returns 0 unless it traps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  guard let table = try? reader.parse(bytes, origin: .file(path: "fuzz")) else {
    // A snapshot-shaped input goes through the snapshot reader as well, and a policy-shaped
    // one through the policy parser: a policy read must audit the fixed table and read back
    // from the document `policy show` would print of it as the same profile.
    _ = try? Snapshot(decoding: bytes, path: "fuzz")
    if let profile = try? Profile(policyJSON: bytes, source: "fuzz"), let fixed {
      let report = Auditor().evaluate(
        AuditInputs(
          target: fixed.table, host: HostReference(origin: .file(path: "fixed")),
          hostTable: fixed.table),
        profile: profile)
      check(AuditJSONReport(report).document.serialized())
      check(AuditSARIFReport(report).document.serialized())
      guard
        let again = try? Profile(
          policyJSON: profile.policyDocument.serialized(), source: "fuzz")
      else { fatalError("a policy's own document does not read back") }
      if again != profile { fatalError("a policy's own document reads back as another profile") }
    }
    return 0
  }
  let tree = MountTree(table)
  let hostInputs = AuditInputs(
    target: table, host: HostReference(origin: .file(path: "fixed")),
    hostTable: fixed?.table)
  let auditor = Auditor()
  let report = auditor.evaluate(hostInputs, profile: .standard)
  _ = AuditTextReport(report).text
  check(AuditJSONReport(report).document.serialized())
  check(AuditSARIFReport(report).document.serialized())
  checkXML(AuditJUnitReport(report, failureThreshold: .note).text)
  _ = TreeTextReport(tree).text
  check(TreeJSONReport(tree).document.serialized())
  for other in [fixed, tree].compactMap({ $0 }) {
    for matching in [MountMatching.mountID, .mountPoint] {
      let diff = MountDiff(tree, other, matching: matching)
      _ = DiffTextReport(diff).text
      check(DiffJSONReport(diff).document.serialized())
    }
  }
  let selfDiff = MountDiff(tree, tree, matching: .mountPoint)
  if !selfDiff.changes.isEmpty { fatalError("a table differs from itself") }
  return 0
}

/// Traps when a report is not valid JSON.
private func check(_ json: [UInt8]) {
  if (try? JSONSerialization.jsonObject(with: Data(json))) == nil {
    fatalError("a report is not valid JSON")
  }
}

/// Traps when a JUnit report holds a character XML 1.0 does not allow, even escaped.
private func checkXML(_ text: String) {
  for scalar in text.unicodeScalars {
    let value = scalar.value
    let allowed =
      value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value)
      || (0xE000...0xFFFD).contains(value) || value >= 0x10000
    if !allowed { fatalError("a JUnit report holds U+\(String(value, radix: 16))") }
  }
}
