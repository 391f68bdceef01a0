import Testing

@testable import MountAudit

@Suite("propagation.host-slave")
struct PropagationHostSlaveRuleTests {
  let rule = PropagationHostSlaveRule()
  let host = """
    22 1 259:2 / / rw,relatime shared:1 - ext4 /dev/sda2 rw
    27 22 0:24 / /run rw,nosuid,nodev shared:5 - tmpfs tmpfs rw
    """

  @Test func aSlaveOfAHostPeerGroupIsANote() throws {
    let findings = try Tables.findings(
      of: rule,
      target: """
        700 650 0:60 / / rw,relatime - overlay overlay rw
        745 700 0:24 /app /run/app rw,nosuid,nodev master:5 - tmpfs tmpfs rw
        """, host: host)

    #expect(findings.count == 1)
    let finding = try #require(findings.first)
    #expect(finding.rule == "propagation.host-slave")
    #expect(finding.severity == .note)
    #expect(finding.mountPoint == "/run/app")
    #expect(finding.hostPath == "/run/app")
    #expect(
      finding.message
        == "'/run/app' is a slave of peer group 5 of the host's '/run': host mounts propagate in"
    )
  }

  @Test func privateMountsAndSlavesOfOtherGroupsAreNotReported() throws {
    let findings = try Tables.findings(
      of: rule,
      target: """
        700 650 0:60 / / rw,relatime - overlay overlay rw
        745 700 0:24 /app /run/app rw,nosuid,nodev - tmpfs tmpfs rw
        746 700 0:81 / /other rw master:99 - tmpfs tmpfs rw
        """, host: host)

    #expect(findings.isEmpty)
  }

  @Test func aHostPeerIsNotAlsoReportedAsASlave() throws {
    let findings = try Tables.findings(
      of: rule,
      target: """
        700 650 0:60 / / rw,relatime - overlay overlay rw
        740 700 259:2 /srv/test /test rw,relatime shared:1 - ext4 /dev/sda2 rw
        """, host: host)

    #expect(findings.isEmpty)
  }
}
