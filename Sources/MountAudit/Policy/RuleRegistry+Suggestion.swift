extension RuleRegistry {
  /// The registered rule ID closest to `id`, to suggest after a typo, or `nil` when none
  /// is close.
  ///
  /// An ID that contains `id` (or that `id` contains, such as `host.runtime-socket` for
  /// `runtime-socket`) comes first; otherwise the ID within a third of its length in edits
  /// (insertions, deletions, substitutions) of `id`, the closest one.
  public static func suggestion(for id: String) -> String? {
    let wanted = id.lowercased()
    let ids = all.map(\.metadata.id)
    guard !wanted.isEmpty else { return nil }
    if let containing = ids.first(where: { $0.contains(wanted) || wanted.contains($0) }) {
      return containing
    }
    let scored = ids.map { ($0, editDistance(Array(wanted.utf8), Array($0.utf8))) }
    guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, best.0.count / 3)
    else { return nil }
    return best.0
  }

  /// The Levenshtein distance between two byte sequences.
  static func editDistance(_ left: [UInt8], _ right: [UInt8]) -> Int {
    var previous = Array(0...right.count)
    for (i, leftByte) in left.enumerated() {
      var current = [i + 1]
      for (j, rightByte) in right.enumerated() {
        let substitution = previous[j] + (leftByte == rightByte ? 0 : 1)
        current.append(min(previous[j + 1] + 1, current[j] + 1, substitution))
      }
      previous = current
    }
    return previous[right.count]
  }
}
