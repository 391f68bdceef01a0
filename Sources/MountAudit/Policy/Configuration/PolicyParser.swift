import Foundation

extension Profile {
  /// The largest policy file mountaudit reads, in bytes.
  public static let policyFileLimit = 1 << 20

  /// Reads the policy file at `path` (docs/policy.md, docs/policy.schema.json).
  ///
  /// Throws `.cannotRead` when the file cannot be read and `.invalidPolicy` when it is not
  /// a valid policy; both stop the audit (exit status 2).
  public init(policyFile path: String) throws(AuditError) {
    let bytes = try SystemCall.readAll(path: path, limit: Self.policyFileLimit)
    do {
      try self.init(policyJSON: bytes, source: path)
    } catch {
      throw .invalidPolicy(error)
    }
  }

  /// Reads a policy document; `source` names it in errors and in reports.
  ///
  /// The document starts from the built-in profile its `extends` names (`default` when
  /// absent): each list it gives replaces that profile's, and each `rules` entry changes
  /// one rule's settings. Unknown keys, unknown rule IDs and malformed values are errors
  /// naming the JSON path of the bad value.
  public init(policyJSON bytes: [UInt8], source: String) throws(PolicyError) {
    self = try PolicyParser(source: source).profile(from: bytes)
  }
}

/// Turns a policy document into a `Profile`, checking every value on the way.
struct PolicyParser {
  /// The file name for errors.
  var source: String

  static let documentKeys = [
    "$schema", "description", "exceptions", "expectedBinds", "extends", "maskedPaths",
    "readOnlyPaths", "rules", "runtimeSockets", "sensitivePaths",
  ]

  func profile(from bytes: [UInt8]) throws(PolicyError) -> Profile {
    let document: Any
    do {
      document = try JSONSerialization.jsonObject(with: Data(bytes), options: .fragmentsAllowed)
    } catch {
      let detail = (error as NSError).userInfo["NSDebugDescription"] as? String
      throw PolicyError(
        file: source, path: nil, problem: "not valid JSON" + (detail.map { ": \($0)" } ?? ""))
    }
    let root = try object(document, at: "$", keys: Self.documentKeys)
    if let schema = root["$schema"] { _ = try string(schema, at: "$['$schema']") }

    var profile = Profile.standard
    if let extends = root["extends"] {
      let names = Profile.builtIn.map(\.name)
      let name = try? string(extends, at: "$.extends")
      guard let name, let base = Profile.named(name) else {
        throw error(at: "$.extends", "expected a built-in profile: \(Self.list(names, "or"))")
      }
      profile = base
    }
    profile.source = source
    if let text = root["description"] {
      profile.summary = try string(text, at: "$.description")
    }
    if let list = root["maskedPaths"] { profile.maskedPaths = try paths(list, at: "$.maskedPaths") }
    if let list = root["readOnlyPaths"] {
      profile.readOnlyPaths = try paths(list, at: "$.readOnlyPaths")
    }
    if let list = root["sensitivePaths"] {
      profile.sensitivePaths = try paths(list, at: "$.sensitivePaths")
    }
    if let list = root["runtimeSockets"] {
      profile.runtimeSockets = try paths(list, at: "$.runtimeSockets")
    }
    if let list = root["rules"] { try applyRules(list, to: &profile) }
    if let list = root["expectedBinds"] {
      profile.expectedBinds = try expectedBinds(list, at: "$.expectedBinds")
    }
    if let list = root["exceptions"] {
      profile.exceptions = try exceptions(list, at: "$.exceptions")
    }
    return profile
  }

  // MARK: - Sections

  /// `rules`: `[{"rule": ID, "enabled": BOOL, "severity": SEVERITY}]`, each rule once.
  private func applyRules(_ value: Any, to profile: inout Profile) throws(PolicyError) {
    var seen: [String: String] = [:]
    for (index, item) in try array(value, at: "$.rules").enumerated() {
      let path = JSONPath.element(index, of: "$.rules")
      let entry = try object(item, at: path, keys: ["enabled", "rule", "severity"])
      let rulePath = JSONPath.member("rule", of: path)
      let id = try ruleID(entry["rule"], at: rulePath)
      if let earlier = seen[id] {
        throw error(at: rulePath, "expected each rule once: '\(id)' is also at \(earlier)")
      }
      seen[id] = rulePath
      if RuleRegistry.rule(id: id)?.metadata.isLocked == true {
        throw error(
          at: rulePath,
          "expected a rule a policy may change: '\(id)' says the report is incomplete, and is "
            + "never disabled or given another severity")
      }
      guard entry["enabled"] != nil || entry["severity"] != nil else {
        throw error(at: path, "expected enabled or severity")
      }
      if let enabled = entry["enabled"] {
        if try bool(enabled, at: JSONPath.member("enabled", of: path)) {
          profile.disabledRules.remove(id)
        } else {
          profile.disabledRules.insert(id)
        }
      }
      if let severity = entry["severity"] {
        let severityPath = JSONPath.member("severity", of: path)
        guard let text = severity as? String, let level = Severity(rawValue: text) else {
          throw error(at: severityPath, "expected error, warning or note")
        }
        profile.severityOverrides[id] = level
      }
    }
  }

  /// `expectedBinds`: `[{"hostPath": PATTERN, "mountPoint": PATTERN}]`.
  private func expectedBinds(_ value: Any, at path: String) throws(PolicyError)
    -> [ExpectedBind]
  {
    var binds: [ExpectedBind] = []
    for (index, item) in try array(value, at: path).enumerated() {
      let itemPath = JSONPath.element(index, of: path)
      let entry = try object(item, at: itemPath, keys: ["hostPath", "mountPoint"])
      let bind = ExpectedBind(
        hostPath: try pattern(entry["hostPath"], at: JSONPath.member("hostPath", of: itemPath)),
        mountPoint: try pattern(
          entry["mountPoint"], at: JSONPath.member("mountPoint", of: itemPath)))
      if let earlier = binds.firstIndex(of: bind) {
        throw error(
          at: itemPath,
          "expected each bind once: it is also at \(JSONPath.element(earlier, of: path))")
      }
      binds.append(bind)
    }
    return binds
  }

  /// `exceptions`: `[{"rule": ID, "mountPoint" or "hostPath": PATTERN, "reason": TEXT,
  /// "expires": "YYYY-MM-DD"}]`.
  private func exceptions(_ value: Any, at path: String) throws(PolicyError)
    -> [PolicyException]
  {
    var exceptions: [PolicyException] = []
    for (index, item) in try array(value, at: path).enumerated() {
      let itemPath = JSONPath.element(index, of: path)
      let entry = try object(
        item, at: itemPath, keys: ["expires", "hostPath", "mountPoint", "reason", "rule"])
      let rulePath = JSONPath.member("rule", of: itemPath)
      let id = try ruleID(entry["rule"], at: rulePath)
      if RuleRegistry.rule(id: id)?.metadata.isLocked == true {
        throw error(
          at: rulePath, "expected a rule a policy may change: '\(id)' cannot be excepted")
      }
      if RuleRegistry.rule(id: id)?.metadata.runsAfterExceptions == true {
        throw error(
          at: rulePath,
          "expected a rule that judges mounts: '\(id)' cannot be excepted "
            + "(disable it under rules instead)")
      }
      let subject: PolicyException.Subject
      switch (entry["mountPoint"], entry["hostPath"]) {
      case (let mountPoint?, nil):
        subject = .mountPoint(
          try pattern(mountPoint, at: JSONPath.member("mountPoint", of: itemPath)))
      case (nil, let hostPath?):
        subject = .hostPath(try pattern(hostPath, at: JSONPath.member("hostPath", of: itemPath)))
      case (.some, .some):
        throw error(at: itemPath, "expected mountPoint or hostPath, not both")
      case (nil, nil):
        throw error(at: itemPath, "expected mountPoint or hostPath")
      }
      let reason = try string(entry["reason"], at: JSONPath.member("reason", of: itemPath))
      var expires: CalendarDate?
      if let date = entry["expires"] {
        expires = try calendarDate(date, at: JSONPath.member("expires", of: itemPath))
      }
      exceptions.append(
        PolicyException(
          rule: id, subject: subject, reason: reason, expires: expires, index: index))
    }
    return exceptions
  }

  // MARK: - Values

  /// An object whose keys are all among `keys`.
  private func object(_ value: Any?, at path: String, keys: [String]) throws(PolicyError)
    -> [String: Any]
  {
    guard let object = value as? [String: Any] else { throw error(at: path, "expected an object") }
    if let unknown = object.keys.sorted().first(where: { !keys.contains($0) }) {
      throw error(
        at: JSONPath.member(unknown, of: path),
        "expected one of the keys \(Self.list(keys.sorted(), "or"))")
    }
    return object
  }

  private func array(_ value: Any?, at path: String) throws(PolicyError) -> [Any] {
    guard let array = value as? [Any] else { throw error(at: path, "expected an array") }
    return array
  }

  /// A string with at least one character that is not white space.
  private func string(_ value: Any?, at path: String) throws(PolicyError) -> String {
    guard let text = value as? String,
      text.contains(where: { !$0.isWhitespace })
    else { throw error(at: path, "expected a non-empty string") }
    return text
  }

  /// `true` or `false`; Foundation reads both and numbers as `NSNumber`, and only the
  /// booleans have the `c` (char) type code.
  private func bool(_ value: Any?, at path: String) throws(PolicyError) -> Bool {
    guard let number = value as? NSNumber, String(cString: number.objCType) == "c" else {
      throw error(at: path, "expected true or false")
    }
    return number.boolValue
  }

  /// A list of absolute paths, each given once.
  private func paths(_ value: Any?, at path: String) throws(PolicyError) -> [ByteString] {
    var paths: [ByteString] = []
    var seen: [String: String] = [:]
    for (index, item) in try array(value, at: path).enumerated() {
      let itemPath = JSONPath.element(index, of: path)
      guard let text = item as? String else {
        throw error(at: itemPath, PathPattern.pathExpectation)
      }
      if let problem = PathPattern.problem(inListedPath: text) {
        throw error(at: itemPath, problem)
      }
      if let earlier = seen[text] {
        throw error(at: itemPath, "expected each path once: '\(text)' is also at \(earlier)")
      }
      seen[text] = itemPath
      paths.append(ByteString(text))
    }
    return paths
  }

  /// `{"exact": PATH}` or `{"glob": PATTERN}`.
  private func pattern(_ value: Any?, at path: String) throws(PolicyError) -> PathPattern {
    let expectation = #"expected {"exact": PATH} or {"glob": PATTERN}"#
    guard let object = value as? [String: Any], object.count == 1,
      let (kind, item) = object.first, kind == "exact" || kind == "glob"
    else { throw error(at: path, expectation) }
    let itemPath = JSONPath.member(kind, of: path)
    let text = item as? String
    guard let text else {
      throw error(
        at: itemPath,
        kind == "exact" ? PathPattern.pathExpectation : PathPattern.globExpectation)
    }
    if kind == "exact" {
      if let problem = PathPattern.problem(inPath: text) { throw error(at: itemPath, problem) }
      return .exact(ByteString(text))
    }
    if let problem = PathPattern.problem(inGlob: text) { throw error(at: itemPath, problem) }
    return .glob(text)
  }

  /// The ID of a registered rule.
  private func ruleID(_ value: Any?, at path: String) throws(PolicyError) -> String {
    guard let id = value as? String else {
      throw error(at: path, "expected a rule ID ('mountaudit rules' lists them)")
    }
    guard RuleRegistry.rule(id: id) != nil else {
      throw error(at: path, "expected a rule ID that 'mountaudit rules' lists, not '\(id)'")
    }
    return id
  }

  private func calendarDate(_ value: Any?, at path: String) throws(PolicyError)
    -> CalendarDate
  {
    guard let text = value as? String else {
      throw error(at: path, "expected a date as YYYY-MM-DD")
    }
    guard let date = CalendarDate(parsing: text) else {
      throw error(at: path, "expected a date as YYYY-MM-DD, not '\(text)'")
    }
    return date
  }

  private func error(at path: String, _ problem: String) -> PolicyError {
    PolicyError(file: source, path: path, problem: problem)
  }

  /// `a, b and c`.
  private static func list(_ items: [String], _ conjunction: String) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items.last!
  }
}
