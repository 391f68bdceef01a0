import MountAudit

extension ArgumentParser {
  /// `mountaudit policy show PROFILE`
  static func policy(
    _ options: [String: String], _ positionals: [String]
  ) throws(UsageError) -> Invocation {
    try reject(options, allowed: [], command: "policy")
    guard positionals.first == "show" else {
      throw UsageError(message: "'policy' takes a subcommand: show PROFILE")
    }
    guard positionals.count >= 2 else {
      let names = Profile.builtIn.map(\.name).joined(separator: ", ")
      throw UsageError(message: "'policy show' needs a profile: \(names)")
    }
    try expect(positionals, count: 2, command: "policy show")
    return .showPolicy(profile: try profileName(positionals[1]))
  }

  /// `--policy FILE`, which cannot be combined with `--profile`: the file names its base
  /// profile with `extends`.
  static func policyFile(_ options: [String: String]) throws(UsageError) -> String? {
    guard let file = options["--policy"] else { return nil }
    guard options["--profile"] == nil else {
      throw UsageError(
        message: "'--profile' and '--policy' cannot be used together: a policy file names "
          + "its base profile with \"extends\"")
    }
    guard !file.isEmpty else { throw UsageError(message: "missing value for '--policy'") }
    return file
  }
}
