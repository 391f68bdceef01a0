/// The differences between two mount tables, mount by mount.
///
/// Mounts are matched by mount ID or by mount point (see `MountMatching`); each matched
/// pair is compared field by field. Across namespaces (matching by mount point), relations
/// (parent, propagation, device) are compared by which matched mounts they involve, never
/// by their numbers, so that two starts of one container diff as equal; within one
/// namespace read twice (matching by mount ID) the numbers mean the same thing in both
/// reads and are compared as well. Linear in the size of the tables.
public struct MountDiff: Sendable {
  /// The first table.
  public let before: MountTree
  /// The second table.
  public let after: MountTree
  /// How mounts were matched.
  public let matching: MountMatching
  /// The fields left out of the comparison.
  public let ignored: Set<DiffField>
  /// Every mount that was added, removed or changed, sorted by mount point, then position
  /// in the stack on that mount point, then removed before changed before added.
  public let changes: [MountChange]
  /// The number of matched mounts with no change.
  public let unchangedCount: Int

  /// Compares `before` with `after`, their values rewritten by `normalization` for the
  /// comparison (reports show them as read); shadowing, parents and propagation come from
  /// the tables as read.
  public init(
    _ before: MountTree, _ after: MountTree, matching: MountMatching,
    ignoring ignored: Set<DiffField> = [], normalization: TableNormalization = TableNormalization()
  ) {
    self.before = before
    self.after = after
    self.matching = matching
    self.ignored = ignored
    let normalized =
      normalization.rules.isEmpty
      ? nil
      : (
        normalization.apply(to: before.table).entries, normalization.apply(to: after.table).entries
      )
    let pairing = MountPairing(
      before, after, by: matching,
      normalizedMountPoints: normalized.map { ($0.0.map(\.mountPoint), $0.1.map(\.mountPoint)) })
    let comparison = MountComparison(
      before, after, pairing: pairing, ignoring: ignored,
      normalized: normalized ?? (before.entries, after.entries))
    let beforeKeys = MountPairing.stackKeys(before.entries)
    let afterKeys = MountPairing.stackKeys(after.entries)

    var changes: [MountChange] = []
    var unchanged = 0
    for (index, entry) in before.entries.enumerated() {
      guard let match = pairing.afterIndex[index] else {
        changes.append(
          MountChange(
            kind: .removed, before: entry, after: nil,
            notes: comparison.crossTableNotes(removed: index),
            stackPosition: beforeKeys[index].position))
        continue
      }
      let fields = comparison.fieldChanges(before: index, after: match)
      if fields.isEmpty {
        unchanged += 1
      } else {
        changes.append(
          MountChange(
            kind: .changed, before: entry, after: after.entries[match], fields: fields,
            stackPosition: afterKeys[match].position))
      }
    }
    for (index, entry) in after.entries.enumerated() where pairing.beforeIndex[index] == nil {
      changes.append(
        MountChange(
          kind: .added, before: nil, after: entry,
          notes: comparison.crossTableNotes(added: index),
          stackPosition: afterKeys[index].position))
    }
    changes.sort(by: Self.reportOrder)
    self.changes = changes
    self.unchangedCount = unchanged
  }

  /// Chooses the matching for `choice`: by mount ID when the tables are one namespace, by
  /// mount point otherwise.
  ///
  /// One namespace means the same namespace identity (the link's inode number and, where
  /// the kernel gives it, the never-reused 64-bit namespace ID) and the same root mount
  /// (same ID, device, root and type at `/`): the kernel recycles inode numbers as well as
  /// mount IDs, so two containers started one after the other can show the same link.
  public static func matching(
    for choice: MatchingChoice, _ before: MountTree, _ after: MountTree,
    namespaces: (before: NamespaceIdentity?, after: NamespaceIdentity?) = (nil, nil)
  ) -> MountMatching {
    switch choice {
    case .mountID: return .mountID
    case .mountPoint: return .mountPoint
    case .automatic:
      guard let first = namespaces.before, let second = namespaces.after, first == second,
        let firstRoot = before.visibleMount(at: "/"), let secondRoot = after.visibleMount(at: "/"),
        firstRoot.id == secondRoot.id, firstRoot.device == secondRoot.device,
        firstRoot.root == secondRoot.root, firstRoot.filesystemType == secondRoot.filesystemType
      else { return .mountPoint }
      return .mountID
    }
  }

  /// The number of changes of `kind`.
  public func count(_ kind: MountChange.Kind) -> Int {
    changes.count { $0.kind == kind }
  }

  /// Whether the tables differ at all.
  public var hasDifferences: Bool { !changes.isEmpty }

  private static func reportOrder(_ first: MountChange, _ second: MountChange) -> Bool {
    let firstPoint = first.entry.mountPoint
    let secondPoint = second.entry.mountPoint
    if firstPoint != secondPoint { return firstPoint < secondPoint }
    if first.stackPosition != second.stackPosition {
      return first.stackPosition < second.stackPosition
    }
    return rank(first.kind) < rank(second.kind)
  }

  private static func rank(_ kind: MountChange.Kind) -> Int {
    switch kind {
    case .removed: 0
    case .changed: 1
    case .added: 2
    }
  }
}
