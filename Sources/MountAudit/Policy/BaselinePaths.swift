/// The paths OCI runtimes mask or make read-only by default, in one place.
///
/// `proc.mask-missing`, `proc.mask-invalid` and `proc.readonly-missing` judge these paths,
/// and a live audit passes `all` to `KernelPaths.probe` to learn which of them the running
/// kernel has. The lists are runc's default `maskedPaths` and `readonlyPaths`.
public enum BaselinePaths {
  /// The paths a runtime covers with `/dev/null` (files) or a read-only tmpfs (directories).
  public static let masked: [ByteString] = [
    "/proc/acpi", "/proc/asound", "/proc/kcore", "/proc/keys", "/proc/latency_stats",
    "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi",
    "/sys/firmware",
  ]

  /// The paths a runtime binds read-only onto themselves.
  public static let readOnly: [ByteString] = [
    "/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger",
  ]

  /// Every path whose existence a live audit probes on the kernel.
  public static var all: [ByteString] { masked + readOnly }

  /// The read-only paths as a procfs root field shows them (`/sys` for `/proc/sys`).
  static let readOnlyProcfsRoots: [ByteString] = readOnly.map { $0.remainder(below: "/proc") }

  /// The severity of a baseline path that lacks its protection, or `nil` when the path
  /// is not reported at all.
  ///
  /// Live, the kernel decides: an error when the path exists, nothing when it does not
  /// (runtimes skip such paths). Offline, a table that protects none of the list's paths
  /// gets an error per path; one that protects some gets a note per missing path, since the
  /// runtime may have skipped it because the kernel lacks it.
  static func severityOfMissing(
    _ path: ByteString, protectedCount: Int, kernelPaths: KernelPaths?
  ) -> Severity? {
    if let kernelPaths { return kernelPaths.contains(path) ? .error : nil }
    return protectedCount == 0 ? .error : .note
  }
}
