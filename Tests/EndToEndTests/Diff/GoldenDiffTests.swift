import Foundation
import Testing

/// Diffs fixture pairs with the built binary and compares the text and JSON output, with
/// the exit status, to golden files in `fixtures/golden/`. Set
/// `MOUNTAUDIT_RECORD_GOLDEN=1` to re-record them.
@Suite("Golden diffs")
struct GoldenDiffTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var arguments: [String]
    var testDescription: String { name }
  }

  static let util = "fixtures/external/util-linux/libmount"

  static let cases: [Case] = {
    var cases = [
      Case(
        name: "runc-restart",
        arguments: [
          "fixtures/diff/runc-restart/first.mountinfo",
          "fixtures/diff/runc-restart/second.mountinfo",
        ]),
      Case(
        name: "util-linux-move",
        arguments: ["\(util)/mountinfo.mountinfo", "\(util)/mountinfo_mv.mountinfo"]),
      Case(
        name: "util-linux-remount",
        arguments: ["\(util)/mountinfo.mountinfo", "\(util)/mountinfo_re.mountinfo"]),
      Case(
        name: "util-linux-umount",
        arguments: ["\(util)/mountinfo.mountinfo", "\(util)/mountinfo_u.mountinfo"]),
      Case(
        name: "util-linux-mount",
        arguments: ["\(util)/mountinfo_u.mountinfo", "\(util)/mountinfo.mountinfo"]),
      Case(
        name: "field-cases-R03-host-container",
        arguments: [
          "fixtures/field-cases/R03/host.mountinfo", "fixtures/field-cases/R03/container.mountinfo",
        ]),
      Case(
        name: "field-cases-R15-host-after",
        arguments: [
          "fixtures/field-cases/R15/host.mountinfo",
          "fixtures/field-cases/R15/host-after.mountinfo",
        ]),
    ]
    let variants = [
      "runc-docker-sock", "runc-host-proc", "runc-host-root", "runc-privileged",
      "runc-rootfs-shared", "runc-rshared-volume", "runc-odd-paths",
    ]
    for variant in variants {
      cases.append(
        Case(
          name: "runc-default-\(variant)",
          arguments: [
            "fixtures/runtimes/runc-default/container.mountinfo",
            "fixtures/runtimes/\(variant)/container.mountinfo",
            "--normalize", #"s/\/(mountaudit-fixture-)?runc-[a-z-]+/\/CASE/"#,
          ]))
    }
    return cases
  }()

  @Test("the diff matches its golden file", arguments: cases, ["text", "json"])
  func diffMatchesGolden(testCase: Case, format: String) throws {
    let run = try Binary.run(["diff"] + testCase.arguments + ["--format", format])
    #expect(run.stderr == "")
    #expect(run.status == 0 || run.status == 1)
    let actual = run.text + "exit status: \(run.status)\n"
    try GoldenFile.expect(actual, matches: "fixtures/golden/diff-\(testCase.name).\(format)")
  }

  @Test("two starts of one container diff as equal and exit 0")
  func restartIsEqual() throws {
    let run = try Binary.run(["diff"] + Self.cases[0].arguments)
    #expect(run.status == 0)
    #expect(run.text.hasSuffix("0 added, 0 removed, 0 changed, 25 unchanged\n"))
  }

  /// libmount's own table diff (`tests/expected/libmount/tabdiff-*`) lists, per mount
  /// point, MOUNTED, UMOUNTED, MOVED or REMOUNTED; mountaudit's diff must report the same
  /// mounts with the matching kind of change.
  @Test(
    "the diff agrees with libmount's table diff",
    arguments: [
      ("mount", "mountinfo_u", "mountinfo"), ("umount", "mountinfo", "mountinfo_u"),
      ("move", "mountinfo", "mountinfo_mv"), ("remount", "mountinfo", "mountinfo_re"),
    ])
  func agreesWithLibmount(name: String, before: String, after: String) throws {
    let expected = try String(
      contentsOf: Binary.repositoryRoot.appendingPathComponent(
        "fixtures/external/util-linux/expected/tabdiff-\(name)"), encoding: .utf8)
    var libmount: Set<String> = []
    for line in expected.split(separator: "\n") {
      let parts = line.components(separatedBy: " on ")
      let target = parts[1].components(separatedBy: ": ")[0]
      let verdict = parts[1].components(separatedBy: ": ")[1].split(separator: " ")[0]
      let kind =
        switch verdict {
        case "MOUNTED": "added"
        case "UMOUNTED": "removed"
        default: "changed"
        }
      // libmount names a moved mount by its new mount point. One fixture's mount point
      // holds a carriage return, which neither side needs to compare.
      libmount.insert("\(kind) \(target.replacingOccurrences(of: "\r", with: ""))")
    }
    let run = try Binary.run([
      "diff", "\(Self.util)/\(before).mountinfo", "\(Self.util)/\(after).mountinfo",
      "--format", "json", "--ignore", "parent",
    ])
    let changes = try #require(run.json()["changes"] as? [[String: Any]])
    let ours = Set(
      changes.map { change in
        let point = (change["mountPoint"] as? String ?? "").replacingOccurrences(
          of: "\r", with: "")
        return "\(change["change"]!) \(point)"
      })
    #expect(ours == libmount)
  }
}
