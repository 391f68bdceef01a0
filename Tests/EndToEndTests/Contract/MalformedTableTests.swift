import Foundation
import Testing

/// Every file of `fixtures/malformed/` through `mountaudit tree` and `mountaudit`: the exit
/// status and first stderr line that `fixtures/malformed/expected.tsv` states, and never a
/// crash.
@Suite("Malformed tables")
struct MalformedTableTests {
  struct Row: CustomTestStringConvertible, Sendable {
    var file: String
    var command: String
    var status: Int32
    var firstError: String
    var testDescription: String { "\(command) \(file)" }
  }

  static let rows: [Row] = {
    let url = Binary.repositoryRoot.appendingPathComponent("fixtures/malformed/expected.tsv")
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
    return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      return Row(
        file: fields[0], command: fields[1], status: Int32(fields[2]) ?? -1,
        firstError: fields.count > 3 ? fields[3] : "")
    }
  }()

  @Test("every malformed fixture has its expectations, for both commands")
  func everyFixtureIsCovered() throws {
    let folder = Binary.repositoryRoot.appendingPathComponent("fixtures/malformed").path
    let files = try FileManager.default.contentsOfDirectory(atPath: folder)
      .filter { $0.hasSuffix(".mountinfo") }
    #expect(files.count >= 25)
    for file in files {
      #expect(Self.rows.filter { $0.file == file }.map(\.command).sorted() == ["audit", "tree"])
    }
  }

  @Test("the exit status and the first error line are the expected ones", arguments: rows)
  func expectedOutcome(row: Row) throws {
    let arguments = row.command == "tree" ? ["tree"] : []
    let run = try Binary.run(arguments + ["fixtures/malformed/\(row.file)"])
    #expect(run.status == row.status)
    let firstError = run.stderr.split(separator: "\n", omittingEmptySubsequences: false)[0]
    #expect(String(firstError) == row.firstError)
    if row.status == 2 { #expect(run.stdout.isEmpty, "no partial report") }
  }

  @Test("a directory is refused with one line naming it")
  func directory() throws {
    let run = try Binary.run(["fixtures/malformed"])
    #expect(run.status == 2)
    #expect(run.stderr == "mountaudit: cannot read 'fixtures/malformed': Is a directory\n")
  }

  @Test("a FIFO that nobody writes to reads as empty instead of hanging")
  func fifoWithoutWriter() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("mountaudit-fifo-\(UUID().uuidString)").path
    try #require(mkfifo(path, 0o600) == 0)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let run = try Binary.run(["tree", path])
    #expect(run.status == 2)
    #expect(run.stderr == "mountaudit: '\(path)' is not a mountinfo table: it is empty\n")
  }
}
