import Testing

@testable import MountAudit

/// The engine folds a rule's findings below a mount it already reports, but never one more
/// severe than every finding above it, and never below an excepted mount.
@Suite("Folding nested findings")
struct NestedFindingFoldingTests {
  let host = "22 1 259:2 / / rw,relatime shared:1 - ext4 /dev/sda2 rw"
  let target = """
    700 650 0:60 / / rw,relatime - overlay overlay rw
    741 700 259:2 /etc/ssl /certs ro,relatime - ext4 /dev/sda2 rw
    742 741 259:2 /root /certs/root rw,relatime - ext4 /dev/sda2 rw
    743 741 259:2 /etc/ssl/private /certs/private ro,relatime - ext4 /dev/sda2 rw
    """

  func outcome(_ exceptions: [PolicyException] = []) throws -> PolicyEngine.Outcome {
    let profile = Profile(name: "default", summary: "", source: "p.json", exceptions: exceptions)
    let context = AuditContext(
      target: try Tables.tree(target), host: try Tables.tree(host), profile: profile,
      today: CalendarDate(year: 2026, month: 6, day: 15)!)
    return PolicyEngine(rules: [HostSensitivePathRule()]).evaluate(context)
  }

  @Test func aMoreSevereNestedFindingIsKeptAndAnEquallySevereOneFolded() throws {
    let findings = try outcome().findings
    #expect(findings.map(\.mountPoint) == ["/certs", "/certs/root"])
    #expect(findings.map(\.severity) == [.warning, .error])
    #expect(
      findings.first?.message.hasSuffix(
        "(one mount below it, reported alike, is folded into this finding)") == true)
    #expect(findings.last?.message.contains("folded") == false)
  }

  @Test func exceptingTheOuterMountShowsWhatLiesBelowIt() throws {
    let exception = PolicyException(
      rule: "host.sensitive-path", subject: .mountPoint(.exact("/certs")),
      reason: "the CA bundle")
    let result = try outcome([exception])
    #expect(result.excepted.map(\.finding.mountPoint) == ["/certs"])
    #expect(result.findings.map(\.mountPoint) == ["/certs/private", "/certs/root"])
  }
}
