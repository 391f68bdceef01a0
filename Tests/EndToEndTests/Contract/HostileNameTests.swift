import Foundation
import Testing

/// Mount point names chosen by a hostile container (`fixtures/hostile/`) reach the
/// terminal escaped in every text report, and reach JSON exactly.
@Suite("Hostile mount point names")
struct HostileNameTests {
  static let table = "fixtures/hostile/container.mountinfo"

  @Test(
    "text output never carries an escape, a bell, an override or a forged line",
    arguments: [
      [table], ["tree", table], ["diff", "fixtures/diff/runc-restart/first.mountinfo", table],
      ["diff", table, table, "--normalize", "tmpfs-sizes"],
    ])
  func textIsEscaped(arguments: [String]) throws {
    let run = try Binary.run(arguments)
    let bytes = [UInt8](run.stdout)
    #expect(!bytes.contains(0x1b))
    #expect(!bytes.contains(0x07))
    #expect(!run.text.unicodeScalars.contains("\u{202E}"))
    #expect(!run.text.split(separator: "\n").contains("0 errors, 0 warnings, 0 notes"))
  }

  @Test("the tree shows each name escaped, on its own line")
  func treeShowsEscapes() throws {
    let text = try Binary.run(["tree", Self.table]).text
    #expect(text.contains(#"/x\x1b[2J\x1b[H "#))
    #expect(text.contains(#"/a\n0 errors, 0 warnings, 0 notes "#))
    #expect(text.contains(#"/\u{202E}gnp.txt "#))
    #expect(text.contains(#"/\x1b]0;owned\x07 "#))
  }

  @Test("JSON carries the names exactly")
  func jsonIsExact() throws {
    let mounts = try #require(
      try Binary.run(["tree", Self.table, "--format", "json"]).json()["mounts"]
        as? [[String: Any]])
    let names = Set(mounts.compactMap { $0["mountPoint"] as? String })
    #expect(names.contains("/x\u{1b}[2J\u{1b}[H"))
    #expect(names.contains("/a\n0 errors, 0 warnings, 0 notes"))
    #expect(names.contains("/\u{202E}gnp.txt"))
    #expect(names.contains("/\u{1b}]0;owned\u{07}"))
  }
}
