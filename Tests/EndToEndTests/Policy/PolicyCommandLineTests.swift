import Foundation
import Testing

/// `--policy FILE` and `policy show` with the built binary on runc's leaky capture.
@Suite("Policy command line")
struct PolicyCommandLineTests {
  static let leaky = [
    "fixtures/runc/docker-sock/container.mountinfo", "--host",
    "fixtures/runc/docker-sock/host.mountinfo",
  ]

  @Test("an exception silences a real leak, and the report keeps it with its reason")
  func exceptionSilencesALeak() throws {
    let policy = ["--policy", "fixtures/policy/docker-sock-excepted.json"]
    let text = try Binary.run(Self.leaky + policy)
    #expect(text.status == 0)
    #expect(
      text.text.contains(
        """
        excepted by the policy (not counted):
          error    host.runtime-socket  '/var/run/docker.sock' exposes the host's \
        '/var/lib/mountaudit-lab/docker-sock/run/docker.sock' (docker API socket)
              reason: the CI job builds images with the host's docker \
        ($.exceptions[0], until 2999-12-31)
        """))
    #expect(text.text.hasSuffix("0 errors, 0 warnings, 7 notes, 1 excepted\n"))
    #expect(
      text.text.contains(
        "profile: default, extended by the policy file fixtures/policy/docker-sock-excepted.json"
      ))

    let json = try Binary.run(Self.leaky + policy + ["--format", "json"]).json()
    #expect(json["policyFile"] as? String == "fixtures/policy/docker-sock-excepted.json")
    let excepted = try #require(json["excepted"] as? [[String: Any]])
    #expect(excepted.count == 1)
    let finding = try #require(excepted.first?["finding"] as? [String: Any])
    let exception = try #require(excepted.first?["exception"] as? [String: Any])
    #expect(finding["rule"] as? String == "host.runtime-socket")
    #expect(exception["reason"] as? String == "the CI job builds images with the host's docker")
    #expect(exception["index"] as? Int == 0)
    #expect(exception["expires"] as? String == "2999-12-31")
    let findings = try #require(json["findings"] as? [[String: Any]])
    #expect(!findings.contains { $0["rule"] as? String == "host.runtime-socket" })
    #expect((json["summary"] as? [String: Any])?["error"] as? Int == 0)
  }

  @Test("without the policy the same table fails")
  func withoutPolicyTheLeakFails() throws {
    #expect(try Binary.run(Self.leaky).status == 1)
  }

  @Test("an exception that matched nothing is a note naming its place in the file")
  func unusedExceptionIsANote() throws {
    let arguments = Self.leaky + ["--policy", "fixtures/policy/unused-exception.json"]
    let run = try Binary.run(arguments + ["--format", "json"])
    #expect(run.status == 0)
    let findings = try #require(run.json()["findings"] as? [[String: Any]])
    let notes = findings.filter { $0["rule"] as? String == "policy.unused-exception" }
    #expect(
      notes.map { $0["message"] as? String } == [
        "fixtures/policy/unused-exception.json: $.exceptions[1] (host.bind at mount point "
          + "glob '/srv/cache/**') matched no finding"
      ])
    #expect(notes.first?["severity"] as? String == "note")
    #expect(try run.json()["profile"] as? String == "runc")
    #expect(try Binary.run(arguments + ["--fail-on", "note"]).status == 1)
  }

  @Test("an expired exception stops applying and the report says so")
  func expiredExceptionStopsApplying() throws {
    let run = try Binary.run(
      Self.leaky + ["--policy", "fixtures/policy/docker-sock-expired.json", "--format", "json"])
    #expect(run.status == 1)
    let json = try run.json()
    #expect((json["excepted"] as? [Any])?.isEmpty == true)
    let findings = try #require(json["findings"] as? [[String: Any]])
    let rules = findings.compactMap { $0["rule"] as? String }
    #expect(rules.contains("host.runtime-socket"))
    #expect(
      findings.first { $0["rule"] as? String == "policy.expired-exception" }?["message"]
        as? String
        == "fixtures/policy/docker-sock-expired.json: $.exceptions[0] (host.runtime-socket at "
        + "mount point '/var/run/docker.sock') expired on 2020-01-31 and no longer applies")
  }

  @Test(
    "a bad or missing policy file stops the audit with exit 2 and one line",
    arguments: [
      (
        "fixtures/policy/bad-reason.json",
        "mountaudit: fixtures/policy/bad-reason.json: $.exceptions[2].reason: expected a "
          + "non-empty string"
      ),
      (
        "/nonexistent/policy.json",
        "mountaudit: cannot read '/nonexistent/policy.json': No such file or directory"
      ),
      (
        "fixtures/runc/README.md",
        "mountaudit: fixtures/runc/README.md: not valid JSON: Invalid value around character 0."
      ),
    ])
  func badPolicy(file: String, message: String) throws {
    let run = try Binary.run(Self.leaky + ["--policy", file])
    #expect(run.status == 2)
    #expect(run.stderr == message + "\n")
    #expect(run.stdout.isEmpty)
  }

  @Test(
    "policy usage errors exit 64",
    arguments: [
      (
        ["x", "--profile", "strict", "--policy", "p.json"],
        "mountaudit: '--profile' and '--policy' cannot be used together: a policy file names "
          + "its base profile with \"extends\""
      ),
      (["policy"], "mountaudit: 'policy' takes a subcommand: show PROFILE"),
      (
        ["policy", "show"],
        "mountaudit: 'policy show' needs a profile: default, runc, crun, docker, podman, k8s, "
          + "strict"
      ),
      (
        ["policy", "show", "rkt"],
        "mountaudit: unknown profile 'rkt': expected one of default, runc, crun, docker, "
          + "podman, k8s, strict"
      ),
      (["policy", "show", "k8s", "x"], "mountaudit: unexpected argument 'x' for 'policy show'"),
      (
        ["diff", "a", "b", "--policy", "p.json"],
        "mountaudit: option '--policy' applies to 'diff' only with '--audit'"
      ),
    ])
  func usageErrors(arguments: [String], message: String) throws {
    let run = try Binary.run(arguments)
    #expect(run.status == 64)
    #expect(run.stderr == message + "\nRun 'mountaudit --help' for usage.\n")
  }

  @Test(
    "policy show prints stable bytes that --policy reads back as the same profile",
    arguments: ["default", "runc", "crun", "docker", "podman", "k8s", "strict"])
  func showRoundTrips(profile: String) throws {
    let shown = try Binary.run(["policy", "show", profile])
    #expect(shown.status == 0)
    #expect(try Binary.run(["policy", "show", profile]).stdout == shown.stdout)
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("mountaudit-policy-\(profile)-\(UUID().uuidString).json")
    try shown.stdout.write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }

    for fixture in ["runc/privileged", "runc/default"] {
      let table = [
        "fixtures/\(fixture)/container.mountinfo", "--host",
        "fixtures/\(fixture)/host.mountinfo", "--format", "json",
      ]
      let byName = try Binary.run(table + ["--profile", profile])
      let byFile = try Binary.run(table + ["--policy", file.path])
      #expect(byFile.status == byName.status)
      let expected = try byName.json()
      let actual = try byFile.json()
      for key in ["findings", "skipped", "summary"] {
        #expect(expected[key] != nil)
        #expect(
          NSDictionary(dictionary: expected).object(forKey: key) as? NSObject
            == NSDictionary(dictionary: actual).object(forKey: key) as? NSObject,
          "\(profile) on \(fixture): \(key) differs")
      }
    }
  }

  @Test("diff --audit takes a policy: an excepted leak does not appear")
  func diffAuditTakesAPolicy() throws {
    let tables = [
      "diff", "--audit", "fixtures/runc/default/container.mountinfo",
      "fixtures/runc/docker-sock/container.mountinfo",
    ]
    #expect(try Binary.run(tables).status == 1)
    let run = try Binary.run(
      tables + ["--policy", "fixtures/policy/docker-sock-excepted.json", "--format", "json"])
    let appeared = try #require(run.json()["appeared"] as? [[String: Any]])
    #expect(!appeared.contains { $0["rule"] as? String == "host.runtime-socket" })
  }
}
