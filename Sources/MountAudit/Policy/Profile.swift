/// A named adjustment of the baseline: severities changed for a kind of deployment.
public struct Profile: Hashable, Sendable {
  /// The name given to `--profile`.
  public var name: String
  /// One line saying what the profile is for.
  public var summary: String
  /// Severities that differ from the rules' defaults, by rule ID.
  public var severityOverrides: [String: Severity]

  /// Creates a profile.
  public init(name: String, summary: String, severityOverrides: [String: Severity] = [:]) {
    self.name = name
    self.summary = summary
    self.severityOverrides = severityOverrides
  }

  /// The container baseline as the rules define it.
  public static let standard = Profile(
    name: "default", summary: "the container baseline with each rule's default severity")

  /// The baseline for hardened deployments: a writable root filesystem is a warning.
  public static let strict = Profile(
    name: "strict", summary: "hardened deployments: a writable root filesystem is a warning",
    severityOverrides: ["rootfs.writable": .warning])

  /// Every built-in profile.
  public static let builtIn: [Profile] = [.standard, .strict]

  /// The built-in profile called `name`.
  public static func named(_ name: String) -> Profile? {
    builtIn.first { $0.name == name }
  }

  /// The severity a finding gets under this profile.
  func severity(for finding: Finding) -> Severity {
    severityOverrides[finding.rule] ?? finding.severity
  }
}
