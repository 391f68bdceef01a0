/// Which of the paths that runtimes mask or make read-only exist on the running kernel.
///
/// Runtimes skip a masked or read-only path the kernel does not have. Existence is read
/// from the auditor's own `/proc` and `/sys` (same kernel as the container), never through
/// the container's root, so nothing the container planted can redirect it.
public struct KernelPaths: Hashable, Sendable {
  /// The paths that exist.
  public var existing: Set<ByteString>

  /// Creates the set from known paths.
  public init(existing: Set<ByteString>) {
    self.existing = existing
  }

  /// Checks each of `paths` on the auditor's host.
  public static func probe(_ paths: [ByteString]) -> KernelPaths {
    KernelPaths(existing: Set(paths.filter { SystemCall.exists($0.lossyText) }))
  }

  /// Whether `path` exists on the kernel.
  public func contains(_ path: ByteString) -> Bool { existing.contains(path) }
}
