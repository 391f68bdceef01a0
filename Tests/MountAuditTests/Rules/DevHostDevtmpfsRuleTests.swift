import Testing

@testable import MountAudit

@Suite("dev.host-devtmpfs")
struct DevHostDevtmpfsRuleTests {
  let rule = DevHostDevtmpfsRule()

  @Test("fires on a devtmpfs with root / at /dev and anywhere else")
  func wholeDevtmpfs() throws {
    let findings = try Tables.findings(
      of: rule,
      target: """
        700 650 0:60 / / rw,relatime - overlay overlay rw
        702 700 0:5 / /dev rw,nosuid,relatime - devtmpfs udev rw,mode=755
        760 700 0:5 / /host/dev rw,relatime - devtmpfs udev rw,mode=755
        """)
    #expect(findings.map(\.rule) == ["dev.host-devtmpfs", "dev.host-devtmpfs"])
    #expect(findings.map(\.mountPoint) == ["/dev", "/host/dev"])
    #expect(findings.map(\.severity) == [.error, .error])
    #expect(
      findings.first?.message
        == "devtmpfs '/' from 'udev' (0:5) is mounted at '/dev': every host device node is "
        + "reachable")
  }

  @Test("leaves single nodes bound from a devtmpfs to dev.unexpected-node")
  func singleNodes() throws {
    let target = """
      700 650 0:60 / / rw,relatime - overlay overlay rw
      702 700 0:65 / /dev rw,nosuid - tmpfs tmpfs rw,mode=755
      703 702 0:5 /null /dev/null rw,nosuid - devtmpfs udev rw,mode=755
      704 702 0:5 /sda /dev/sda rw,nosuid - devtmpfs udev rw,mode=755
      """
    #expect(try Tables.findings(of: rule, target: target).isEmpty)
  }

  @Test("meets its field-case rows")
  func fieldCases() throws {
    #expect(try !RuleFixtures.contractRows(for: rule.metadata.id).isEmpty)
    #expect(try RuleFixtures.unmetRows(of: rule).isEmpty)
  }

  @Test("gives nothing on the baseline and runc's default container")
  func cleanCases() throws {
    for folder in RuleFixtures.cleanFolders {
      #expect(try RuleFixtures.findings(of: rule, in: folder).isEmpty, "\(folder)")
    }
  }
}
