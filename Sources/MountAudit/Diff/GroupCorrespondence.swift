/// Compares groupings of mounts between two tables by their members, not by their numbers.
///
/// A grouping labels some mounts of each table (a peer-group number, a major:minor); the
/// numbers mean nothing across two tables, but which matched mounts share a label does.
/// Counting, over the matched pairs, how many carry each label on each side and each pair
/// of labels answers "does group g of the first table hold exactly the matched mounts that
/// group h of the second holds" in constant time, so a whole diff stays linear.
struct GroupCorrespondence<Label: Hashable> {
  private var beforeCount: [Label: Int] = [:]
  private var afterCount: [Label: Int] = [:]
  private var bothCount: [LabelPair: Int] = [:]

  private struct LabelPair: Hashable {
    var before: Label
    var after: Label
  }

  /// Counts the labels of the matched pairs (`before` index, `after` index).
  init(
    pairs: [(before: Int, after: Int)], before: (Int) -> Label?, after: (Int) -> Label?
  ) {
    for pair in pairs {
      let first = before(pair.before)
      let second = after(pair.after)
      if let first { beforeCount[first, default: 0] += 1 }
      if let second { afterCount[second, default: 0] += 1 }
      if let first, let second {
        bothCount[LabelPair(before: first, after: second), default: 0] += 1
      }
    }
  }

  /// Whether group `before` of the first table and group `after` of the second hold the
  /// same matched mounts; two absent groups are the same, one absent group is not.
  func haveSameMembers(_ before: Label?, _ after: Label?) -> Bool {
    switch (before, after) {
    case (nil, nil):
      return true
    case (let first?, let second?):
      let count = beforeCount[first, default: 0]
      return count == afterCount[second, default: 0]
        && count == bothCount[LabelPair(before: first, after: second), default: 0]
    default:
      return false
    }
  }
}
