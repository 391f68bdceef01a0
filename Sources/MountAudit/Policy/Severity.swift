/// How serious a finding is. Ordered: `note` < `warning` < `error`.
public enum Severity: String, Comparable, CaseIterable, Sendable, Codable {
  /// Worth knowing in a review; not a weakness on its own.
  case note
  /// Weakens isolation or depends on the environment to be safe.
  case warning
  /// Breaks isolation: a path to the host or a known escape.
  case error

  private var rank: Int {
    switch self {
    case .note: 0
    case .warning: 1
    case .error: 2
    }
  }

  /// Orders by seriousness.
  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
