import Foundation
import Testing

/// `mountaudit diff` run as a user runs it: exit statuses, inputs, usage errors, and a live
/// container whose table changes under it.
@Suite("diff command line")
struct DiffCommandLineTests {
  static let first = "fixtures/diff/runc-restart/first.mountinfo"
  static let dockerSock = "fixtures/runtimes/runc-docker-sock/container.mountinfo"

  @Test("equal tables exit 0, different tables exit 1, like diff(1)")
  func exitStatuses() throws {
    #expect(try Binary.run(["diff", Self.first, Self.first]).status == 0)
    let run = try Binary.run(["diff", Self.first, Self.dockerSock])
    #expect(run.status == 1)
    #expect(run.text.contains("+ /var/run/docker.sock  (mount 85)\n"))
  }

  @Test("one side may be standard input")
  func standardInput() throws {
    let input = try Data(contentsOf: Binary.repositoryRoot.appendingPathComponent(Self.first))
    let run = try Binary.run(["diff", "-", Self.first], input: input)
    #expect(run.status == 0)
    #expect(run.text.hasPrefix("--- stdin (25 mounts)\n+++ \(Self.first) (25 mounts)\n"))
  }

  @Test("an unreadable table exits 2 naming it")
  func unreadable() throws {
    let run = try Binary.run(["diff", Self.first, "fixtures/no-such.mountinfo"])
    #expect(run.status == 2)
    #expect(
      run.stderr
        == "mountaudit: cannot read 'fixtures/no-such.mountinfo': No such file or directory\n")
  }

  @Test(
    "usage errors exit 64 with one line",
    arguments: [
      (
        ["diff", "a"],
        "mountaudit: 'diff' needs two tables: A and B (each a PID, a mountinfo file, a snapshot or -)"
      ),
      (["diff", "a", "b", "c"], "mountaudit: unexpected argument 'c' for 'diff'"),
      (["diff", "-", "-"], "mountaudit: only one of A and B can be - (standard input)"),
      (
        ["diff", "a", "b", "--ignore", "size"],
        "mountaudit: invalid field 'size' for '--ignore': expected one of mount-point, parent, fstype, source, root, options, super-options, propagation, device, shadowing"
      ),
      (
        ["diff", "a", "b", "--match", "id"],
        "mountaudit: invalid value 'id' for '--match': expected auto, mount-id or mount-point"
      ),
      (
        ["diff", "a", "b", "--host", "h"],
        "mountaudit: option '--host' applies to 'diff' only with '--audit'"
      ),
      (["diff", "a", "b", "--audit=yes"], "mountaudit: option '--audit' takes no value"),
    ])
  func usageErrors(arguments: [String], message: String) throws {
    let run = try Binary.run(arguments)
    #expect(run.status == 64)
    #expect(run.stderr.hasPrefix(message + "\n"))
  }

  @Test("--audit compares findings: the socket appears, and nothing else")
  func auditComparison() throws {
    let run = try Binary.run([
      "diff", "--audit", "fixtures/runtimes/runc-default/container.mountinfo", Self.dockerSock,
      "--host", "fixtures/runtimes/runc-default/host.mountinfo", "--format", "json",
    ])
    #expect(run.status == 1)
    let report = try run.json()
    let appeared = try #require(report["appeared"] as? [[String: Any]])
    #expect(appeared.map { $0["rule"] as? String } == ["host.runtime-socket"])
    #expect(appeared.map { $0["mountPoint"] as? String } == ["/var/run/docker.sock"])
    #expect((report["resolved"] as? [Any])?.isEmpty == true)
  }
}

/// A live container: its table saved, then a tmpfs mounted inside it, then diffed.
@Suite("diff of a live container", .enabled(if: RuncLab.shouldRun))
struct LiveDiffTests {
  @Test("a tmpfs mounted inside a running container is exactly what the diff adds")
  func mountInsideContainer() throws {
    try RuncLab.withContainer("default") { pid, bundle in
      let saved = bundle + "/before.mountinfo"
      try Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/mountinfo")).write(
        to: URL(fileURLWithPath: saved))
      #expect(try Binary.run(["diff", saved, String(pid)]).status == 0)

      let mount = Process()
      mount.executableURL = URL(fileURLWithPath: "/usr/bin/nsenter")
      mount.arguments = ["-t", String(pid), "-m", "mount", "-t", "tmpfs", "probe", "/tmp"]
      try mount.run()
      mount.waitUntilExit()
      try #require(mount.terminationStatus == 0)

      let run = try Binary.run(["diff", saved, String(pid), "--format", "json"])
      #expect(run.status == 1)
      let changes = try #require(run.json()["changes"] as? [[String: Any]])
      #expect(changes.count == 1)
      #expect(changes.first?["change"] as? String == "added")
      #expect(changes.first?["mountPoint"] as? String == "/tmp")
      let after = try #require(changes.first?["after"] as? [String: Any])
      #expect(after["fsType"] as? String == "tmpfs")
      #expect(after["source"] as? String == "probe")
    }
  }
}
