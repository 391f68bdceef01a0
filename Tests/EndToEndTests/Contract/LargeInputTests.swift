import Foundation
import Testing

/// Inputs chosen to exhaust memory: a 300,000-mount table of a busy node, and a pipe that
/// never ends. Each must end in a report or a clear error, in memory that grows linearly
/// with the input and stops at the size limit.
@Suite("Large and endless input")
struct LargeInputTests {
  /// Memory allowed per byte of input, above `baseMemory`. A release build needs about 5
  /// (the libmount floor alone about 2.5): the table is read, parsed by libmount, copied
  /// into the model and its tree, and the report is written out as it is made.
  static let bytesPerInputByte = 6
  /// The runtime's own memory, and the 64 KiB output chunks.
  static let baseMemory = 64 << 20

  /// A 300,000-mount table from the benchmark's generator (a containerized kubelet's
  /// namespace on a busy node: overlays, secrets, tokens, peer groups, escaped paths).
  static let table: URL? = {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("mountaudit-large-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let file = folder.appendingPathComponent("node.mountinfo")
    let generator = Process()
    generator.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    generator.arguments = [
      Binary.repositoryRoot.appendingPathComponent("bench/generate-mountinfo.py").path,
      "--mounts", "300000", "--seed", "5", "--output", file.path, "--no-validate",
    ]
    generator.standardOutput = FileHandle.nullDevice
    guard (try? generator.run()) != nil else { return nil }
    generator.waitUntilExit()
    return generator.terminationStatus == 0 ? file : nil
  }()

  @Test(
    "a 300,000-mount table is audited and drawn in memory linear in its size",
    arguments: [["audit", "--format", "json"], ["tree", "--format", "json"], ["tree"]])
  func largeTable(command: [String]) throws {
    let table = try #require(Self.table, "bench/generate-mountinfo.py could not run")
    let size = try #require(
      try FileManager.default.attributesOfItem(atPath: table.path)[.size] as? Int)
    #expect(size > 100_000_000)

    let run = try Binary.measure([command[0], table.path] + command.dropFirst())
    #expect(run.status == (command[0] == "audit" ? 1 : 0), "\(run.stderr)")
    #expect(run.stderr.isEmpty)
    let budget = Self.bytesPerInputByte * size + Self.baseMemory
    #expect(
      run.peakMemory <= budget,
      "peak \(run.peakMemory >> 20) MiB, budget \(budget >> 20) MiB for \(size >> 20) MiB")
  }

  @Test("a pipe whose writer never stops is read up to 256 MiB, then refused")
  func endlessPipe() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("mountaudit-endless-\(UUID().uuidString)").path
    try #require(mkfifo(path, 0o600) == 0)
    defer { try? FileManager.default.removeItem(atPath: path) }
    // `yes` writes the same well-formed line forever; it dies of SIGPIPE once the reader
    // has gone.
    let writer = Process()
    writer.executableURL = URL(fileURLWithPath: "/bin/sh")
    writer.arguments = ["-c", "exec yes '36 35 98:0 / /mnt rw - ext3 /dev/sda1 rw' > \"$0\"", path]
    try writer.run()
    defer { if writer.isRunning { kill(writer.processIdentifier, SIGKILL) } }

    let run = try Binary.measure(["tree", path])
    #expect(run.status == 2)
    #expect(run.stderr == "mountaudit: cannot read '\(path)': larger than 256 MiB\n")
    #expect(run.peakMemory <= 2 * (256 << 20) + Self.baseMemory, "\(run.peakMemory >> 20) MiB")
    writer.waitUntilExit()
  }
}
