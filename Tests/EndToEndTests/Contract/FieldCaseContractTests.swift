import Foundation
import Testing

/// The field cases' contract, `fixtures/field-cases/expected-findings.tsv`: every row's
/// finding appears in the offline audit of the case's container table against its host
/// table, and a case marked `clean` gives nothing above a note.
@Suite("Field case contract")
struct FieldCaseContractTests {
  struct Row: CustomTestStringConvertible, Sendable {
    var fixture: String
    var rule: String
    var mountPoint: String
    var severity: String

    var testDescription: String { "\(fixture) \(rule) \(mountPoint) \(severity)" }
  }

  static let rows: [Row] = {
    let url = Binary.repositoryRoot.appendingPathComponent(
      "fixtures/field-cases/expected-findings.tsv")
    let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").compactMap { line in
      guard !line.hasPrefix("#") else { return nil }
      let fields = line.split(separator: "\t").map(String.init)
      guard fields.count == 4 else { return nil }
      return Row(fixture: fields[0], rule: fields[1], mountPoint: fields[2], severity: fields[3])
    }
  }()

  @Test("the contract file was read")
  func contractIsRead() {
    #expect(Self.rows.count >= 20)
    #expect(Self.rows.contains { $0.rule == "clean" })
  }

  @Test("each contract row is met", arguments: rows)
  func rowIsMet(row: Row) throws {
    let case_ = "fixtures/field-cases/\(row.fixture)"
    let run = try Binary.run([
      "\(case_)/container.mountinfo", "--host", "\(case_)/host.mountinfo", "--format", "json",
    ])
    let findings = try #require(run.json()["findings"] as? [[String: Any]])
    if row.rule == "clean" {
      let serious = findings.filter { ($0["severity"] as? String) != "note" }
      #expect(serious.isEmpty, "\(serious)")
      #expect(run.status == 0)
      return
    }
    let matching = findings.filter { finding in
      guard finding["rule"] as? String == row.rule else { return false }
      if row.mountPoint != "*", finding["mountPoint"] as? String != row.mountPoint {
        return false
      }
      let severity = finding["severity"] as? String
      return row.severity == "any" ? severity != "note" : severity == row.severity
    }
    #expect(!matching.isEmpty, "no \(row.rule) at \(row.mountPoint) in \(findings)")
  }
}
