import Glibc

/// An open `/proc/<pid>/mountinfo` kept only to learn whether the process's mount
/// namespace changed since it was opened: the kernel flags such a file with `POLLPRI` on
/// every mount, unmount, move, remount or propagation change in the namespace. A reader
/// that asks the kernel about each mount in turn (statmount) cannot otherwise tell a move
/// during its reads, since a moved mount keeps its ID.
final class MountEventWatch {
  private let descriptor: Int32

  /// Starts watching the namespace of process `pid`.
  init(pid: Int32) throws(AuditError) {
    let path = "/proc/\(pid)/mountinfo"
    descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      if errno == ENOENT || errno == ESRCH { throw .noSuchProcess(pid: pid) }
      throw .cannotRead(path: path, errno: errno)
    }
  }

  deinit { close(descriptor) }

  /// Whether the namespace's mounts changed since the watch started.
  var sawChange: Bool {
    var entry = pollfd(fd: descriptor, events: Int16(POLLPRI), revents: 0)
    var ready: Int32
    repeat { ready = poll(&entry, 1, 0) } while ready < 0 && errno == EINTR
    return ready > 0 && entry.revents & Int16(POLLPRI | POLLERR) != 0
  }
}
