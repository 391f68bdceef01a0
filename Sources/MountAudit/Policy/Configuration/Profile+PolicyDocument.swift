extension Profile {
  /// The profile as a complete policy document, the one `mountaudit policy show NAME`
  /// prints: every key a policy may hold, `extends` naming the profile itself, so that
  /// `--policy` reads it back as this very profile (every list replaced by the same list)
  /// and the report names it.
  ///
  /// `rules` lists only the rules whose settings differ from the defaults, sorted by ID;
  /// the other lists keep the profile's order. Written with sorted keys, the same profile
  /// always gives the same bytes.
  public var policyDocument: JSONValue {
    var rules: [JSONValue] = []
    for id in Set(severityOverrides.keys).union(disabledRules).sorted() {
      var entry: [String: JSONValue] = ["rule": .string(id)]
      if disabledRules.contains(id) { entry["enabled"] = .bool(false) }
      if let severity = severityOverrides[id] { entry["severity"] = .string(severity.rawValue) }
      rules.append(.object(entry))
    }
    var document: [String: JSONValue] = [
      "description": .string(summary),
      "maskedPaths": Self.paths(maskedPaths),
      "readOnlyPaths": Self.paths(readOnlyPaths),
      "sensitivePaths": Self.paths(sensitivePaths),
      "runtimeSockets": Self.paths(runtimeSockets),
      "rules": .array(rules),
      "expectedBinds": .array(
        expectedBinds.map { bind in
          .object([
            "hostPath": Self.pattern(bind.hostPath),
            "mountPoint": Self.pattern(bind.mountPoint),
          ])
        }),
      "exceptions": .array(exceptions.map(Self.exception)),
    ]
    if Profile.builtIn.contains(where: { $0.name == name }) {
      document["extends"] = .string(name)
    }
    return .object(document)
  }

  private static func paths(_ paths: [ByteString]) -> JSONValue {
    .array(paths.map { .string($0.lossyText) })
  }

  private static func pattern(_ pattern: PathPattern) -> JSONValue {
    switch pattern {
    case .exact(let path): .object(["exact": .string(path.lossyText)])
    case .glob(let glob): .object(["glob": .string(glob)])
    }
  }

  /// An exception as a policy document writes it.
  static func exception(_ exception: PolicyException) -> JSONValue {
    var entry: [String: JSONValue] = [
      "rule": .string(exception.rule), "reason": .string(exception.reason),
    ]
    switch exception.subject {
    case .mountPoint(let pattern): entry["mountPoint"] = Self.pattern(pattern)
    case .hostPath(let pattern): entry["hostPath"] = Self.pattern(pattern)
    }
    if let expires = exception.expires { entry["expires"] = .string(expires.description) }
    return .object(entry)
  }
}
