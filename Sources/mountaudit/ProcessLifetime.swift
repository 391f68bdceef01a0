/// Results a command is done with, left for the process's exit to reclaim.
///
/// A report or a tree of a large table is hundreds of thousands of small heap blocks;
/// releasing them one by one after the output is written took about 5 % of a `tree` or a
/// `diff` (bench/where-the-time-goes.md), work the kernel does at once when the process
/// exits. Swift never destroys a global, so what is kept here is never released.
enum ProcessLifetime {
  // Only the main thread runs commands.
  nonisolated(unsafe) private static var kept: [Any] = []

  /// Keeps `value` alive until the process exits.
  static func keep(_ value: Any) {
    kept.append(value)
  }
}
