/// A property of a mount that the diff compares, by the name `--ignore` takes.
///
/// Numbers that differ between any two runs of the same container (mount IDs, peer-group
/// and master numbers, major:minor) are never compared by value: `parent`, `propagation`
/// and `device` compare the relations they express between matched mounts.
public enum DiffField: String, CaseIterable, Hashable, Sendable, Comparable {
  /// Where the mount is attached; only compared when mounts are matched by mount ID
  /// (a change is a move).
  case mountPoint = "mount-point"
  /// The parent mount (a move to another parent).
  case parent
  /// The filesystem type.
  case fsType = "fstype"
  /// The mount source.
  case source
  /// The directory of the filesystem that forms the mount's root.
  case root
  /// The per-mount options, compared as a set.
  case options
  /// The super options, compared as a set.
  case superOptions = "super-options"
  /// Shared, slave, private, unbindable, and which matched mounts share its peer group or
  /// master.
  case propagation
  /// Which matched mounts are on the same filesystem (same major:minor).
  case device
  /// Whether processes can see the mount or it is hidden under another.
  case shadowing

  /// Orders fields the way reports list them.
  public static func < (lhs: DiffField, rhs: DiffField) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}
