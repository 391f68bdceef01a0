/// Follows a container's peer groups through a diff of two host tables: which host mounts
/// came by propagation with a mount of the container, and which of those are still
/// mounted after the container is gone.
///
/// Peer-group numbers are global on one machine at one time. A host mount and a container
/// mount in one peer group, whose parents are also in one peer group, are the two copies
/// of one mount event that propagated between the namespaces (a tmpfs mounted inside an
/// `rshared` volume appears on the host the same way). The container counts as gone when
/// its snapshot's process has exited, or, for a saved table, when the diff removed the
/// host's mount of the container's root filesystem (same device and root as the
/// container's `/`); such a copy that the second table still has outlived it.
///
/// Blind spot: the tables do not say which side made the mount; a mount the host made in
/// a shared directory and that propagated into the container is named the same way.
public struct PropagationTrace: Sendable {
  /// A mount of the second table that outlived its container.
  public struct LeftBehind: Sendable {
    /// The mount, as the second table lists it.
    public var mount: MountEntry
    /// Why it is named: its copy in the container and the removed root.
    public var note: String
  }

  /// For each change of the diff whose mount came by propagation with a container mount,
  /// by the change's index in `diff.changes`, which container mount it is a copy of.
  public let notes: [Int: String]
  /// Mounts of the second table that came by propagation with a container mount and are
  /// still there after the container's root was removed.
  public let leftBehind: [LeftBehind]

  /// Whether the traced container still exists, when the caller knows it.
  public enum ContainerState: Sendable {
    /// A live process: nothing can be left behind yet.
    case running
    /// Its process is gone (a snapshot whose process exited), with how to say so.
    case gone(description: String)
    /// Unknown (a saved table): gone when the diff removed the host's mount of its root.
    case unknown
  }

  /// Traces `container`'s propagated mounts through `diff`.
  public init(_ diff: MountDiff, container: MountTree, state: ContainerState = .unknown) {
    let copies = ContainerCopies(container)
    let before = ParentGroups(diff.before)
    let after = ParentGroups(diff.after)

    var notes: [Int: String] = [:]
    for (index, change) in diff.changes.enumerated() {
      let found =
        change.after.flatMap { copies.copy(of: $0, parentGroup: after.group(above: $0)) }
        ?? change.before.flatMap { copies.copy(of: $0, parentGroup: before.group(above: $0)) }
      if let found {
        notes[index] =
          "came by propagation with the container's '\(found.mountPoint)' "
          + "(peer group \(found.propagation.peerGroup!)): a copy of one mount event"
      }
    }
    self.notes = notes

    let goneBecause: String
    switch state {
    case .running:
      leftBehind = []
      return
    case .gone(let description):
      goneBecause = description
    case .unknown:
      // Gone when its root's host-side mount was removed and the second table is not the
      // container's own.
      let root = container.visibleMount(at: "/")
      let removedRoot = diff.changes.first { change in
        guard change.kind == .removed, let root, let mount = change.before else { return false }
        return mount.device == root.device && mount.root == root.root
      }?.before
      let listsContainerRoot = diff.after.entries.contains { entry in
        entry.id == root?.id && entry.device == root?.device
      }
      guard let removedRoot, !listsContainerRoot else {
        leftBehind = []
        return
      }
      goneBecause =
        "the container's root ('\(removedRoot.mountPoint)', mount \(removedRoot.id)) was removed"
    }
    leftBehind = diff.after.entries.compactMap { entry in
      guard let copy = copies.copy(of: entry, parentGroup: after.group(above: entry)) else {
        return nil
      }
      return LeftBehind(
        mount: entry,
        note: "left behind: came by propagation with the container's '\(copy.mountPoint)' "
          + "(peer group \(copy.propagation.peerGroup!)) and is still mounted after "
          + goneBecause)
    }
  }
}

/// The container's shared mounts by peer group, with the peer group of each one's parent.
private struct ContainerCopies {
  private var byGroup: [UInt32: (mount: MountEntry, parentGroup: UInt32?)] = [:]

  init(_ container: MountTree) {
    for (index, entry) in container.entries.enumerated() {
      guard let group = entry.propagation.peerGroup, byGroup[group] == nil else { continue }
      let parentGroup = container.parents[index].flatMap {
        container.entries[$0].propagation.peerGroup
      }
      byGroup[group] = (entry, parentGroup)
    }
  }

  /// The container mount `entry` is a propagated copy of: same peer group, and parents in
  /// one peer group; never `entry` itself.
  func copy(of entry: MountEntry, parentGroup: UInt32?) -> MountEntry? {
    guard let group = entry.propagation.peerGroup, let found = byGroup[group],
      let parentGroup, found.parentGroup == parentGroup,
      found.mount.id != entry.id || found.mount.device != entry.device
    else { return nil }
    return found.mount
  }
}

/// The peer group of each mount's parent in one table, by mount ID.
private struct ParentGroups {
  private var byID: [UInt32: UInt32] = [:]

  init(_ tree: MountTree) {
    for (index, entry) in tree.entries.enumerated() {
      if let parent = tree.parents[index],
        let group = tree.entries[parent].propagation.peerGroup
      {
        byID[entry.id] = group
      }
    }
  }

  func group(above entry: MountEntry) -> UInt32? { byID[entry.id] }
}
