import Foundation
import Testing

/// Runs the built `mountaudit` executable and captures what it prints.
enum Binary {
  /// The result of one run.
  struct Run {
    var status: Int32
    var stdout: Data
    var stderr: String

    var text: String { String(decoding: stdout, as: UTF8.self) }

    /// stdout parsed as a JSON object.
    func json() throws -> [String: Any] {
      let object = try JSONSerialization.jsonObject(with: stdout)
      return try #require(object as? [String: Any])
    }
  }

  /// The executable, built next to the test bundle by `swift build` / `swift test`.
  static let url: URL = {
    let testBundle = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    return testBundle.deletingLastPathComponent().appendingPathComponent("mountaudit")
  }()

  /// The repository root, where fixture paths in golden files are relative to.
  static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// Runs the binary with `arguments` from the repository root, feeding `input` on stdin.
  static func run(_ arguments: [String], input: Data? = nil, environment: [String: String] = [:])
    throws -> Run
  {
    try launch(url, arguments, input: input, environment: environment)
  }

  /// Runs a copy of the binary as user nobody (through setpriv), from a folder nobody may
  /// enter, since the build folder is often root's alone.
  static func runAsNobody(_ arguments: [String]) throws -> Run {
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("mountaudit-nobody-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(
      at: scratch, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
    defer { try? FileManager.default.removeItem(at: scratch) }
    let copy = scratch.appendingPathComponent("mountaudit")
    try FileManager.default.copyItem(at: url, to: copy)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: copy.path)
    return try launch(
      URL(fileURLWithPath: "/usr/bin/setpriv"),
      ["--reuid=65534", "--regid=65534", "--clear-groups", copy.path] + arguments)
  }

  private static func launch(
    _ executable: URL, _ arguments: [String], input: Data? = nil,
    environment: [String: String] = [:]
  ) throws -> Run {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = repositoryRoot
    var env = ProcessInfo.processInfo.environment
    env.merge(environment) { $1 }
    process.environment = env
    let stdout = Pipe()
    let stdin = Pipe()
    // stderr goes to a file so that it cannot fill a pipe while stdout is being read.
    let errorFile = FileManager.default.temporaryDirectory
      .appendingPathComponent("mountaudit-stderr-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errorFile) }
    process.standardOutput = stdout
    process.standardError = try FileHandle(forWritingTo: errorFile)
    process.standardInput = stdin
    try process.run()
    if let input { stdin.fileHandleForWriting.write(input) }
    try stdin.fileHandleForWriting.close()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let errorData = try Data(contentsOf: errorFile)
    return Run(
      status: process.terminationStatus, stdout: output,
      stderr: String(decoding: errorData, as: UTF8.self))
  }
}
