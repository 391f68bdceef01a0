/// The one list of every rule mountaudit runs, in the order `mountaudit rules` shows them.
///
/// A test checks that every rule appears once and every ID is unique.
public enum RuleRegistry {
  /// Every rule.
  public static let all: [any Rule] = [
    NamespaceHostRule(),
    // propagation, host and rootfs rules
    // proc, sys, cgroup and dev rules
    ProcMissingRule(),
    ParseInvalidLineRule(),
  ]

  /// The rule with ID `id`.
  public static func rule(id: String) -> (any Rule)? {
    all.first { $0.metadata.id == id }
  }
}
