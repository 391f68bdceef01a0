import Foundation

/// The audits whose SARIF and JUnit reports the contract tests check: leaky runc variants,
/// a field case, a clean run, and hostile mount point names with and without a host table.
enum ReportCases {
  /// One audit: a container table and its host table, by path from the repository root.
  struct Case: CustomStringConvertible, Sendable {
    var name: String
    var container: String
    var host: String?

    /// The command line auditing this case, before `--format`.
    var arguments: [String] {
      ["audit", container] + (host.map { ["--host", $0] } ?? [])
    }

    var description: String { name }
  }

  /// A case of a folder holding `container.mountinfo` and `host.mountinfo`.
  static func folder(_ path: String) -> Case {
    Case(
      name: path, container: "fixtures/\(path)/container.mountinfo",
      host: "fixtures/\(path)/host.mountinfo")
  }

  static let hostile = Case(
    name: "hostile", container: "fixtures/hostile/leaky.mountinfo",
    host: "fixtures/hostile/host.mountinfo")

  static let all: [Case] = [
    folder("runtimes/runc-default"), folder("runtimes/runc-docker-sock"),
    folder("runtimes/runc-host-root"), folder("runtimes/runc-host-proc"),
    folder("runtimes/runc-privileged"), folder("runtimes/runc-rshared-volume"),
    folder("runtimes/runc-odd-paths"), folder("field-cases/R08"), hostile,
    Case(name: "hostile-no-host", container: "fixtures/hostile/container.mountinfo"),
  ]

  /// Runs every case with `--format format` (and `extra` arguments) and writes each report
  /// to a temporary file; returns the files, to be removed by the caller.
  static func reports(format: String, extra: [String] = []) throws -> [URL] {
    try all.map { testCase in
      let run = try Binary.run(testCase.arguments + ["--format", format] + extra)
      guard run.status == 0 || run.status == 1, run.stderr.isEmpty else {
        throw ReportError(message: "\(testCase): exit \(run.status): \(run.stderr)")
      }
      let file = FileManager.default.temporaryDirectory.appendingPathComponent(
        "mountaudit-\(testCase.name.replacingOccurrences(of: "/", with: "-"))-\(UUID()).\(format)")
      try run.stdout.write(to: file)
      return file
    }
  }

  struct ReportError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
  }
}
