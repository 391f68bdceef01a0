import CStatmount
import Glibc

/// A refused listmount(2), statmount(2) or statx(2): the call and its errno.
struct StatmountFailure: Error {
  /// The system call, as messages name it (`listmount(2)`).
  var call: String
  /// Why it failed.
  var errno: Int32
}

extension SystemCall {
  /// What statmount(2) is asked for: every field of a mountinfo line but `propagate_from`,
  /// which the kernel works out against the caller's root rather than the namespace's (so
  /// it is wrong for another namespace) and slowly (a walk of every peer group above the
  /// mount, the very cost that makes such a mountinfo slow).
  static let statmountFields =
    UInt64(STATMOUNT_SB_BASIC) | UInt64(STATMOUNT_MNT_BASIC) | UInt64(STATMOUNT_MNT_ROOT)
    | UInt64(STATMOUNT_MNT_POINT) | UInt64(STATMOUNT_FS_TYPE) | UInt64(STATMOUNT_MNT_OPTS)
    | UInt64(STATMOUNT_FS_SUBTYPE) | UInt64(STATMOUNT_SB_SOURCE)

  /// The unique 64-bit IDs of every mount of namespace `namespace` that its root reaches,
  /// in increasing order (listmount(2) from `LSMT_ROOT`, asked in batches).
  static func listMounts(namespace: UInt64) throws(StatmountFailure) -> [UInt64] {
    var ids: [UInt64] = []
    var batch = [UInt64](repeating: 0, count: 4096)
    while true {
      let after = ids.last ?? 0
      let count = batch.withUnsafeMutableBufferPointer {
        mountaudit_listmount(namespace, after, $0.baseAddress, $0.count)
      }
      if count < 0 {
        if errno == EINTR { continue }
        throw StatmountFailure(call: "listmount(2)", errno: errno)
      }
      if count == 0 { return ids }
      ids.append(contentsOf: batch[0..<count])
    }
  }

  /// statmount(2) of mount `id` in namespace `namespace`, asking for `statmountFields`;
  /// `nil` when the mount is gone (unmounted since it was listed).
  static func statMount(
    _ id: UInt64, namespace: UInt64, buffer: StatmountBuffer
  ) throws(StatmountFailure) -> StatmountRecord? {
    while true {
      let result = mountaudit_statmount(
        id, namespace, statmountFields, buffer.answer, buffer.size)
      if result == 0 { return StatmountRecord(buffer.answer) }
      switch errno {
      case EINTR: continue
      case EOVERFLOW: buffer.grow()
      case ENOENT: return nil
      default: throw StatmountFailure(call: "statmount(2)", errno: errno)
      }
    }
  }

  /// The mount a path is on, by its unique 64-bit ID, and whether the path is that mount's
  /// root (statx(2)); `/proc/<pid>/root` gives a process's root directory.
  static func mount(
    of path: String
  ) throws(StatmountFailure) -> (id: UInt64, isMountRoot: Bool) {
    var id: UInt64 = 0
    var isRoot: Int32 = 0
    guard mountaudit_mount_of_path(path, &id, &isRoot) == 0 else {
      throw StatmountFailure(call: "statx(2) of '\(path)'", errno: errno)
    }
    return (id, isRoot != 0)
  }
}

/// The memory statmount(2) writes into, reused from mount to mount and doubled whenever
/// a mount's strings do not fit.
final class StatmountBuffer {
  /// Its size in bytes.
  private(set) var size: Int
  /// Its start, as the answer's fixed part.
  private(set) var answer: UnsafeMutablePointer<mountaudit_statmount>

  /// A buffer of `size` bytes (at least the fixed part).
  init(size: Int = 16_384) {
    self.size = max(size, MemoryLayout<mountaudit_statmount>.size)
    answer = Self.allocate(self.size)
  }

  deinit {
    UnsafeMutableRawPointer(answer).deallocate()
  }

  /// Doubles the buffer; its contents are not kept.
  func grow() {
    UnsafeMutableRawPointer(answer).deallocate()
    size *= 2
    answer = Self.allocate(size)
  }

  private static func allocate(_ size: Int) -> UnsafeMutablePointer<mountaudit_statmount> {
    UnsafeMutableRawPointer.allocate(
      byteCount: size, alignment: MemoryLayout<mountaudit_statmount>.alignment
    ).bindMemory(to: mountaudit_statmount.self, capacity: 1)
  }
}
