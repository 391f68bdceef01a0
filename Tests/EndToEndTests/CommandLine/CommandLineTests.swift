import Foundation
import Testing

/// The command line as users meet it: commands, options, exit statuses and error lines.
@Suite("Command line")
struct CommandLineTests {
  static let defaultCase = "fixtures/runc/default/container.mountinfo"
  static let defaultHost = "fixtures/runc/default/host.mountinfo"
  static let leakyCase = "fixtures/runc/docker-sock/container.mountinfo"
  static let leakyHost = "fixtures/runc/docker-sock/host.mountinfo"

  @Test("--version prints the version and exits 0")
  func version() throws {
    let run = try Binary.run(["--version"])
    #expect(run.status == 0)
    #expect(run.text.hasPrefix("mountaudit 0."))
  }

  @Test("--help documents every command and exit status", arguments: ["--help", "help"])
  func help(argument: String) throws {
    let run = try Binary.run([argument])
    #expect(run.status == 0)
    for word in ["audit", "tree", "rules", "--fail-on", "64", "NO_COLOR"] {
      #expect(run.text.contains(word), "help lacks \(word)")
    }
  }

  @Test("a clean table exits 0 and a leaky one exits 1")
  func exitStatusFollowsFindings() throws {
    #expect(try Binary.run([Self.defaultCase, "--host", Self.defaultHost]).status == 0)
    #expect(try Binary.run(["audit", Self.leakyCase, "--host", Self.leakyHost]).status == 1)
  }

  @Test("options may come before TARGET")
  func optionsBeforeTarget() throws {
    let run = try Binary.run(["--host", Self.leakyHost, "--format=json", Self.leakyCase])
    #expect(run.status == 1)
    #expect(try run.json()["schemaVersion"] as? Int == 1)
  }

  @Test("--fail-on note turns notes into a failing status")
  func failOnNote() throws {
    let args = [Self.defaultCase, "--host", Self.defaultHost]
    #expect(try Binary.run(args + ["--fail-on", "error"]).status == 0)
    #expect(try Binary.run(args + ["--fail-on", "note"]).status == 1)
  }

  @Test("- reads the table from standard input")
  func standardInput() throws {
    let table = try Data(contentsOf: Binary.repositoryRoot.appendingPathComponent(Self.leakyCase))
    let run = try Binary.run(["-", "--host", Self.leakyHost, "--format", "json"], input: table)
    #expect(run.status == 1)
    let target = try #require(run.json()["target"] as? [String: Any])
    #expect(target["kind"] as? String == "stdin")
  }

  @Test("./1234 names a file, not a PID")
  func dotSlashDigitsIsAFile() throws {
    let run = try Binary.run(["./1234"])
    #expect(run.status == 2)
    #expect(run.stderr == "mountaudit: cannot read './1234': No such file or directory\n")
  }

  @Test(
    "usage errors exit 64 with one line and a pointer to --help",
    arguments: [
      (["--bogus"], "mountaudit: unknown option '--bogus'"),
      ([], "mountaudit: missing TARGET (a PID, a mountinfo file, or - for stdin)"),
      (
        ["x", "--format", "xml"],
        "mountaudit: invalid value 'xml' for '--format': expected text, json, sarif or junit"
      ),
      (
        ["x", "--fail-on", "fatal"],
        "mountaudit: invalid value 'fatal' for '--fail-on': "
          + "expected error, warning, note or never"
      ),
      (
        ["x", "--profile", "nope"],
        "mountaudit: unknown profile 'nope': expected one of "
          + "default, runc, crun, docker, podman, k8s, strict"
      ),
      (
        ["x", "--host", "a", "--host-pid", "1"],
        "mountaudit: '--host' and '--host-pid' cannot be used together"
      ),
      (["tree", "x", "--host", "a"], "mountaudit: option '--host' does not apply to 'tree'"),
      (
        ["x", "--host", "-"],
        "mountaudit: '--host' takes a file: standard input (-) is only for the table audited"
      ),
      (["rules", "extra"], "mountaudit: unexpected argument 'extra' for 'rules'"),
      (["x", "--format"], "mountaudit: missing value for '--format'"),
      (
        ["help", "nosuch"],
        "mountaudit: 'help' takes one command: audit, tree, diff, snapshot, rules, explain, policy"
      ),
      (["--version", "extra"], "mountaudit: '--version' takes no other argument"),
      ([""], "mountaudit: missing TARGET (a PID, a mountinfo file, or - for stdin)"),
      (["snapshot"], "mountaudit: 'snapshot' needs the PID of a running process"),
    ])
  func usageErrors(arguments: [String], message: String) throws {
    let run = try Binary.run(arguments)
    #expect(run.status == 64)
    #expect(run.stderr == message + "\nRun 'mountaudit --help' for usage.\n")
    #expect(run.stdout.isEmpty)
  }

  @Test(
    "inputs that cannot be audited exit 2 with one line naming them",
    arguments: [
      (
        ["/nonexistent/table"],
        "mountaudit: cannot read '/nonexistent/table': No such file or directory"
      ),
      (["/"], "mountaudit: cannot read '/': Is a directory"),
      (["/dev/null"], "mountaudit: '/dev/null' is not a mountinfo table: it is empty"),
      (
        ["fixtures/field-cases/README.md"],
        "mountaudit: 'fixtures/field-cases/README.md' is not a mountinfo table: "
          + "line 1: expected at least 7 fields, found 3"
      ),
      (["2147483647"], "mountaudit: no such process: PID 2147483647"),
    ])
  func inputErrors(arguments: [String], message: String) throws {
    let run = try Binary.run(arguments)
    #expect(run.status == 2)
    #expect(run.stderr == message + "\n")
    #expect(run.stdout.isEmpty)
  }

  @Test("a missing --host file is an error, not a silent skip")
  func missingHostFile() throws {
    let run = try Binary.run([Self.defaultCase, "--host", "/nonexistent/host"])
    #expect(run.status == 2)
    #expect(
      run.stderr == "mountaudit: cannot read '/nonexistent/host': No such file or directory\n")
  }

  @Test("an offline audit without a host table lists the host checks as skipped")
  func offlineWithoutHost() throws {
    let run = try Binary.run([Self.leakyCase, "--format", "json"])
    let skipped = try #require(run.json()["skipped"] as? [[String: Any]])
    let rules = Set(skipped.compactMap { $0["rule"] as? String })
    #expect(rules.contains("namespace.host"))
    #expect(rules.contains("propagation.host-peer"))
  }

  @Test("tree prints every mount with its propagation and exits 0")
  func tree() throws {
    let run = try Binary.run(["tree", "fixtures/field-cases/R22/input.mountinfo"])
    #expect(run.status == 0)
    #expect(run.text.hasPrefix("TARGET"))
    #expect(run.text.contains("shared:61,master:60"))
    #expect(run.text.contains("master:60,propagate_from:38"))
    #expect(run.text.contains("private,unbindable"))
  }

  @Test("tree --format json lists every mount with every field")
  func treeJSON() throws {
    let run = try Binary.run([
      "tree", "--format", "json", "fixtures/field-cases/R22/input.mountinfo",
    ])
    #expect(run.status == 0)
    let mounts = try #require(run.json()["mounts"] as? [[String: Any]])
    #expect(mounts.count == 10)
    let mount = try #require(mounts.first { $0["id"] as? Int == 143 })
    let propagation = try #require(mount["propagation"] as? [String: Any])
    #expect(propagation["master"] as? Int == 60)
    #expect(propagation["propagateFrom"] as? Int == 38)
  }

  @Test("rules lists every rule ID and exits 0")
  func rules() throws {
    let run = try Binary.run(["rules"])
    #expect(run.status == 0)
    for id in ["namespace.host", "proc.missing", "host.runtime-socket", "parse.invalid-line"] {
      #expect(run.text.contains(id))
    }
  }

  @Test("JSON output is byte-for-byte stable")
  func stableJSON() throws {
    let args = [Self.leakyCase, "--host", Self.leakyHost, "--format", "json"]
    #expect(try Binary.run(args).stdout == Binary.run(args).stdout)
  }

  @Test("text output has no colour when NO_COLOR is set or stdout is not a terminal")
  func noColour() throws {
    let run = try Binary.run(
      [Self.leakyCase, "--host", Self.leakyHost], environment: ["NO_COLOR": "1"])
    #expect(!run.text.contains("\u{1b}"))
  }
}
