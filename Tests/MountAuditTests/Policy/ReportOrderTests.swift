import Testing

@testable import MountAudit

/// Findings are reported by mount point, then mount, then rule, then line, then message.
@Suite("Report order")
struct ReportOrderTests {
  func finding(
    _ rule: String, _ point: ByteString?, mount: UInt32? = nil, line: Int? = nil,
    _ message: String
  ) -> Finding {
    Finding(
      rule: rule, severity: .error, mountID: mount, mountPoint: point, message: message,
      remediation: "", line: line)
  }

  @Test func findingsAreSortedByPointMountRuleLineAndMessage() {
    let expected = [
      finding("parse.invalid-line", nil, line: 2, "a"),
      finding("parse.invalid-line", nil, line: 10, "a"),
      finding("policy.unused-exception", nil, "$.exceptions[0]"),
      finding("policy.unused-exception", nil, "$.exceptions[1]"),
      finding("rootfs.writable", "/", mount: 700, "a"),
      finding("proc.mask-missing", "/proc/kcore", "a"),
      finding("host.bind", "/proc/kcore", mount: 9, "a"),
      finding("host.hidden-leak", "/s", mount: 90, "b"),
      finding("host.hidden-leak", "/s", mount: 91, "a"),
      finding("host.runtime-socket", "/s", mount: 91, "a"),
      finding("host.runtime-socket", "/s", mount: 91, "b"),
      finding("host.bind", "/s/a", mount: 95, "a"),
      finding("host.bind", "/s0", mount: 93, "a"),
    ]
    #expect(PolicyEngine.inReportOrder(expected.reversed()) == expected)
    #expect(PolicyEngine.inReportOrder(expected.shuffled()) == expected)
  }
}
