import CProcessHandle
import Glibc

/// The few system calls mountaudit makes, each turning `-1` and errno into a Swift error.
///
/// Every glibc call of the library goes through this file, so the library only ever reads:
/// it opens files read-only and never mounts, writes or follows paths inside a container.
enum SystemCall {
  /// The system's description of an errno value (`Permission denied`).
  static func describe(errno: Int32) -> String {
    String(cString: strerror(errno))
  }

  /// Reads a whole file in one pass, in chunks, up to `limit` bytes.
  ///
  /// A live mountinfo file is consistent only within one sequence of reads from one open
  /// file description, so it is read completely before anything is parsed.
  ///
  /// The file is opened without blocking, so that a FIFO nobody writes to stops the run
  /// with `AuditError.emptyFIFO` instead of hanging in `open`; reads then block as usual.
  static func readAll(path: String, limit: Int) throws(AuditError) -> [UInt8] {
    try readAll(path: path, limit: limit, watchingMounts: false).bytes
  }

  /// Reads a whole file as `readAll(path:limit:)` does and, when `watchingMounts`, says
  /// whether the mount table behind a `/proc/<pid>/mountinfo` changed while it was read:
  /// the kernel flags such a file with `POLLPRI` on every mount or unmount after its open,
  /// and a table read across such a change may miss or repeat mounts.
  static func readAll(
    path: String, limit: Int, watchingMounts: Bool
  ) throws(AuditError) -> (bytes: [UInt8], tableChanged: Bool) {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
    guard descriptor >= 0 else { throw .cannotRead(path: path, errno: errno) }
    defer { Glibc.close(descriptor) }
    let flags = fcntl(descriptor, F_GETFL)
    if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
    let bytes = try readAll(descriptor: descriptor, path: path, limit: limit)
    var status = stat()
    if bytes.isEmpty, fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFIFO {
      throw .emptyFIFO(path: path)
    }
    guard watchingMounts else { return (bytes, false) }
    var entry = pollfd(fd: descriptor, events: Int16(POLLPRI), revents: 0)
    var ready: Int32
    repeat { ready = poll(&entry, 1, 0) } while ready < 0 && errno == EINTR
    let changed = ready > 0 && entry.revents & Int16(POLLPRI | POLLERR) != 0
    return (bytes, changed)
  }

  /// Reads from an open descriptor until end of file, up to `limit` bytes.
  static func readAll(
    descriptor: Int32, path: String, limit: Int
  ) throws(AuditError) -> [UInt8] {
    var data: [UInt8] = []
    // A regular file's size is known: one allocation of that size, not a doubling array
    // that would hold up to twice the file. Pipes and /proc files report no useful size.
    var status = stat()
    if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size > 0 {
      data.reserveCapacity(min(Int(status.st_size), limit) + 1)
    }
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw .cannotRead(path: path, errno: errno)
      }
      if count == 0 { return data }
      data.append(contentsOf: buffer[0..<count])
      if data.count > limit { throw .inputTooLarge(path: path, limit: limit) }
    }
  }

  /// The target of a symbolic link such as `/proc/42/ns/mnt`.
  static func readLink(_ path: String) throws(AuditError) -> String {
    var buffer = [CChar](repeating: 0, count: 4096)
    let count = readlink(path, &buffer, buffer.count - 1)
    guard count >= 0 else { throw .cannotRead(path: path, errno: errno) }
    return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// Whether the auditor may read `path` (checked with the real user and group IDs).
  static func isReadable(_ path: String) -> Bool {
    access(path, R_OK) == 0
  }

  /// The auditor's own process ID.
  static var ownPID: pid_t { getpid() }

  /// Whether a path exists on the auditor's own host, without following a final symlink.
  static func exists(_ path: String) -> Bool {
    var status = stat()
    return lstat(path, &status) == 0
  }

  /// The current time in ISO 8601 UTC, to the second (`2026-12-04T06:30:00Z`).
  static func utcTimestamp() -> String {
    var seconds = time(nil)
    var parts = tm()
    gmtime_r(&seconds, &parts)
    func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
      + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
  }

  /// Today's date on the auditor's clock, in its local time zone (`localtime_r`).
  static func localDate() -> (year: Int, month: Int, day: Int) {
    var seconds = time(nil)
    var parts = tm()
    localtime_r(&seconds, &parts)
    return (Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday))
  }

  /// Whether `path` matches the shell pattern `pattern` with `fnmatch(3)` and
  /// `FNM_PATHNAME`: wildcards never match `/`. Neither may contain a NUL byte.
  static func matchesPathPattern(_ pattern: [UInt8], path: [UInt8]) -> Bool {
    let pattern = pattern.map { CChar(bitPattern: $0) } + [0]
    let path = path.map { CChar(bitPattern: $0) } + [0]
    return fnmatch(pattern, path, FNM_PATHNAME) == 0
  }

  /// The running kernel's release, as `uname -r` prints it.
  static func kernelRelease() -> String {
    var names = utsname()
    uname(&names)
    return withUnsafeBytes(of: &names.release) { buffer in
      String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)
    }
  }

  /// A pidfd for `pid` (pidfd_open(2)), which keeps naming that process even if it exits
  /// and its PID is given to another; `nil` where the kernel has no pidfds.
  static func openProcessHandle(_ pid: Int32) throws(AuditError) -> Int32? {
    let descriptor = pidfd_open(pid, 0)
    if descriptor >= 0 { return descriptor }
    switch errno {
    case ESRCH: throw .noSuchProcess(pid: pid)
    case ENOSYS: return nil
    default: throw .cannotRead(path: "/proc/\(pid)", errno: errno)
    }
  }

  /// Whether the process behind a pidfd has exited: the pidfd becomes readable then, also
  /// while the process is a zombie whose PID is not reaped yet.
  static func hasExited(processHandle descriptor: Int32) -> Bool {
    var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
    while true {
      let ready = poll(&entry, 1, 0)
      if ready < 0 && errno == EINTR { continue }
      return ready > 0 && entry.revents & Int16(POLLIN) != 0
    }
  }

  /// Closes a descriptor the library opened.
  static func close(_ descriptor: Int32) {
    _ = Glibc.close(descriptor)
  }

  /// Seconds on the monotonic clock, for measuring how long a read took.
  static func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
  }

  /// The mount namespace's 64-bit ID (ioctl `NS_GET_MNTNS_ID`, Linux 6.9 and later), which
  /// unlike the inode number in the link's name is never given to another namespace;
  /// `nil` where the kernel or the permissions do not allow it.
  static func mountNamespaceID(link path: String) -> UInt64? {
    try? requireMountNamespaceID(link: path)
  }

  /// The mount namespace's 64-bit ID as `mountNamespaceID(link:)` reads it, or the reason
  /// it cannot be read (`cannotRead` with the errno of `open` or of the ioctl).
  static func requireMountNamespaceID(link path: String) throws(AuditError) -> UInt64 {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw .cannotRead(path: path, errno: errno) }
    defer { Glibc.close(descriptor) }
    // _IOR(0xb7, 0x5, __u64) from <linux/nsfs.h>, which Debian 12's headers predate.
    let request: UInt = 0x8008_b705
    var id: UInt64 = 0
    guard ioctl(descriptor, request, &id) == 0 else {
      throw .cannotRead(path: path, errno: errno)
    }
    return id
  }
}
