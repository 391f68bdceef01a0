/// One thing the policy found wrong (or worth noting) about a mount table.
///
/// Findings are data: rules return them, reports print them, nothing throws them.
public struct Finding: Hashable, Sendable {
  /// The fields, shared between copies until one of them changes a field: rules, folding,
  /// sorting and reports pass findings around by the hundred thousand, and a copy then costs
  /// one reference count instead of one per field.
  private var storage: SharedFields<Fields>

  /// The stable rule ID, e.g. `proc.missing`.
  public var rule: String {
    get { storage.fields.rule }
    set { storage.update { $0.rule = newValue } }
  }
  /// The severity after the profile's adjustments.
  public var severity: Severity {
    get { storage.fields.severity }
    set { storage.update { $0.severity = newValue } }
  }
  /// The mount concerned, if the finding is about one mount.
  public var mountID: UInt32? {
    get { storage.fields.mountID }
    set { storage.update { $0.mountID = newValue } }
  }
  /// The mount point (or path, for path rules) concerned.
  public var mountPoint: ByteString? {
    get { storage.fields.mountPoint }
    set { storage.update { $0.mountPoint = newValue } }
  }
  /// Where the mount's files live on the host, if known.
  public var hostPath: ByteString? {
    get { storage.fields.hostPath }
    set { storage.update { $0.hostPath = newValue } }
  }
  /// One line that quotes the values involved.
  public var message: String {
    get { storage.fields.message }
    set { storage.update { $0.message = newValue } }
  }
  /// How to fix it.
  public var remediation: String {
    get { storage.fields.remediation }
    set { storage.update { $0.remediation = newValue } }
  }
  /// Where to read more: OCI runtime spec sections, CIS benchmark items, CVEs.
  public var references: [String] {
    get { storage.fields.references }
    set { storage.update { $0.references = newValue } }
  }
  /// The input line, for findings about a line of the input.
  public var line: Int? {
    get { storage.fields.line }
    set { storage.update { $0.line = newValue } }
  }
  /// Where in the policy file the finding points, for findings about the policy itself:
  /// `$.exceptions[2]`.
  public var policyLocation: String? {
    get { storage.fields.policyLocation }
    set { storage.update { $0.policyLocation = newValue } }
  }

  /// Creates a finding.
  public init(
    rule: String, severity: Severity, mountID: UInt32? = nil, mountPoint: ByteString? = nil,
    hostPath: ByteString? = nil, message: String, remediation: String,
    references: [String] = [], line: Int? = nil
  ) {
    storage = SharedFields(
      Fields(
        rule: rule, severity: severity, mountID: mountID, mountPoint: mountPoint,
        hostPath: hostPath, message: message, remediation: remediation, references: references,
        line: line))
  }

  /// Whether two findings have the same fields.
  public static func == (lhs: Finding, rhs: Finding) -> Bool { lhs.storage == rhs.storage }

  /// Hashes every field.
  public func hash(into hasher: inout Hasher) { storage.hash(into: &hasher) }

  private struct Fields: Hashable, Sendable {
    var rule: String
    var severity: Severity
    var mountID: UInt32?
    var mountPoint: ByteString?
    var hostPath: ByteString?
    var message: String
    var remediation: String
    var references: [String]
    var line: Int?
    var policyLocation: String? = nil
  }
}
