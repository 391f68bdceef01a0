/// How the diff decides which mount of one table is which mount of the other.
public enum MountMatching: String, Hashable, Sendable {
  /// By mount ID: for one namespace read at two times. An ID only matches when it still
  /// names the same mount (same mount point, or the same filesystem, root and source
  /// after a move), since the kernel recycles IDs.
  case mountID = "mount-id"
  /// By mount point and position in the stack of mounts on that mount point: for two
  /// namespaces, such as two starts of one container. A mount left over on each side with
  /// the same ID, filesystem, root and source is paired as a move.
  case mountPoint = "mount-point"
}

/// The matching asked for on the command line.
public enum MatchingChoice: String, Hashable, Sendable {
  /// By mount ID when both tables are known to be one namespace (both read from processes
  /// whose mount namespace is the same); otherwise by mount point, with a mount that keeps
  /// its ID, filesystem, root and source at another mount point paired as a move.
  case automatic = "auto"
  /// Always by mount ID.
  case mountID = "mount-id"
  /// Always by mount point.
  case mountPoint = "mount-point"
}
