/// The text of `mountaudit rules`: every rule with its ID, default severity and summary.
public enum RulesListing {
  /// One line per registered rule, in registry order, with aligned columns.
  public static func text(_ rules: [any Rule] = RuleRegistry.all) -> String {
    let width = rules.map(\.metadata.id.count).max() ?? 0
    var output = ""
    for rule in rules {
      let metadata = rule.metadata
      output += metadata.id + String(repeating: " ", count: width - metadata.id.count + 2)
      output += metadata.severity.rawValue
      output += String(repeating: " ", count: 9 - metadata.severity.rawValue.count)
      output += metadata.summary + "\n"
    }
    return output
  }
}
