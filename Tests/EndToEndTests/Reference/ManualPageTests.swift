import Foundation
import MountAudit
import Testing

@testable import mountaudit

/// `docs/mountaudit.1`: it renders without a warning and documents everything the parser
/// knows.
@Suite("Manual page")
struct ManualPageTests {
  static let page = Binary.repositoryRoot.appendingPathComponent("docs/mountaudit.1")

  static func source() throws -> String {
    try String(contentsOf: page, encoding: .utf8)
  }

  @Test("groff formats the page without a single warning")
  func rendersWithoutWarnings() throws {
    let groff = try Tool.run("groff", ["-man", "-ww", "-z", Self.page.path])
    #expect(groff.status == 0)
    #expect(groff.stderr.isEmpty, "\(groff.stderr)")
  }

  @Test("man reads the page without a warning and shows its sections")
  func manReadsIt() throws {
    let man = try Tool.run(
      "man", ["--warnings", "-l", Self.page.path],
      environment: ["MANWIDTH": "80", "MANPAGER": "cat"])
    #expect(man.status == 0)
    #expect(man.stderr.isEmpty, "\(man.stderr)")
    for section in ["NAME", "SYNOPSIS", "COMMANDS", "OPTIONS", "ENVIRONMENT", "EXIT STATUS"] {
      #expect(man.stdout.contains("\n\(section)\n"), "no \(section) section")
    }
  }

  @Test("the title line names the version --version prints")
  func version() throws {
    let title = try #require(
      try Self.source().split(separator: "\n").first { $0.hasPrefix(".TH ") })
    #expect(title.contains("\"mountaudit \(Version.current)\""))
  }

  @Test("every command has a subsection", arguments: ArgumentParser.commands)
  func documentsCommand(command: String) throws {
    let lines = try Self.source().split(separator: "\n")
    #expect(lines.contains { $0 == ".SS \(command)" || $0.hasPrefix(".SS \(command) ") })
  }

  @Test(
    "every option is described in OPTIONS",
    arguments: ArgumentParser.valued.union(ArgumentParser.flags).sorted() + [
      "--help", "--version",
    ])
  func documentsOption(option: String) throws {
    let source = try Self.source()
    let options = try #require(source.range(of: "\n.SH OPTIONS\n"))
    let end = try #require(source.range(of: "\n.SH ", range: options.upperBound..<source.endIndex))
    let section = source[options.upperBound..<end.lowerBound]
    // Each option is the first line of a .TP entry, with \- for each hyphen as roff needs.
    let escaped = option.replacingOccurrences(of: "-", with: "\\-")
    let lines = section.split(separator: "\n", omittingEmptySubsequences: false)
    let entries = zip(lines, lines.dropFirst()).filter { $0.0 == ".TP" }.map(\.1)
    #expect(
      entries.contains { $0.split(separator: " ").contains(Substring(escaped)) }, "\(option)")
  }

  @Test("the environment variables and exit statuses are documented")
  func environmentAndExitStatus() throws {
    let source = try Self.source()
    #expect(source.contains(".B NO_COLOR\n"))
    #expect(source.contains(".B LIBMOUNT_DEBUG\n"))
    let statuses = try #require(source.range(of: "\n.SH EXIT STATUS\n"))
    let rest = source[statuses.upperBound...]
    for status in ["0", "1", "2", "64"] {
      #expect(rest.contains(".TP\n.B \(status)\n"), "exit status \(status)")
    }
  }
}
