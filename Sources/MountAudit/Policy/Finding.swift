/// One thing the policy found wrong (or worth noting) about a mount table.
///
/// Findings are data: rules return them, reports print them, nothing throws them.
public struct Finding: Hashable, Sendable {
  /// The stable rule ID, e.g. `proc.missing`.
  public var rule: String
  /// The severity after the profile's adjustments.
  public var severity: Severity
  /// The mount concerned, if the finding is about one mount.
  public var mountID: UInt32?
  /// The mount point (or path, for path rules) concerned.
  public var mountPoint: ByteString?
  /// Where the mount's files live on the host, if known.
  public var hostPath: ByteString?
  /// One line that quotes the values involved.
  public var message: String
  /// How to fix it.
  public var remediation: String
  /// Where to read more: OCI runtime spec sections, CIS benchmark items, CVEs.
  public var references: [String]
  /// The input line, for findings about a line of the input.
  public var line: Int?
  /// Where in the policy file the finding points, for findings about the policy itself:
  /// `$.exceptions[2]`.
  public var policyLocation: String?

  /// Creates a finding.
  public init(
    rule: String, severity: Severity, mountID: UInt32? = nil, mountPoint: ByteString? = nil,
    hostPath: ByteString? = nil, message: String, remediation: String,
    references: [String] = [], line: Int? = nil
  ) {
    self.rule = rule
    self.severity = severity
    self.mountID = mountID
    self.mountPoint = mountPoint
    self.hostPath = hostPath
    self.message = message
    self.remediation = remediation
    self.references = references
    self.line = line
  }
}
