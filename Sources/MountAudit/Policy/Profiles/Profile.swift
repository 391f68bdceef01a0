/// A policy: what the baseline expects of a container and which findings it lets pass.
///
/// A profile is a policy. The built-in ones (`--profile NAME`) hold the paths a runtime
/// masks and makes read-only by default, so that its correct defaults give nothing above a
/// note; a policy file (`--policy FILE`, read by `Profile(policyJSON:source:)`) extends one
/// of them with rule settings, extra sensitive paths, runtime sockets and expected binds,
/// and exceptions. `mountaudit policy show NAME` prints a built-in profile as the policy
/// document that `--policy` reads back (docs/policy.md).
public struct Profile: Hashable, Sendable {
  /// The name given to `--profile`; for a policy file, the built-in profile it extends.
  public var name: String
  /// One line saying what the profile is for (a policy document's `description`).
  public var summary: String
  /// The policy file it was read from; `nil` for a built-in profile.
  public var source: String?
  /// The paths that must be masked (`proc.mask-missing`, `proc.mask-invalid`).
  public var maskedPaths: [ByteString]
  /// The paths that must be read-only (`proc.readonly-missing`).
  public var readOnlyPaths: [ByteString]
  /// Severities that differ from the rules' defaults, by rule ID. An override gives every
  /// finding of the rule that severity, whichever of its severities the rule chose.
  public var severityOverrides: [String: Severity]
  /// The IDs of rules that do not run; the report lists them as skipped.
  public var disabledRules: Set<String>
  /// Host paths `host.sensitive-path` treats as sensitive besides its own list.
  public var sensitivePaths: [ByteString]
  /// Host paths of runtime API sockets `host.runtime-socket` knows besides its own.
  public var runtimeSockets: [ByteString]
  /// Host paths that may be bound at given container paths without a `host.bind` note.
  public var expectedBinds: [ExpectedBind]
  /// Findings the policy lets pass, each with its reason.
  public var exceptions: [PolicyException]

  /// Creates a profile; the path lists default to the baseline's (runc's defaults).
  public init(
    name: String, summary: String, source: String? = nil,
    maskedPaths: [ByteString] = BaselinePaths.masked,
    readOnlyPaths: [ByteString] = BaselinePaths.readOnly,
    severityOverrides: [String: Severity] = [:], disabledRules: Set<String> = [],
    sensitivePaths: [ByteString] = [], runtimeSockets: [ByteString] = [],
    expectedBinds: [ExpectedBind] = [], exceptions: [PolicyException] = []
  ) {
    self.name = name
    self.summary = summary
    self.source = source
    self.maskedPaths = maskedPaths
    self.readOnlyPaths = readOnlyPaths
    self.severityOverrides = severityOverrides
    self.disabledRules = disabledRules
    self.sensitivePaths = sensitivePaths
    self.runtimeSockets = runtimeSockets
    self.expectedBinds = expectedBinds
    self.exceptions = exceptions
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

  /// Whether the policy expects `mount`, whose files are at `hostPath` on the host.
  func expectsBind(_ mount: MountEntry, hostPath: ByteString) -> Bool {
    expectedBinds.contains { $0.matches(mountPoint: mount.mountPoint, hostPath: hostPath) }
  }
}
