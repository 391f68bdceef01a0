import Foundation
import Testing

@testable import MountAudit

/// The statmount source against the mountinfo source on live namespaces: the test
/// process's own, and a stand-in systemd-like host with mounts of every kind of option,
/// propagation and escaped name. Both sources must give the same table, field by field.
///
/// Needs root (statmount of another namespace needs CAP_SYS_ADMIN over it), Linux 6.11
/// or later, unshare and nsenter; skipped otherwise unless `MOUNTAUDIT_REQUIRE_INTEGRATION=1`.
@Suite("The statmount source", .enabled(if: StatmountLab.shouldRun))
struct StatmountSourceTests {
  @Test("the test process's own namespace reads the same with statmount as with mountinfo")
  func ownNamespace() throws {
    try StatmountLab.requireAvailable()
    let (mountinfo, statmount) = try StatmountLab.bothSources(getpid())
    #expect(statmount.fallbackReason == nil)
    #expect(statmount.entries.count > 5)
    #expect(StatmountLab.differences(mountinfo, statmount) == [])
  }

  @Test("a table read with statmount, printed as mountinfo, parses back to the same entries")
  func printedTextParsesBack() throws {
    try StatmountLab.requireAvailable()
    let reader = MountTableReader(keepsText: true, source: .statmount)
    let table = try reader.read(.process(pid: getpid()))
    let text = try #require(table.text)
    let parsed = try MountTableReader().parse(text, origin: .process(pid: getpid()))
    #expect(parsed.problems.isEmpty)
    #expect(StatmountLab.differences(table, parsed) == [])
  }

  @Test("a stand-in host with odd options, escaped names and propagation reads the same")
  func standInHost() throws {
    try StatmountLab.requireAvailable()
    try StatmountLab.withStandInHost { hostPID, workdir in
      let odd = workdir + "/odd"
      try StatmountLab.inNamespace(
        of: hostPID,
        """
        set -e
        mkdir -p '\(odd)'
        mount -t tmpfs odd-base '\(odd)' && mount --make-private '\(odd)'
        cd '\(odd)'
        mkdir strict noatime flags 'sp ace' slave unbindable sub
        mount -t tmpfs -o strictatime strict strict
        mount -t tmpfs -o noatime,nodiratime,nosuid,nodev,noexec na noatime
        mount -t tmpfs -o ro,sync,dirsync,lazytime,nosymfollow,mode=700 flags flags
        mount -t tmpfs 'src with space\\and	tab' 'sp ace'
        mount --make-shared 'sp ace' && mount --bind 'sp ace' slave
        mount --make-slave slave
        mount -t tmpfs unbind unbindable && mount --make-unbindable unbindable
        mkdir 'sp ace/dir 1' && mount --bind 'sp ace/dir 1' sub
        """)
      let (mountinfo, statmount) = try StatmountLab.bothSources(hostPID)
      #expect(statmount.fallbackReason == nil)
      #expect(StatmountLab.differences(mountinfo, statmount) == [])
      // The odd mounts are there, with what makes them odd.
      let byPoint = Dictionary(
        statmount.entries.map { ($0.mountPoint.lossyText, $0) }, uniquingKeysWith: { $1 })
      #expect(byPoint[odd + "/strict"]?.mountOptions == ["rw"])
      #expect(
        byPoint[odd + "/noatime"]?.mountOptions
          == ["rw", "nosuid", "nodev", "noexec", "noatime", "nodiratime"])
      #expect(byPoint[odd + "/flags"]?.mountOptions == ["ro", "relatime", "nosymfollow"])
      #expect(
        byPoint[odd + "/flags"]?.superOptions.lossyText.hasPrefix("ro,sync,dirsync,lazytime,")
          == true)
      #expect(byPoint[odd + "/sp ace"]?.source.lossyText == "src with space\\and\ttab")
      #expect(byPoint[odd + "/slave"]?.propagation.master != nil)
      #expect(byPoint[odd + "/unbindable"]?.optionalFields == [.unbindable])
      #expect(byPoint[odd + "/sub"]?.root.lossyText == "/dir 1")
    }
  }

  @Test("a slave that may have a propagate_from is read from mountinfo, which says so")
  func possiblePropagateFrom() throws {
    try StatmountLab.requireAvailable()
    try StatmountLab.withStandInHost { hostPID, workdir in
      // In the stand-in: a (shared X), b (shared Y, slave of X). In a copy of its
      // namespace b is made a plain slave: of Y, whose only member is the stand-in's,
      // while a's copy is a member of X there: mountinfo prints propagate_from:X.
      let base = workdir + "/pf"
      try StatmountLab.inNamespace(
        of: hostPID,
        """
        set -e
        mkdir -p '\(base)' && mount -t tmpfs pf '\(base)' && mount --make-private '\(base)'
        mkdir '\(base)/a' '\(base)/b'
        mount -t tmpfs pf-a '\(base)/a' && mount --make-shared '\(base)/a'
        mount --bind '\(base)/a' '\(base)/b'
        mount --make-slave '\(base)/b' && mount --make-shared '\(base)/b'
        """)
      try StatmountLab.withProcess(
        inCopyOf: hostPID, running: "mount --make-slave '\(base)/b'"
      ) { pid in
        let (mountinfo, statmount) = try StatmountLab.bothSources(pid)
        let point = ByteString(base + "/b")
        let slave = try #require(mountinfo.entries.first { $0.mountPoint == point })
        #expect(slave.propagation.propagateFrom != nil, "\(slave.optionalFields)")
        let reason = try #require(statmount.fallbackReason)
        #expect(reason.hasPrefix("statmount cannot give this table (mount \(slave.id) is a "))
        #expect(StatmountLab.differences(mountinfo, statmount) == [])
      }
    }
  }

  @Test("a chrooted process is read from mountinfo, whose mount points start at its root")
  func chrootedProcess() throws {
    try StatmountLab.requireAvailable()
    try StatmountLab.withStandInHost { hostPID, workdir in
      let jail = workdir + "/jail"
      try StatmountLab.inNamespace(
        of: hostPID,
        """
        set -e
        mkdir -p '\(jail)'
        mount -t tmpfs jail '\(jail)' && mkdir '\(jail)/bin' '\(jail)/inner'
        cp /bin/busybox '\(jail)/bin/' && mount -t tmpfs inner '\(jail)/inner'
        """)
      try StatmountLab.withProcess(
        inCopyOf: hostPID, running: "exec chroot '\(jail)' /bin/busybox sleep 60",
        program: "busybox"
      ) { pid in
        let (mountinfo, statmount) = try StatmountLab.bothSources(pid)
        #expect(mountinfo.entries.contains { $0.mountPoint == "/inner" })
        let reason = try #require(statmount.fallbackReason)
        #expect(reason.contains("(a chroot)"), "\(reason)")
        #expect(StatmountLab.differences(mountinfo, statmount) == [])
      }
    }
  }
}
