/// The text and JSON of `mountaudit explain RULE`: everything a user needs to act on one
/// rule's findings, from its metadata.
public struct RuleExplanation {
  /// The version of the JSON document's layout.
  public static let schemaVersion = 1

  /// The rule explained.
  public var metadata: RuleMetadata

  /// Creates the explanation of `rule`.
  public init(_ rule: any Rule) {
    self.metadata = rule.metadata
  }

  /// The built-in profiles that give the rule another severity than its default, by name,
  /// in the order `--help` lists the profiles.
  public var profileSeverities: [(profile: String, severity: Severity)] {
    Profile.builtIn.compactMap { profile in
      profile.severityOverrides[metadata.id].map { (profile.name, $0) }
    }
  }

  /// What the rule needs, one phrase per requirement, or what it runs on when it needs
  /// nothing beyond the target's table.
  public var needs: [String] {
    if metadata.requirements.isEmpty {
      return ["only the target's mount table: it runs on any input"]
    }
    return RuleRequirement.allCases.filter(metadata.requirements.contains).map(\.needs)
  }

  /// The text, wrapped to 80 columns.
  public var text: String {
    var severity = metadata.severity.rawValue
    for (profile, other) in profileSeverities {
      severity += " (\(other.rawValue) under --profile \(profile))"
    }
    var output = "\(metadata.id): \(metadata.summary)\n\n"
    output += "Default severity: \(severity)\n"
    output += Self.wrapped(needs.joined(separator: "; "), first: "Needs: ", rest: "  ")
    output += section("What it checks", paragraph: metadata.explanation)
    output += section("Why it matters", paragraph: metadata.rationale)
    output += section("How to fix", paragraph: metadata.remediation)
    output += section("References", items: metadata.references)
    output += section("Blind spots", items: metadata.blindSpots)
    return output
  }

  /// The JSON document, with sorted keys.
  public var document: JSONValue {
    .object([
      "schemaVersion": .integer(Self.schemaVersion),
      "id": .string(metadata.id),
      "severity": .string(metadata.severity.rawValue),
      "profileSeverities": .object(
        Dictionary(
          uniqueKeysWithValues: profileSeverities.map {
            ($0.profile, .string($0.severity.rawValue))
          }
        )),
      "summary": .string(metadata.summary),
      "explanation": .string(metadata.explanation),
      "rationale": .string(metadata.rationale),
      "remediation": .string(metadata.remediation),
      "references": .array(metadata.references.map(JSONValue.string)),
      "blindSpots": .array(metadata.blindSpots.map(JSONValue.string)),
      "requirements": .array(
        RuleRequirement.allCases.filter(metadata.requirements.contains).map {
          .string($0.rawValue)
        }),
    ])
  }

  private func section(_ title: String, paragraph: String) -> String {
    "\n\(title)\n" + Self.wrapped(paragraph, first: "  ", rest: "  ")
  }

  private func section(_ title: String, items: [String]) -> String {
    guard !items.isEmpty else { return "\n\(title)\n  none\n" }
    return "\n\(title)\n" + items.map { Self.wrapped($0, first: "  - ", rest: "    ") }.joined()
  }

  /// `text` wrapped at spaces to 80 columns, the first line after `first` and the others
  /// after `rest`; a word longer than a line stands alone on its line.
  static func wrapped(_ text: String, first: String, rest: String, width: Int = 80) -> String {
    var output = ""
    var line = first
    var lineHasWord = false
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      if lineHasWord && line.count + 1 + word.count > width {
        output += line + "\n"
        line = rest
        lineHasWord = false
      }
      line += (lineHasWord ? " " : "") + word
      lineHasWord = true
    }
    return output + line + "\n"
  }
}

extension RuleRequirement {
  /// What the requirement asks of the input, for `mountaudit explain`.
  var needs: String {
    switch self {
    case .hostTable:
      "the host's mount table (read live for a PID, stored in a snapshot, or given with "
        + "--host FILE or --host-pid N); without it the rule is skipped"
    case .liveNamespace:
      "the mount namespaces of the target and the host (known for a PID or a snapshot); "
        + "for a plain mountinfo file the rule is skipped"
    }
  }
}
