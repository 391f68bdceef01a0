/// A finding the policy lets pass: a rule, the mount point or host path it concerns, the
/// reason, and optionally the last day it applies.
///
/// A finding an exception matches is kept in the report as excepted, with the reason, and
/// is neither counted nor considered for the exit status. An exception that matched
/// nothing is reported by `policy.unused-exception`, so stale ones get cleaned up; one past
/// its date no longer applies and is reported by `policy.expired-exception`.
public struct PolicyException: Hashable, Sendable, CustomStringConvertible {
  /// What an exception is matched against.
  public enum Subject: Hashable, Sendable {
    /// The finding's mount point (or path, for findings about a path).
    case mountPoint(PathPattern)
    /// The finding's host-side path, as the report shows it.
    case hostPath(PathPattern)
  }

  /// The ID of the rule whose findings it lets pass.
  public var rule: String
  /// The mount point or host path it concerns.
  public var subject: Subject
  /// Why the finding is acceptable; never empty.
  public var reason: String
  /// The last day it applies; `nil` for no end.
  public var expires: CalendarDate?
  /// Its position in the policy file's `exceptions` list, from 0.
  public var index: Int

  /// Creates an exception.
  public init(
    rule: String, subject: Subject, reason: String, expires: CalendarDate? = nil,
    index: Int = 0
  ) {
    self.rule = rule
    self.subject = subject
    self.reason = reason
    self.expires = expires
    self.index = index
  }

  /// Whether it still applies on `today`: it has no expiry date, or that day has not
  /// passed.
  public func isLive(on today: CalendarDate) -> Bool {
    guard let expires else { return true }
    return today <= expires
  }

  /// Whether `finding` is one of those it lets pass (whatever the date).
  public func matches(_ finding: Finding) -> Bool {
    guard finding.rule == rule else { return false }
    switch subject {
    case .mountPoint(let pattern):
      return finding.mountPoint.map(pattern.matches) ?? false
    case .hostPath(let pattern):
      return finding.hostPath.map(pattern.matches) ?? false
    }
  }

  /// Where it is in the policy file: `$.exceptions[2]`.
  public var location: String { "$.exceptions[\(index)]" }

  /// The rule and what it concerns: `host.bind at mount point glob '/data/**'`.
  public var description: String {
    switch subject {
    case .mountPoint(let pattern): "\(rule) at mount point \(pattern)"
    case .hostPath(let pattern): "\(rule) at host path \(pattern)"
    }
  }
}

/// A finding a live exception let pass, with that exception.
public struct ExceptedFinding: Hashable, Sendable {
  /// The finding, with the severity it would have had.
  public var finding: Finding
  /// The first exception, in policy order, that matched it.
  public var exception: PolicyException

  /// Pairs a finding with its exception.
  public init(finding: Finding, exception: PolicyException) {
    self.finding = finding
    self.exception = exception
  }
}
