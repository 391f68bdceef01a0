/// Compares the fields of matched mounts, with the indexes that relation fields need.
struct MountComparison {
  private let before: MountTree
  private let after: MountTree
  private let pairing: MountPairing
  private let ignored: Set<DiffField>
  private let peers: GroupCorrespondence<UInt32>
  private let coSlaves: GroupCorrespondence<UInt32>
  private let devices: GroupCorrespondence<DeviceNumber>
  private let beforeGroups: GroupIndex
  private let afterGroups: GroupIndex
  /// Within one namespace, peer-group numbers and devices are compared by value too.
  private let comparesNumbers: Bool

  /// The entries with normalized values, which the plain fields are compared on.
  private let normalized: (before: [MountEntry], after: [MountEntry])

  init(
    _ before: MountTree, _ after: MountTree, pairing: MountPairing, ignoring: Set<DiffField>,
    normalized: (before: [MountEntry], after: [MountEntry])
  ) {
    self.normalized = normalized
    self.before = before
    self.after = after
    self.pairing = pairing
    self.ignored = ignoring
    self.comparesNumbers = pairing.matching == .mountID
    let pairs = pairing.afterIndex.enumerated().compactMap { index, match in
      match.map { (before: index, after: $0) }
    }
    let beforePropagation = before.entries.map(\.propagation)
    let afterPropagation = after.entries.map(\.propagation)
    peers = GroupCorrespondence(
      pairs: pairs, before: { beforePropagation[$0].peerGroup },
      after: { afterPropagation[$0].peerGroup })
    coSlaves = GroupCorrespondence(
      pairs: pairs, before: { beforePropagation[$0].master },
      after: { afterPropagation[$0].master })
    devices = GroupCorrespondence(
      pairs: pairs, before: { before.entries[$0].device }, after: { after.entries[$0].device })
    beforeGroups = GroupIndex(before.entries)
    afterGroups = GroupIndex(after.entries)
  }

  /// The fields of mount `index` of the first table that differ from its match `match` in
  /// the second, in report order.
  func fieldChanges(before index: Int, after match: Int) -> [FieldChange] {
    let old = before.entries[index]
    let new = after.entries[match]
    let oldValues = normalized.before[index]
    let newValues = normalized.after[match]
    var changes: [FieldChange] = []
    // Plain fields are compared normalized and shown as read.
    func compare(_ field: DiffField, _ key: KeyPath<MountEntry, ByteString>) {
      if !ignored.contains(field), oldValues[keyPath: key] != newValues[keyPath: key] {
        changes.append(FieldChange(field: field, old: old[keyPath: key], new: new[keyPath: key]))
      }
    }
    compare(.mountPoint, \.mountPoint)
    if !ignored.contains(.parent), let change = parentChange(index, match) {
      changes.append(change)
    }
    if !ignored.contains(.fsType), old.filesystemType != new.filesystemType {
      changes.append(
        FieldChange(
          field: .fsType, old: ByteString(old.filesystemType), new: ByteString(new.filesystemType)))
    }
    compare(.source, \.source)
    compare(.root, \.root)
    if !ignored.contains(.options), oldValues.mountOptions != newValues.mountOptions,
      let change = Self.setChange(
        .options, oldValues.mountOptions, newValues.mountOptions,
        old: ByteString(old.mountOptions.joined(separator: ",")),
        new: ByteString(new.mountOptions.joined(separator: ",")))
    {
      changes.append(change)
    }
    if !ignored.contains(.superOptions), oldValues.superOptions != newValues.superOptions,
      let change = Self.setChange(
        .superOptions, Self.options(oldValues.superOptions),
        Self.options(newValues.superOptions), old: old.superOptions, new: new.superOptions)
    {
      changes.append(change)
    }
    if !ignored.contains(.propagation), let change = propagationChange(index, match) {
      changes.append(change)
    }
    let isSameDevice =
      comparesNumbers
      ? old.device == new.device : devices.haveSameMembers(old.device, new.device)
    if !ignored.contains(.device), !isSameDevice {
      let (gained, lost) = members(
        before: beforeGroups.byDevice[old.device] ?? [],
        after: afterGroups.byDevice[new.device] ?? [], excluding: match)
      changes.append(
        FieldChange(
          field: .device, old: ByteString(old.device.description),
          new: ByteString(new.device.description),
          detail: Self.relation(
            "now on the same filesystem as", gained, lost, "no longer on the same filesystem as")
        ))
    }
    if !ignored.contains(.shadowing), before.isVisible[index] != after.isVisible[match] {
      changes.append(
        FieldChange(
          field: .shadowing, old: Self.visibility(before.isVisible[index]),
          new: Self.visibility(after.isVisible[match])))
    }
    return changes
  }

  /// For a mount only in the first table (by mount point), the mounts of the second that
  /// share its peer group number: propagation between the two namespaces.
  func crossTableNotes(removed index: Int) -> [String] {
    crossTableNotes(before.entries[index], other: after, groups: afterGroups, side: "second")
  }

  /// For a mount only in the second table, the mounts of the first in its peer group.
  func crossTableNotes(added index: Int) -> [String] {
    crossTableNotes(after.entries[index], other: before, groups: beforeGroups, side: "first")
  }

  private func crossTableNotes(
    _ entry: MountEntry, other: MountTree, groups: GroupIndex, side: String
  ) -> [String] {
    // One namespace read twice shares group numbers with itself; only across namespaces
    // does a shared number mean propagation between them.
    guard pairing.matching == .mountPoint, let group = entry.propagation.peerGroup,
      let peer = groups.byPeerGroup[group]?.first
    else { return [] }
    let mount = other.entries[peer]
    return [
      "peer group \(group) also holds the \(side) table's '\(mount.mountPoint)' "
        + "(mount \(mount.id)): read on one machine at one time, mounts propagate between the two"
    ]
  }

  private func parentChange(_ index: Int, _ match: Int) -> FieldChange? {
    let oldParent = before.parents[index]
    let newParent = after.parents[match]
    if let oldParent, let newParent, pairing.afterIndex[oldParent] == newParent { return nil }
    if oldParent == nil, newParent == nil { return nil }
    return FieldChange(
      field: .parent, old: Self.name(of: oldParent, in: before),
      new: Self.name(of: newParent, in: after))
  }

  private func propagationChange(_ index: Int, _ match: Int) -> FieldChange? {
    let old = before.entries[index].propagation
    let new = after.entries[match].propagation
    var reasons: [String] = []
    if !peers.haveSameMembers(old.peerGroup, new.peerGroup) {
      let (gained, lost) = members(
        before: old.peerGroup.flatMap { beforeGroups.byPeerGroup[$0] } ?? [],
        after: new.peerGroup.flatMap { afterGroups.byPeerGroup[$0] } ?? [], excluding: match)
      if let relation = Self.relation("now peers with", gained, lost, "no longer peers with") {
        reasons.append(relation)
      }
    }
    if !peers.haveSameMembers(old.master, new.master)
      || !coSlaves.haveSameMembers(old.master, new.master)
    {
      let masters = (new.master.flatMap { afterGroups.byPeerGroup[$0] } ?? []).filter {
        pairing.beforeIndex[$0] != nil
      }
      if new.master == nil {
        reasons.append("no longer receives from a master")
      } else if masters.isEmpty {
        reasons.append("receives from a peer group outside the table")
      } else {
        let names = masters.map { after.entries[$0].mountPoint }.sorted()
        reasons.append("now receives from the peer group of \(Self.list(names))")
      }
    }
    if !peers.haveSameMembers(old.propagateFrom, new.propagateFrom) {
      reasons.append("propagate_from names a different peer group")
    }
    let isSameShape =
      (old.peerGroup == nil) == (new.peerGroup == nil) && (old.master == nil) == (new.master == nil)
      && (old.propagateFrom == nil) == (new.propagateFrom == nil)
      && old.isUnbindable == new.isUnbindable
    if isSameShape, reasons.isEmpty, !(comparesNumbers && old != new) { return nil }
    return FieldChange(
      field: .propagation, old: ByteString(old.description), new: ByteString(new.description),
      detail: reasons.isEmpty ? nil : reasons.joined(separator: "; "))
  }

  /// The mounts of the second table that joined a group of `match`'s, and those that left
  /// it (named by their mount points in the second table), among matched mounts.
  private func members(
    before beforeMembers: [Int], after afterMembers: [Int], excluding match: Int
  ) -> (gained: [ByteString], lost: [ByteString]) {
    let old = Set(beforeMembers.compactMap { pairing.afterIndex[$0] })
    let new = Set(afterMembers.filter { pairing.beforeIndex[$0] != nil })
    let gained = new.subtracting(old).subtracting([match])
    let lost = old.subtracting(new).subtracting([match])
    return (
      gained.map { after.entries[$0].mountPoint }.sorted(),
      lost.map { after.entries[$0].mountPoint }.sorted()
    )
  }

  private static func relation(
    _ phrase: String, _ gained: [ByteString], _ lost: [ByteString], _ lostPhrase: String
  ) -> String? {
    var parts: [String] = []
    if !gained.isEmpty { parts.append("\(phrase) \(list(gained))") }
    if !lost.isEmpty { parts.append("\(lostPhrase) \(list(lost))") }
    return parts.isEmpty ? nil : parts.joined(separator: "; ")
  }

  /// Up to three quoted paths, then how many more.
  private static func list(_ paths: [ByteString]) -> String {
    let shown = paths.prefix(3).map { "'\($0)'" }.joined(separator: ", ")
    return paths.count > 3 ? "\(shown) and \(paths.count - 3) more" : shown
  }

  private static func setChange(
    _ field: DiffField, _ old: [String], _ new: [String], old oldText: ByteString? = nil,
    new newText: ByteString? = nil
  ) -> FieldChange? {
    let oldSet = Set(old)
    let newSet = Set(new)
    guard oldSet != newSet else { return nil }
    return FieldChange(
      field: field, old: oldText ?? ByteString(old.joined(separator: ",")),
      new: newText ?? ByteString(new.joined(separator: ",")),
      added: Self.uniqued(new.filter { !oldSet.contains($0) }),
      removed: Self.uniqued(old.filter { !newSet.contains($0) }))
  }

  private static func uniqued(_ options: [String]) -> [String] {
    var seen: Set<String> = []
    return options.filter { seen.insert($0).inserted }
  }

  /// Super options split at commas (the raw text may hold spaces and backslashes).
  private static func options(_ text: ByteString) -> [String] {
    text.bytes.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map {
      String(decoding: $0, as: UTF8.self)
    }
  }

  private static func name(of index: Int?, in tree: MountTree) -> ByteString {
    guard let index else { return "(outside the table)" }
    return tree.entries[index].mountPoint
  }

  private static func visibility(_ isVisible: Bool) -> ByteString {
    isVisible ? "visible" : "hidden"
  }
}

/// The mounts of one table by peer group and by device, for naming members in details.
private struct GroupIndex {
  var byPeerGroup: [UInt32: [Int]] = [:]
  var byDevice: [DeviceNumber: [Int]] = [:]

  init(_ entries: [MountEntry]) {
    for (index, entry) in entries.enumerated() {
      if let group = entry.propagation.peerGroup { byPeerGroup[group, default: []].append(index) }
      byDevice[entry.device, default: []].append(index)
    }
  }
}
