import Testing

@testable import MountAudit

/// Exceptions as the engine applies them, with "today" fixed.
@Suite("Policy exceptions")
struct PolicyExceptionTests {
  let host = """
    22 1 259:2 / / rw,relatime shared:1 - ext4 /dev/sda2 rw
    27 22 0:24 / /run rw,nosuid,nodev,noexec,relatime shared:5 - tmpfs tmpfs rw,mode=755
    """
  let target = """
    700 650 0:60 / / rw,relatime - overlay overlay rw
    730 700 0:24 /docker.sock /var/run/docker.sock rw,nosuid,nodev - tmpfs tmpfs rw
    731 700 259:2 /srv/data /data rw,relatime - ext4 /dev/sda2 rw
    """
  let rules: [any Rule] = [
    HostRuntimeSocketRule(), HostBindRule(), PolicyExpiredExceptionRule(),
    PolicyUnusedExceptionRule(),
  ]
  let today = CalendarDate(year: 2026, month: 6, day: 15)!

  func outcome(_ exceptions: [PolicyException], hostTable: Bool = true)
    throws -> PolicyEngine.Outcome
  {
    let profile = Profile(
      name: "default", summary: "", source: "p.json", exceptions: exceptions)
    let context = AuditContext(
      target: try Tables.tree(target), host: hostTable ? try Tables.tree(host) : nil,
      profile: profile, today: today)
    return PolicyEngine(rules: rules).evaluate(context)
  }

  func socket(expires: String? = nil, index: Int = 0) -> PolicyException {
    PolicyException(
      rule: "host.runtime-socket", subject: .mountPoint(.exact("/var/run/docker.sock")),
      reason: "CI builds images", expires: expires.flatMap(CalendarDate.init(parsing:)),
      index: index)
  }

  @Test func aMatchedFindingIsExceptedWithItsExceptionAndNotCounted() throws {
    let result = try outcome([socket()])

    #expect(result.findings.map(\.rule) == ["host.bind"])
    #expect(result.excepted.map(\.finding.rule) == ["host.runtime-socket"])
    #expect(result.excepted.first?.finding.severity == .error)
    #expect(result.excepted.first?.exception.reason == "CI builds images")
  }

  @Test func aHostPathExceptionMatchesTheHostSideTheReportShows() throws {
    let byHost = PolicyException(
      rule: "host.bind", subject: .hostPath(.glob("/srv/**")), reason: "data volume")
    let result = try outcome([byHost])

    #expect(result.findings.map(\.rule) == ["host.runtime-socket"])
    #expect(result.excepted.map(\.finding.mountPoint) == ["/data"])
  }

  @Test func anExceptionForAnotherRuleOrPathLetsNothingPassAndIsReportedUnused() throws {
    let otherRule = PolicyException(
      rule: "host.sensitive-path", subject: .mountPoint(.exact("/var/run/docker.sock")),
      reason: "wrong rule", index: 0)
    let otherPath = PolicyException(
      rule: "host.runtime-socket", subject: .mountPoint(.exact("/var/run")),
      reason: "parent only", index: 1)
    let result = try outcome([otherRule, otherPath])

    #expect(result.excepted.isEmpty)
    #expect(
      result.findings.map(\.message) == [
        "p.json: $.exceptions[1] (host.runtime-socket at mount point '/var/run') matched no "
          + "finding",
        "'/data' exposes the host's '/srv/data', read-write",
        "'/var/run/docker.sock' exposes the host's '/run/docker.sock' (docker API socket)",
      ])
    // host.sensitive-path did not run, so its exception cannot be judged.
    #expect(result.findings.first?.rule == "policy.unused-exception")
    #expect(result.findings.first?.severity == .note)
  }

  @Test func anExceptionAppliesThroughItsExpiryDayAndNotAfter() throws {
    #expect(try outcome([socket(expires: "2026-06-15")]).excepted.count == 1)

    let expired = try outcome([socket(expires: "2026-06-14")])
    #expect(expired.excepted.isEmpty)
    #expect(
      expired.findings.map(\.rule) == [
        "policy.expired-exception", "host.bind", "host.runtime-socket",
      ])
    #expect(
      expired.findings.first?.message
        == "p.json: $.exceptions[0] (host.runtime-socket at mount point "
        + "'/var/run/docker.sock') expired on 2026-06-14 and no longer applies")
  }

  @Test func anExceptionOfARuleThatCouldNotRunIsNotCalledUnused() throws {
    let byHost = PolicyException(
      rule: "host.bind", subject: .hostPath(.glob("/srv/**")), reason: "data volume")
    let result = try outcome([byHost], hostTable: false)

    #expect(result.skipped.map(\.rule) == ["host.bind"])
    #expect(!result.findings.contains { $0.rule.hasPrefix("policy.") })
  }

  @Test func theFirstMatchingExceptionClaimsTheFindingAndBothCountAsUsed() throws {
    let glob = PolicyException(
      rule: "host.runtime-socket", subject: .mountPoint(.glob("/var/run/*.sock")),
      reason: "any socket", index: 1)
    let result = try outcome([socket(index: 0), glob])

    #expect(result.excepted.map(\.exception.index) == [0])
    #expect(!result.findings.contains { $0.rule == "policy.unused-exception" })
  }

  @Test func aDisabledRuleIsSkippedAndASeverityOverrideApplies() throws {
    let profile = Profile(
      name: "default", summary: "", severityOverrides: ["host.bind": .warning],
      disabledRules: ["host.runtime-socket"])
    let context = AuditContext(
      target: try Tables.tree(target), host: try Tables.tree(host), profile: profile,
      today: today)
    let result = PolicyEngine(rules: rules).evaluate(context)

    #expect(result.findings.map(\.rule) == ["host.bind"])
    #expect(result.findings.map(\.severity) == [.warning])
    #expect(
      result.skipped == [
        SkippedCheck(rule: "host.runtime-socket", reason: "disabled by the policy")
      ])
  }
}
