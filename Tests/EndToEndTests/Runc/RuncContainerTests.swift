import Foundation
import Testing

/// Audits real runc containers by PID with the built binary and checks the exact findings
/// above a note: rule, mount point and host-side path.
@Suite("Real runc containers", .enabled(if: RuncLab.shouldRun))
struct RuncContainerTests {
  struct Seen: Hashable, CustomStringConvertible {
    var rule: String
    var mountPoint: String?
    var hostPath: String?
    var description: String { "\(rule) at \(mountPoint ?? "-") (host \(hostPath ?? "-"))" }
  }

  /// Audits `pid` as JSON and returns the exit status and the findings above a note.
  func audit(_ pid: Int32) throws -> (status: Int32, findings: Set<Seen>, report: [String: Any]) {
    let run = try Binary.run([String(pid), "--format", "json"])
    #expect(run.stderr == "")
    let report = try run.json()
    let findings = try #require(report["findings"] as? [[String: Any]])
    let seen = findings.filter { $0["severity"] as? String != "note" }.map {
      Seen(
        rule: $0["rule"] as? String ?? "", mountPoint: $0["mountPoint"] as? String,
        hostPath: $0["hostPath"] as? String)
    }
    return (run.status, Set(seen), report)
  }

  @Test("runc's default container exits 0 with nothing above a note")
  func defaultContainer() throws {
    try RuncLab.withContainer("default") { pid, _ in
      let result = try audit(pid)
      #expect(result.findings.isEmpty, "\(result.findings)")
      #expect(result.status == 0)
      let target = try #require(result.report["target"] as? [String: Any])
      #expect(target["pid"] as? Int == Int(pid))
      #expect((target["mountNamespace"] as? String)?.hasPrefix("mnt:[") == true)
      #expect(result.report["sameMountNamespace"] as? Bool == false)
      let host = try #require(result.report["host"] as? [String: Any])
      let notes = try #require(host["notes"] as? [String])
      let networkNotes = notes.filter { $0.contains("/ns/net") }
      if (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/1/ns/net")) == nil {
        #expect(networkNotes.count == 1, "\(notes)")
        #expect(networkNotes.first?.hasPrefix("/proc/1/ns/net is unreadable (") == true)
        #expect(
          networkNotes.first?.hasSuffix(
            "); the host network namespace is mountaudit's own (/proc/self/ns/net)") == true)
      } else {
        #expect(networkNotes.isEmpty, "\(notes)")
      }
    }
  }

  @Test("a socket bound at /var/run/docker.sock gives exactly host.runtime-socket there")
  func dockerSocket() throws {
    try RuncLab.withContainer("docker-sock") { pid, bundle in
      let result = try audit(pid)
      let expected = Seen(
        rule: "host.runtime-socket", mountPoint: "/var/run/docker.sock",
        hostPath: bundle + "/run/docker.sock")
      #expect(result.findings == [expected])
      #expect(result.status == 1)
    }
  }

  @Test("host /proc bound at /proc gives proc.host-instance at /proc")
  func hostProc() throws {
    try RuncLab.withContainer("host-proc") { pid, _ in
      let result = try audit(pid)
      #expect(
        result.findings == [
          Seen(rule: "proc.host-instance", mountPoint: "/proc", hostPath: "/proc")
        ])
      #expect(result.status == 1)
    }
  }

  @Test("host / at /host gives host.sensitive-path at /host, and only findings below /host")
  func hostRoot() throws {
    try RuncLab.withContainer("host-root") { pid, _ in
      let result = try audit(pid)
      #expect(
        result.findings.contains(
          Seen(rule: "host.sensitive-path", mountPoint: "/host", hostPath: "/")))
      for finding in result.findings {
        #expect(finding.mountPoint?.hasPrefix("/host") == true, "\(finding)")
      }
      #expect(result.status == 1)
    }
  }

  @Test("a privileged-like container shows its writable /sys, host /dev and missing masks")
  func privileged() throws {
    try RuncLab.withContainer("privileged") { pid, _ in
      let result = try audit(pid)
      let rules = Set(result.findings.map(\.rule))
      for rule in [
        "sys.writable", "dev.not-tmpfs", "dev.host-devtmpfs", "proc.mask-missing",
        "proc.readonly-missing", "cgroup.writable",
      ] {
        #expect(rules.contains(rule), "missing \(rule) in \(result.findings)")
      }
      #expect(result.status == 1)
    }
  }

  @Test("auditing the auditor's own process reports namespace.host")
  func ownNamespace() throws {
    let run = try Binary.run([String(getpid()), "--format", "json"])
    let findings = try #require(run.json()["findings"] as? [[String: Any]])
    #expect(findings.contains { $0["rule"] as? String == "namespace.host" })
    #expect(run.status == 1)
  }
}
