/// The paths OCI runtimes mask or make read-only by default, in one place.
///
/// The lists are runc's default `maskedPaths` and `readonlyPaths`, which most runtimes
/// share; a `Profile` carries the lists `proc.mask-missing`, `proc.mask-invalid` and
/// `proc.readonly-missing` judge, and a live audit probes which of them the kernel has.
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
