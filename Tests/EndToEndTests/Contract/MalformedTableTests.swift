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

  @Test("a tree that left a damaged line out says so at its end, on standard output")
  func incompleteTree() throws {
    let run = try Binary.run(["tree", "fixtures/malformed/malformed-middle-line.mountinfo"])
    #expect(run.status == 0)
    #expect(run.text.hasSuffix("\n\nincomplete: 1 unreadable line left out (line 2)\n"))
    #expect(run.text.split(separator: "\n").count == 4, "header, two mounts, the note")
  }

  @Test("a directory is refused with one line naming it")
  func directory() throws {
    let run = try Binary.run(["fixtures/malformed"])
    #expect(run.status == 2)
    #expect(run.stderr == "mountaudit: cannot read 'fixtures/malformed': Is a directory\n")
  }

  @Test("a FIFO that nobody writes to stops at once, saying so, instead of hanging")
  func fifoWithoutWriter() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("mountaudit-fifo-\(UUID().uuidString)").path
    try #require(mkfifo(path, 0o600) == 0)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let run = try Binary.run(["tree", path])
    #expect(run.status == 2)
    #expect(
      run.stderr
        == "mountaudit: '\(path)' is a FIFO or pipe that gave no data: no process wrote to it\n")
  }

  @Test("a host table with a damaged line stops the audit instead of hiding leaks")
  func damagedHostTable() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("mountaudit-host-\(UUID().uuidString).mountinfo").path
    let host = try String(
      contentsOf: Binary.repositoryRoot.appendingPathComponent(
        "fixtures/field-cases/R08/host.mountinfo"), encoding: .utf8)
    var lines = host.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    lines[5] += "\r"
    try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let run = try Binary.run(["fixtures/field-cases/R08/container.mountinfo", "--host", path])
    #expect(run.status == 2)
    #expect(
      run.stderr
        == "mountaudit: host table '\(path)' line 6: line ends with a carriage return (CRLF "
        + "line endings; convert the file with dos2unix); a damaged host table would hide "
        + "leaks through its mounts\n")
    #expect(run.stdout.isEmpty)
  }

  @Test("a stack of 30,000 mounts prints a tree that grows linearly, drawn 32 levels deep")
  func deepStack() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("mountaudit-deep-\(UUID().uuidString).mountinfo").path
    var text = "1 0 8:1 / / rw - ext4 /dev/sda1 rw\n"
    for id in 2...30_000 { text += "\(id) \(id - 1) 0:\(id % 200 + 50) / /a rw - tmpfs t rw\n" }
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let run = try Binary.run(["tree", path])
    #expect(run.status == 0)
    let lines = run.text.split(separator: "\n")
    #expect(lines.count == 30_001)
    #expect(run.stdout.count < 10_000_000)
    #expect(lines.last?.contains("… └─/a") == true)
  }
}
