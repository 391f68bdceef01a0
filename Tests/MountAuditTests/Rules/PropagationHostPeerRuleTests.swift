import Testing

@testable import MountAudit

@Suite("propagation.host-peer")
struct PropagationHostPeerRuleTests {
  let rule = PropagationHostPeerRule()
  let host = """
    22 1 259:2 / / rw,relatime shared:1 - ext4 /dev/sda2 rw
    27 22 0:24 / /run rw,nosuid,nodev shared:5 - tmpfs tmpfs rw
    455 22 0:80 / /srv/test/sub rw,relatime master:420 - tmpfs tmpfs rw
    """

  @Test func aVolumeInTheHostRootsPeerGroupIsAnError() throws {
    let findings = try Tables.findings(
      of: rule,
      target: """
        700 650 0:60 / / rw,relatime - overlay overlay rw
        740 700 259:2 /srv/test /test rw,relatime shared:1 - ext4 /dev/sda2 rw
        """, host: host)

    #expect(findings.count == 1)
    let finding = try #require(findings.first)
    #expect(finding.rule == "propagation.host-peer")
    #expect(finding.severity == .error)
    #expect(finding.mountPoint == "/test")
    #expect(finding.hostPath == "/srv/test")
    #expect(
      finding.message
        == "'/test' is in peer group 1 with the host's '/': mounts propagate both ways")
  }

  @Test func aGroupTheHostIsASlaveOfIsReportedAsFlowingToTheHost() throws {
    let findings = try Tables.findings(
      of: rule,
      target: """
        700 650 0:60 / / rw,relatime - overlay overlay rw
        741 700 0:80 / /test/sub rw,relatime shared:420 - tmpfs tmpfs rw
        """, host: host)

    #expect(findings.map(\.mountPoint) == ["/test/sub"])
    #expect(
      findings.first?.message
        == "'/test/sub' is in peer group 420, of which the host's '/srv/test/sub' is a slave: "
        + "mounts made in the container reach the host")
  }

  @Test func privateMountsAndContainerOnlyGroupsAreNotReported() throws {
    let findings = try Tables.findings(
      of: rule,
      target: """
        700 650 0:60 / / rw,relatime - overlay overlay rw
        740 700 259:2 /srv/test /test rw,relatime - ext4 /dev/sda2 rw
        741 700 0:81 / /shared rw,relatime shared:77 - tmpfs tmpfs rw
        742 700 0:24 /x /x rw,relatime master:5 - tmpfs tmpfs rw
        """, host: host)

    #expect(findings.isEmpty)
  }

  @Test(arguments: ["field-cases/R03", "field-cases/R15"])
  func theFieldCasesReportTheVolumeAndTheMountReceivedIntoIt(folder: String) throws {
    let findings = try FixtureContexts.findings(of: [rule], in: folder)

    let expected: [ByteString] =
      folder.hasSuffix("R03") ? ["/cache", "/cache/gadget"] : ["/test", "/test/sub"]
    #expect(findings.map(\.mountPoint) == expected)
    #expect(findings.allSatisfy { $0.severity == .error })
  }

  @Test func runcsDefaultContainerIsNotReported() throws {
    #expect(try FixtureContexts.findings(of: [rule], in: "runc/default").isEmpty)
  }
}
