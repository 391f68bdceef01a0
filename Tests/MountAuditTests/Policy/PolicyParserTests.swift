import Testing

@testable import MountAudit

@Suite("Policy files")
struct PolicyParserTests {
  static func parse(_ json: String) throws(PolicyError) -> Profile {
    try Profile(policyJSON: Array(json.utf8), source: "policy.json")
  }

  @Test func aFullPolicyExtendsItsBaseAndReplacesTheListsItGives() throws {
    let profile = try Self.parse(
      """
      {
        "$schema": "../policy.schema.json",
        "description": "CI runners",
        "extends": "strict",
        "readOnlyPaths": ["/proc/sys"],
        "sensitivePaths": ["/srv/secrets"],
        "runtimeSockets": ["/srv/api/dockerd.sock"],
        "rules": [
          {"rule": "host.bind", "enabled": false},
          {"rule": "propagation.shared", "severity": "warning"}
        ],
        "expectedBinds": [
          {"hostPath": {"glob": "/srv/ci/*"}, "mountPoint": {"exact": "/builds"}}
        ],
        "exceptions": [
          {"rule": "host.runtime-socket", "mountPoint": {"exact": "/var/run/docker.sock"},
           "reason": "builds images", "expires": "2027-06-30"},
          {"rule": "host.sensitive-path", "hostPath": {"glob": "/etc/ssl/**"},
           "reason": "reads CA certificates"}
        ]
      }
      """)

    #expect(profile.name == "strict")
    #expect(profile.summary == "CI runners")
    #expect(profile.source == "policy.json")
    #expect(profile.maskedPaths == Profile.strict.maskedPaths)
    #expect(profile.readOnlyPaths == ["/proc/sys"])
    #expect(profile.sensitivePaths == ["/srv/secrets"])
    #expect(profile.runtimeSockets == ["/srv/api/dockerd.sock"])
    #expect(profile.disabledRules == ["host.bind"])
    #expect(
      profile.severityOverrides == ["rootfs.writable": .warning, "propagation.shared": .warning])
    #expect(
      profile.expectedBinds == [
        ExpectedBind(hostPath: .glob("/srv/ci/*"), mountPoint: .exact("/builds"))
      ])
    #expect(
      profile.exceptions == [
        PolicyException(
          rule: "host.runtime-socket", subject: .mountPoint(.exact("/var/run/docker.sock")),
          reason: "builds images", expires: CalendarDate(year: 2027, month: 6, day: 30),
          index: 0),
        PolicyException(
          rule: "host.sensitive-path", subject: .hostPath(.glob("/etc/ssl/**")),
          reason: "reads CA certificates", index: 1),
      ])
  }

  @Test func anEmptyPolicyIsTheDefaultProfile() throws {
    var profile = try Self.parse("{}")
    profile.source = nil
    #expect(profile == .standard)
  }

  @Test("every built-in profile reads back from the document policy show prints")
  func builtInProfilesRoundTrip() throws {
    for builtIn in Profile.builtIn {
      let bytes = builtIn.policyDocument.serialized()
      var profile = try Profile(policyJSON: bytes, source: "shown.json")
      #expect(profile.source == "shown.json")
      profile.source = nil
      #expect(profile == builtIn, "\(builtIn.name)")
    }
  }

  @Test("a policy with everything round-trips through its document")
  func everyFieldRoundTrips() throws {
    let original = try Self.parse(
      """
      {"rules": [{"rule": "host.bind", "enabled": false, "severity": "warning"}],
       "expectedBinds": [{"hostPath": {"exact": "/srv"}, "mountPoint": {"glob": "/data/**"}}],
       "exceptions": [{"rule": "host.bind", "hostPath": {"exact": "/srv"}, "reason": "r",
                       "expires": "2030-01-02"}]}
      """)
    let again = try Profile(policyJSON: original.policyDocument.serialized(), source: "policy.json")
    #expect(again == original)
  }

  @Test(
    "each bad value is named by its JSON path and what was expected",
    arguments: [
      ("[]", "$: expected an object"),
      (
        #"{"exceptons": []}"#,
        "$.exceptons: expected one of the keys $schema, description, "
          + "exceptions, expectedBinds, extends, maskedPaths, readOnlyPaths, rules, "
          + "runtimeSockets or sensitivePaths"
      ),
      (
        #"{"extends": "rkt"}"#,
        "$.extends: expected a built-in profile: default, runc, "
          + "crun, docker, podman, k8s or strict"
      ),
      (#"{"$schema": 1}"#, "$['$schema']: expected a non-empty string"),
      (#"{"description": "  "}"#, "$.description: expected a non-empty string"),
      (#"{"maskedPaths": "/proc/kcore"}"#, "$.maskedPaths: expected an array"),
      (
        #"{"maskedPaths": ["/proc/kcore", "/proc/kcore/"]}"#,
        "$.maskedPaths[1]: expected an absolute path without empty, '.' or '..' components "
          + "or a trailing '/'"
      ),
      (
        #"{"sensitivePaths": ["/srv", "/srv"]}"#,
        "$.sensitivePaths[1]: expected each path once: '/srv' is also at $.sensitivePaths[0]"
      ),
      (
        #"{"runtimeSockets": ["run/x.sock"]}"#,
        "$.runtimeSockets[0]: expected an absolute path without empty, '.' or '..' "
          + "components or a trailing '/'"
      ),
      (
        #"{"readOnlyPaths": ["/proc/../etc"]}"#,
        "$.readOnlyPaths[0]: expected an absolute path without empty, '.' or '..' "
          + "components or a trailing '/'"
      ),
      (
        #"{"rules": [{"rule": "host.bnd", "enabled": false}]}"#,
        "$.rules[0].rule: expected a rule ID that 'mountaudit rules' lists, not 'host.bnd'"
      ),
      (
        #"{"rules": [{"enabled": false}]}"#,
        "$.rules[0].rule: expected a rule ID ('mountaudit rules' lists them)"
      ),
      (
        #"{"rules": [{"rule": "host.bind", "enabled": false}, {"rule": "host.bind","#
          + #" "severity": "error"}]}"#,
        "$.rules[1].rule: expected each rule once: 'host.bind' is also at $.rules[0].rule"
      ),
      (#"{"rules": [{"rule": "host.bind"}]}"#, "$.rules[0]: expected enabled or severity"),
      (
        #"{"rules": [{"rule": "host.bind", "enabled": 0}]}"#,
        "$.rules[0].enabled: expected true or false"
      ),
      (
        #"{"rules": [{"rule": "host.bind", "severity": "fatal"}]}"#,
        "$.rules[0].severity: expected error, warning or note"
      ),
      (
        #"{"rules": [{"rule": "host.bind", "level": "note"}]}"#,
        "$.rules[0].level: expected one of the keys enabled, rule or severity"
      ),
      (
        #"{"exceptions": [{"rule": "host.bind", "mountPoint": {"exact": "/a"}}]}"#,
        "$.exceptions[0].reason: expected a non-empty string"
      ),
      (
        #"{"exceptions": [{"rule": "host.bind", "mountPoint": {"exact": "/a"}, "reason": ""}]}"#,
        "$.exceptions[0].reason: expected a non-empty string"
      ),
      (
        #"{"exceptions": [{"rule": "host.bind", "reason": "r"}]}"#,
        "$.exceptions[0]: expected mountPoint or hostPath"
      ),
      (
        #"{"exceptions": [{"rule": "host.bind", "reason": "r", "mountPoint": {"exact": "/a"},"#
          + #" "hostPath": {"exact": "/b"}}]}"#,
        "$.exceptions[0]: expected mountPoint or hostPath, not both"
      ),
      (
        #"{"exceptions": [{"rule": "host.bind", "reason": "r", "mountPoint": "/a"}]}"#,
        #"$.exceptions[0].mountPoint: expected {"exact": PATH} or {"glob": PATTERN}"#
      ),
      (
        #"{"exceptions": [{"rule": "host.bind", "reason": "r", "mountPoint": {"exact": "/a","#
          + #" "glob": "/b"}}]}"#,
        #"$.exceptions[0].mountPoint: expected {"exact": PATH} or {"glob": PATTERN}"#
      ),
      (
        #"{"exceptions": [{"rule": "host.bind", "reason": "r", "hostPath": {"glob": "/a/**/b"}}]}"#,
        "$.exceptions[0].hostPath.glob: expected an absolute glob without empty, '.' or '..' "
          + "components or a trailing '/', with '**' only as its last component"
      ),
      (
        #"{"exceptions": [{"rule": "host.bind", "reason": "r", "hostPath": {"exact": "/a//b"}}]}"#,
        "$.exceptions[0].hostPath.exact: expected an absolute path without empty, '.' or '..' "
          + "components or a trailing '/'"
      ),
      (
        #"{"exceptions": [{"rule": "host.bind", "reason": "r", "hostPath": {"exact": "/a"},"#
          + #" "expires": "2026-02-29"}]}"#,
        "$.exceptions[0].expires: expected a date as YYYY-MM-DD, not '2026-02-29'"
      ),
      (
        #"{"exceptions": [{"rule": "host.bind", "reason": "r", "hostPath": {"exact": "/a"},"#
          + #" "expires": "31.12.2026"}]}"#,
        "$.exceptions[0].expires: expected a date as YYYY-MM-DD, not '31.12.2026'"
      ),
      (
        #"{"exceptions": [{"rule": "host.bind", "reason": "r", "hostPath": {"exact": "/a"},"#
          + #" "expires": 20261231}]}"#,
        "$.exceptions[0].expires: expected a date as YYYY-MM-DD"
      ),
      (
        #"{"exceptions": [{"rule": "policy.unused-exception", "reason": "r","#
          + #" "hostPath": {"exact": "/a"}}]}"#,
        "$.exceptions[0].rule: expected a rule that judges mounts: 'policy.unused-exception' "
          + "cannot be excepted (disable it under rules instead)"
      ),
      (
        #"{"exceptions": [{"rule": "parse.invalid-line", "reason": "r","#
          + #" "mountPoint": {"glob": "/**"}}]}"#,
        "$.exceptions[0].rule: expected a rule a policy may change: 'parse.invalid-line' "
          + "cannot be excepted"
      ),
      (
        #"{"sensitivePaths": ["/srv/sock/*.sock"]}"#,
        "$.sensitivePaths[0]: expected an exact path: this list takes no glob ('*', '?' or '[')"
      ),
      (
        #"{"sensitivePaths": ["/a\u0000b"]}"#,
        "$.sensitivePaths[0]: expected a path without a NUL byte"
      ),
      (
        #"{"expectedBinds": [{"hostPath": {"glob": "/m/[a"}, "mountPoint": {"exact": "/m"}}]}"#,
        "$.expectedBinds[0].hostPath.glob: expected a glob whose '[' is closed by ']'"
      ),
      (
        #"{"expectedBinds": [{"hostPath": {"glob": "/m\\"}, "mountPoint": {"exact": "/m"}}]}"#,
        "$.expectedBinds[0].hostPath.glob: expected a glob that does not end in a lone backslash"
      ),
      (
        #"{"expectedBinds": [{"hostPath": {"exact": "/m"}, "mountPoint": {"exact": "/m"}},"#
          + #" {"hostPath": {"exact": "/m"}, "mountPoint": {"exact": "/m"}}]}"#,
        "$.expectedBinds[1]: expected each bind once: it is also at $.expectedBinds[0]"
      ),
      (
        #"{"rules": [{"rule": "parse.invalid-line", "enabled": false}]}"#,
        "$.rules[0].rule: expected a rule a policy may change: 'parse.invalid-line' says the "
          + "report is incomplete, and is never disabled or given another severity"
      ),
      (
        #"{"rules": [{"rule": "parse.invalid-line", "severity": "note"}]}"#,
        "$.rules[0].rule: expected a rule a policy may change: 'parse.invalid-line' says the "
          + "report is incomplete, and is never disabled or given another severity"
      ),
      (
        #"{"exceptions": [{"rule": "host.bind", "reason": "r", "hostPath": {"exact": "/a"},"#
          + #" "reasn": "x"}]}"#,
        "$.exceptions[0].reasn: expected one of the keys expires, hostPath, mountPoint, "
          + "reason or rule"
      ),
      (
        #"{"expectedBinds": [{"hostPath": {"exact": "/srv"}}]}"#,
        #"$.expectedBinds[0].mountPoint: expected {"exact": PATH} or {"glob": PATTERN}"#
      ),
      (
        #"{"expectedBinds": [{"hostPath": {"exact": "/srv"}, "mount point": {"exact": "/x"}}]}"#,
        "$.expectedBinds[0]['mount point']: expected one of the keys hostPath or mountPoint"
      ),
    ])
  func badValues(json: String, message: String) {
    do {
      _ = try Self.parse(json)
      Issue.record("accepted: \(json)")
    } catch {
      #expect(error.description == "policy.json: " + message)
    }
  }

  @Test func textThatIsNotJSONSaysWhereFoundationStopped() {
    do {
      _ = try Self.parse(#"{"extends": }"#)
      Issue.record("accepted text that is not JSON")
    } catch {
      #expect(
        error.description == "policy.json: not valid JSON: Invalid value around character 12.")
    }
  }
}
