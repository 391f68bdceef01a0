/// What to audit and against what.
public struct AuditRequest: Sendable {
  /// The table to audit.
  public var target: TableOrigin
  /// The host reference to compare it with.
  public var host: HostChoice
  /// The profile that adjusts the baseline.
  public var profile: Profile

  /// Creates a request.
  public init(target: TableOrigin, host: HostChoice = .automatic, profile: Profile = .standard) {
    self.target = target
    self.host = host
    self.profile = profile
  }
}

/// Which table stands for the host.
public enum HostChoice: Hashable, Sendable {
  /// For a live target, PID 1 (or the auditor itself where PID 1 is unreadable); for a
  /// file, none.
  case automatic
  /// `--host-pid N`: the table and namespace of another process.
  case process(pid: Int32)
  /// `--host FILE`: a saved table.
  case file(path: String)
}
