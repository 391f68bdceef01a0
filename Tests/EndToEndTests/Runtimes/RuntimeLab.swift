import Foundation
import Testing

/// Starts the containers of the verdict matrix with `scripts/lab/lab.sh` and always stops
/// them, and runs propagation probes against them.
///
/// Needs root and the case's runtime. Where one is missing the case is skipped, unless
/// `MOUNTAUDIT_REQUIRE_INTEGRATION=1` (set by `.ci/run`) makes that a failure.
enum RuntimeLab {
  static let scripts = Binary.repositoryRoot.appendingPathComponent("scripts/lab")

  /// A running case: the PID to audit, the host reference and the work directory.
  struct Running {
    var pid: Int32
    /// The stand-in host's PID, or `nil` for this machine's own namespace.
    var hostPID: Int32?
    var workdir: String
  }

  /// Why `runtime` cannot run here, or `nil` when it can.
  static func unavailableReason(_ runtime: VerdictMatrix.Runtime) -> String? {
    if geteuid() != 0 { return "not running as root" }
    for command in runtime.commands + ["jq", "nsenter"] where !isInstalled(command) {
      return "\(command) is not installed (Debian package \(runtime.package))"
    }
    if !FileManager.default.fileExists(atPath: "/bin/busybox") {
      return "busybox-static is not installed"
    }
    return nil
  }

  private static func isInstalled(_ command: String) -> Bool {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/sbin:/usr/bin:/sbin:/bin"
    return path.split(separator: ":").contains {
      FileManager.default.isExecutableFile(atPath: "\($0)/\(command)")
    }
  }

  /// Starts `testCase`, runs `body` while it runs, and stops it and removes its work
  /// directory afterwards, whatever `body` does.
  static func withCase<Result>(
    _ testCase: VerdictMatrix.Case, _ body: (Running) throws -> Result
  ) throws -> Result {
    let workdir = FileManager.default.temporaryDirectory
      .appendingPathComponent("mountaudit-matrix-\(UUID().uuidString.prefix(8))")
      .resolvingSymlinksInPath().path
    defer {
      _ = try? run("lab.sh", ["stop", testCase.id, workdir])
      try? FileManager.default.removeItem(atPath: workdir)
    }
    let output = try run("lab.sh", ["start", testCase.id, workdir])
    let fields = output.split(whereSeparator: \.isWhitespace).map(String.init)
    let pid = try #require(fields.first.flatMap { Int32($0) }, "lab.sh printed '\(output)'")
    let hostPID = fields.count > 1 ? Int32(fields[1]) : nil
    let realWorkdir = URL(fileURLWithPath: workdir).resolvingSymlinksInPath().path
    return try body(Running(pid: pid, hostPID: hostPID, workdir: realWorkdir))
  }

  /// What a probe saw: whether a mount made on one side appeared on the other.
  struct ProbeResult: CustomStringConvertible {
    var hostToContainer: Bool
    var containerToHost: Bool

    var description: String {
      "host-to-container \(hostToContainer), container-to-host \(containerToHost)"
    }
  }

  /// Runs `probe` between the stand-in host and the container with
  /// `scripts/lab/propagation-probe.sh`.
  static func run(_ probe: VerdictMatrix.Probe, on running: Running) throws -> ProbeResult {
    let hostPID = try #require(running.hostPID, "probes need a stand-in host")
    let output = try run(
      "propagation-probe.sh",
      [
        String(hostPID), try expand(probe.hostDir, for: running), String(running.pid),
        try expand(probe.containerDir, for: running),
      ])
    let answers = Dictionary(
      output.split(separator: "\n").compactMap { line -> (String, Bool)? in
        let words = line.split(separator: " ")
        guard words.count == 2 else { return nil }
        return (String(words[0]), words[1] == "yes")
      }, uniquingKeysWith: { $1 })
    return ProbeResult(
      hostToContainer: try #require(answers["host-to-container"], "probe printed '\(output)'"),
      containerToHost: try #require(answers["container-to-host"], "probe printed '\(output)'"))
  }

  /// `template` with its placeholders filled in for `running`.
  static func expand(_ template: String, for running: Running) throws -> String {
    let container = running.workdir + "/container"
    var path = template.replacingOccurrences(of: "{container}", with: container)
      .replacingOccurrences(of: "{host}", with: running.workdir + "/host")
    if let start = path.range(of: "{cgroup:"),
      let end = path[start.upperBound...].firstIndex(of: "}")
    {
      let controller = String(path[start.upperBound..<end])
      let directory = try cgroupDirectory(of: running.pid, controller: controller)
      path.replaceSubrange(start.lowerBound...end, with: directory)
    }
    return path
  }

  /// The host directory of `pid`'s cgroup in the v1 hierarchy of `controller`, as
  /// `/proc/PID/cgroup` names it from the initial cgroup namespace.
  private static func cgroupDirectory(of pid: Int32, controller: String) throws -> String {
    let table = try String(contentsOfFile: "/proc/\(pid)/cgroup", encoding: .utf8)
    for line in table.split(separator: "\n") {
      let fields = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
      guard fields.count == 3, fields[1].split(separator: ",").contains(Substring(controller))
      else { continue }
      return "/sys/fs/cgroup/\(controller)" + (fields[2] == "/" ? "" : String(fields[2]))
    }
    throw LabError(message: "PID \(pid) is in no \(controller) cgroup")
  }

  /// Runs a lab script and returns its stdout; its stderr goes to the test's.
  @discardableResult
  private static func run(_ script: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = scripts.appendingPathComponent(script)
    process.arguments = arguments
    let stdout = Pipe()
    process.standardOutput = stdout
    process.standardError = FileHandle.standardError
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw LabError(message: "\(script) \(arguments.joined(separator: " ")) failed")
    }
    return String(decoding: data, as: UTF8.self)
  }

  struct LabError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
  }
}
