/// A named adjustment of the baseline for one kind of deployment: the paths its runtime
/// masks and makes read-only by default, and severities changed from the rules' defaults.
///
/// A runtime's profile expects exactly what that runtime does by default, so its correct
/// defaults give nothing above a note and a path it leaves open is still reported.
public struct Profile: Hashable, Sendable {
  /// The name given to `--profile`.
  public var name: String
  /// One line saying what the profile is for.
  public var summary: String
  /// The paths that must be masked (`proc.mask-missing`, `proc.mask-invalid`).
  public var maskedPaths: [ByteString]
  /// The paths that must be read-only (`proc.readonly-missing`).
  public var readOnlyPaths: [ByteString]
  /// Severities that differ from the rules' defaults, by rule ID.
  public var severityOverrides: [String: Severity]

  /// Creates a profile; the path lists default to the baseline's (runc's defaults).
  public init(
    name: String, summary: String, maskedPaths: [ByteString] = BaselinePaths.masked,
    readOnlyPaths: [ByteString] = BaselinePaths.readOnly,
    severityOverrides: [String: Severity] = [:]
  ) {
    self.name = name
    self.summary = summary
    self.maskedPaths = maskedPaths
    self.readOnlyPaths = readOnlyPaths
    self.severityOverrides = severityOverrides
  }

  /// Every path whose existence a live audit probes on the kernel.
  public var kernelPathsToProbe: [ByteString] { maskedPaths + readOnlyPaths }

  /// The read-only paths inside procfs as a procfs root field shows them (`/sys` for
  /// `/proc/sys`).
  var readOnlyProcfsRoots: [ByteString] {
    readOnlyPaths.filter { $0.isStrictlyBelow("/proc") }.map { $0.remainder(below: "/proc") }
  }

  /// The severity a finding gets under this profile.
  func severity(for finding: Finding) -> Severity {
    severityOverrides[finding.rule] ?? finding.severity
  }
}
