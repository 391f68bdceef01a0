import Foundation
import Testing

@testable import MountAudit

@Suite("RuleRegistry")
struct RuleRegistryTests {
  /// The rule IDs issue 2 fixes as a contract with users.
  static let contractIDs: Set<String> = [
    "namespace.host", "propagation.host-peer", "propagation.host-slave", "propagation.shared",
    "proc.missing", "proc.host-instance", "proc.unexpected-location", "proc.mask-missing",
    "proc.mask-invalid", "proc.readonly-missing", "sys.writable", "cgroup.writable",
    "dev.not-tmpfs", "dev.host-devtmpfs", "dev.unexpected-node", "dev.pts-host-instance",
    "dev.shm-host-instance", "dev.console-invalid", "host.runtime-socket",
    "host.sensitive-path", "host.kernel-fs", "host.bind", "rootfs.writable",
    "parse.invalid-line",
  ]

  /// Rules added beyond the contract: one for a leak the contract's rules cannot see, and
  /// the notes about a policy file's exceptions (issue 7).
  static let additionalIDs: Set<String> = [
    "host.hidden-leak", "policy.expired-exception", "policy.unused-exception",
  ]

  @Test("every rule ID is unique")
  func uniqueIDs() {
    let ids = RuleRegistry.all.map(\.metadata.id)
    #expect(Set(ids).count == ids.count)
  }

  @Test("every contract rule is registered, and only the listed additions besides")
  func contractRules() {
    #expect(
      Set(RuleRegistry.all.map(\.metadata.id)) == Self.contractIDs.union(Self.additionalIDs))
  }

  @Test("every rule type is registered exactly once")
  func rulesRegisteredOnce() {
    let types = RuleRegistry.all.map { String(describing: type(of: $0)) }
    #expect(Set(types).count == types.count)
  }

  @Test("every rule file under Rules/ is registered, named after its rule")
  func ruleFilesAreRegistered() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../../Sources/MountAudit/Policy/Rules").standardized
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix("Rule.swift") }.map { String($0.dropLast(".swift".count)) }
    let types = Set(RuleRegistry.all.map { String(describing: type(of: $0)) })
    #expect(Set(files) == types)
    for rule in RuleRegistry.all {
      // `proc.mask-missing` lives in ProcMaskMissingRule.swift.
      let expected =
        rule.metadata.id.split(whereSeparator: { $0 == "." || $0 == "-" })
        .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined() + "Rule"
      #expect(String(describing: type(of: rule)) == expected)
    }
  }

  @Test("every rule has a summary, a remediation and a documented severity")
  func metadataIsComplete() {
    for rule in RuleRegistry.all {
      #expect(!rule.metadata.summary.isEmpty, "\(rule.metadata.id)")
      #expect(!rule.metadata.remediation.isEmpty, "\(rule.metadata.id)")
    }
  }
}
