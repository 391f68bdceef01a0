import Foundation
import Testing

/// Starts every case of the verdict matrix with its real runtime, audits the container by
/// PID with the built binary, and checks that the findings are exactly the case's verdict;
/// where the case has propagation probes, that the audit agrees with what the kernel did.
///
/// One case at a time: the runtimes share cgroups and the machine's two cores.
@Suite("Runtime verdict matrix", .serialized)
struct RuntimeMatrixTests {
  static var isRequired: Bool {
    ProcessInfo.processInfo.environment["MOUNTAUDIT_REQUIRE_INTEGRATION"] == "1"
  }

  @Test("the live audit gives exactly the case's verdict", arguments: VerdictMatrix.shared.cases)
  func liveVerdict(_ testCase: VerdictMatrix.Case) throws {
    let runtime = try #require(VerdictMatrix.shared.runtimes[testCase.runtime])
    if let reason = RuntimeLab.unavailableReason(runtime) {
      if Self.isRequired {
        Issue.record("\(testCase.id) is required but cannot run: \(reason)")
      } else {
        print("skipped \(testCase.id): \(reason)")
      }
      return
    }

    try RuntimeLab.withCase(testCase) { running in
      var arguments = [String(running.pid), "--format", "json", "--profile", testCase.profile]
      if let hostPID = running.hostPID { arguments += ["--host-pid", String(hostPID)] }
      let run = try Binary.run(arguments)
      #expect(run.stderr == "")
      let findings = SeenFinding.all(in: try run.json())
      let mismatch = VerdictMismatch(findings: findings, expected: testCase.expected)
      #expect(mismatch.unexpected.isEmpty, "\(testCase.id): not in the verdict")
      #expect(mismatch.missing.isEmpty, "\(testCase.id): expected but not found")
      let failsOnError = findings.contains { $0.severity == "error" }
      #expect(run.status == (failsOnError ? 1 : 0))

      for probe in testCase.probes ?? [] {
        let seen = try RuntimeLab.run(probe, on: running)
        Self.expectAgreement(of: findings, with: seen, at: probe.mount, in: testCase)
      }
    }
  }

  /// A mount the container can push mounts out of is a peer of the host
  /// (`propagation.host-peer`); one that receives the host's mounts without sending any is
  /// the host's slave (`propagation.host-slave`); one that does neither has no such
  /// finding.
  static func expectAgreement(
    of findings: [SeenFinding], with seen: RuntimeLab.ProbeResult, at mount: String,
    in testCase: VerdictMatrix.Case
  ) {
    let here = Set(findings.filter { $0.mountPoint == mount }.map(\.rule))
    let isPeer = here.contains("propagation.host-peer")
    let isSlave = here.contains("propagation.host-slave")
    let context = "\(testCase.id) at \(mount): probe saw \(seen), audit said \(here.sorted())"
    #expect(seen.containerToHost == isPeer, "\(context)")
    if isSlave { #expect(seen.hostToContainer && !seen.containerToHost, "\(context)") }
    if !isPeer && !isSlave { #expect(!seen.hostToContainer, "\(context)") }
  }
}
