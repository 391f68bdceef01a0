/// mountaudit's version.
public enum Version {
  /// The version printed by `--version` and written into JSON reports.
  public static let current = "0.1.0"
}
