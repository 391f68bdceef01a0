import Foundation
import Testing

/// Starts real runc containers with `scripts/lab/runtimes/runc.sh` and always stops them.
///
/// The tests need root, runc, jq and busybox-static. Where those are missing the tests are
/// skipped, unless `MOUNTAUDIT_REQUIRE_INTEGRATION=1` (set by `.ci/run`), which makes the
/// missing lab a failure instead.
enum RuncLab {
  static let script = Binary.repositoryRoot.appendingPathComponent(
    "scripts/lab/runtimes/runc.sh")

  static var isRequired: Bool {
    ProcessInfo.processInfo.environment["MOUNTAUDIT_REQUIRE_INTEGRATION"] == "1"
  }

  /// Why the lab cannot run here, or `nil` when it can.
  static let unavailableReason: String? = {
    if geteuid() != 0 { return "not running as root" }
    for tool in ["runc", "jq"] where which(tool) == nil {
      return "\(tool) is not installed"
    }
    if !FileManager.default.fileExists(atPath: "/bin/busybox") {
      return "busybox-static is not installed"
    }
    return nil
  }()

  /// Whether to run the lab tests at all: when the lab works, or when it must.
  static var shouldRun: Bool { unavailableReason == nil || isRequired }

  private static func which(_ tool: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") {
      let candidate = "\(directory)/\(tool)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// Starts a container of `variant`, runs `body` with its PID and bundle directory, and
  /// stops the container and removes the bundle afterwards, whatever happens in `body`.
  static func withContainer<Result>(
    _ variant: String, _ body: (_ pid: Int32, _ bundle: String) throws -> Result
  ) throws -> Result {
    if let reason = unavailableReason {
      Issue.record("runc integration tests are required but cannot run: \(reason)")
      throw CancellationError()
    }
    let bundle = FileManager.default.temporaryDirectory
      .appendingPathComponent("mountaudit-test-\(UUID().uuidString.prefix(8))").path
    let name = "mountaudit-test-\(getpid())-\(variant)-\(UUID().uuidString.prefix(8))"
    defer {
      _ = try? shell(["stop", name, bundle])
      try? FileManager.default.removeItem(atPath: bundle)
    }
    let output = try shell(["start", variant, name, bundle])
    let pid = try #require(Int32(output.trimmingCharacters(in: .whitespacesAndNewlines)))
    let realBundle = URL(fileURLWithPath: bundle).resolvingSymlinksInPath().path
    return try body(pid, realBundle)
  }

  /// Runs the lab script and returns its stdout; a failure records stderr.
  @discardableResult
  private static func shell(_ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = script
    process.arguments = arguments
    let stdout = Pipe()
    process.standardOutput = stdout
    process.standardError = FileHandle.standardError
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw LabError(message: "runtimes/runc.sh \(arguments.joined(separator: " ")) failed")
    }
    return String(decoding: data, as: UTF8.self)
  }

  struct LabError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
  }
}
