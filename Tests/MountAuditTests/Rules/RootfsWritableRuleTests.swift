import Testing

@testable import MountAudit

@Suite("rootfs.writable")
struct RootfsWritableRuleTests {
  let rule = RootfsWritableRule()

  @Test func aWritableRootIsANote() throws {
    let context = try FixtureContexts.context("field-cases/_baseline")
    let findings = rule.check(context)

    #expect(findings.count == 1)
    let finding = try #require(findings.first)
    #expect(finding.rule == "rootfs.writable")
    #expect(finding.severity == .note)
    #expect(finding.mountPoint == "/")
    #expect(finding.hostPath == "/var/lib/docker/overlay2/c0ffee01/merged")
    #expect(finding.message == "the root filesystem at '/' (overlay from 'overlay') is writable")
  }

  @Test func theStrictProfileMakesItAWarning() throws {
    let context = try FixtureContexts.context("field-cases/_baseline", profile: .strict)
    let findings = PolicyEngine(rules: [rule]).evaluate(context).findings

    #expect(findings.map(\.severity) == [.warning])
  }

  @Test func aReadOnlyRootIsNotReported() throws {
    #expect(try FixtureContexts.findings(of: [rule], in: "runc/default").isEmpty)
    #expect(
      try Tables.findings(of: rule, target: "700 650 0:60 / / ro,relatime - overlay overlay rw")
        .isEmpty)
  }

  @Test func theRootsPerMountOptionsDecideNotItsSuperOptions() throws {
    let findings = try Tables.findings(
      of: rule, target: "68 46 254:0 /rootfs / rw,relatime - ext4 /dev/vda ro")

    #expect(findings.map(\.mountPoint) == ["/"])
  }
}
