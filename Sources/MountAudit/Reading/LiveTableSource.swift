/// How the table of a live process is read.
public enum LiveTableSource: String, Hashable, Sendable, CaseIterable {
  /// statmount where it gives the table mountinfo would (the process's root is its
  /// namespace's root, no mount can have a `propagate_from`) and the kernel and the
  /// caller's privileges allow it; mountinfo otherwise, without a word: the default.
  case auto
  /// `/proc/<pid>/mountinfo`, through libmount: works for any user who may read it.
  case mountinfo
  /// listmount(2) and statmount(2) (Linux 6.11 and later, with CAP_SYS_ADMIN over the
  /// process's mount namespace): the same fields without the kernel formatting text, and
  /// without the peer-group walk that makes mountinfo slow for a slave of a large peer
  /// group. Where statmount cannot give the whole table, mountinfo is read instead and
  /// the table says why (`MountTable.fallbackReason`); where the kernel or the caller's
  /// privileges refuse it, the read fails.
  case statmount
}
