import Foundation

/// Runs another program of the system (groff, man, bash, make) from the repository root.
enum Tool {
  /// The result of one run, as text.
  struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs `name` found on `PATH` with `arguments`, feeding `input` on stdin.
  static func run(
    _ name: String, _ arguments: [String], input: String = "",
    environment: [String: String] = [:]
  ) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [name] + arguments
    process.currentDirectoryURL = Binary.repositoryRoot
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("mountaudit-tool-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    // Both outputs go to files so that neither can fill a pipe while the other is read.
    let outputFile = directory.appendingPathComponent("stdout")
    let errorFile = directory.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: outputFile)
    process.standardError = try FileHandle(forWritingTo: errorFile)
    let stdin = Pipe()
    process.standardInput = stdin
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus,
      stdout: String(decoding: try Data(contentsOf: outputFile), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: errorFile), as: UTF8.self))
  }
}
