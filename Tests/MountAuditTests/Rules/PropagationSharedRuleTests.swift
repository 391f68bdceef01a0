import Testing

@testable import MountAudit

@Suite("propagation.shared")
struct PropagationSharedRuleTests {
  let rule = PropagationSharedRule()
  let host = """
    22 1 259:2 / / rw,relatime shared:1 - ext4 /dev/sda2 rw
    """

  @Test func aGroupSharedOnlyInsideTheContainerIsANoteOnEachMember() throws {
    let findings = try Tables.findings(
      of: rule,
      target: """
        700 650 0:60 / / rw,relatime - overlay overlay rw
        750 700 0:81 / /a rw,relatime shared:77 - tmpfs tmpfs rw
        751 700 0:81 / /b rw,relatime shared:77 - tmpfs tmpfs rw
        """, host: host)

    #expect(findings.map(\.mountPoint) == ["/a", "/b"])
    let finding = try #require(findings.first)
    #expect(finding.rule == "propagation.shared")
    #expect(finding.severity == .note)
    #expect(finding.hostPath == nil)
    #expect(
      finding.message
        == "'/a' is shared in peer group 77 with 1 other mount of this table and no host mount")
  }

  @Test func aGroupTheHostIsInIsLeftToHostPeer() throws {
    let findings = try Tables.findings(
      of: rule,
      target: """
        700 650 0:60 / / rw,relatime - overlay overlay rw
        740 700 259:2 /srv/test /test rw,relatime shared:1 - ext4 /dev/sda2 rw
        741 700 0:82 / /private rw,relatime - tmpfs tmpfs rw
        """, host: host)

    #expect(findings.isEmpty)
  }

  @Test func withoutAHostTableTheRuleIsSkipped() throws {
    let context = try Tables.context(
      target: "700 650 0:60 / / rw,relatime shared:9 - overlay overlay rw")
    let outcome = PolicyEngine(rules: [rule]).evaluate(context)

    #expect(outcome.findings.isEmpty)
    #expect(outcome.skipped.map(\.rule) == ["propagation.shared"])
  }
}
