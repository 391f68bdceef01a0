/// Makes the names a report gives its findings distinct, for tools that merge results of
/// one name: code scanning keeps one alert per SARIF fingerprint, and CI test reports one
/// test case per class and name.
///
/// A name shared by several findings (two findings of one rule on mounts stacked at one
/// mount point) gets the finding's host path added, and a name still shared gets its
/// position among those that share it (`2`, `3`, ...), in report order. A name no other
/// finding has is kept as it is, so that it stays the same from run to run.
enum DistinctNames {
  /// `names[i]` made distinct, using `findings[i]`'s host path and `suffix` to write the
  /// additions (`suffix(name, "host /run/docker.sock")`).
  static func make(
    _ names: [String], of findings: [Finding],
    adding suffix: (_ name: String, _ addition: String) -> String
  ) -> [String] {
    var result = names
    var counts: [String: Int] = [:]
    for name in names { counts[name, default: 0] += 1 }
    for index in result.indices where counts[names[index], default: 0] > 1 {
      if let hostPath = findings[index].hostPath {
        result[index] = suffix(names[index], "host " + PercentEncoding.path(hostPath.bytes))
      }
    }
    counts = [:]
    for name in result { counts[name, default: 0] += 1 }
    var seen: [String: Int] = [:]
    for index in result.indices where counts[result[index], default: 0] > 1 {
      let name = result[index]
      seen[name, default: 0] += 1
      if seen[name, default: 0] > 1 { result[index] = suffix(name, "\(seen[name, default: 0])") }
    }
    return result
  }
}
