extension ByteString {
  /// The path with the host's aliases folded onto one spelling, for comparing with the
  /// policy's path lists: `/var/run` is `/run`, and `/lib/modules` is `/usr/lib/modules`
  /// (Debian's merged `/usr` makes them one directory; on other hosts they are still the
  /// same kind of content).
  var canonicalHostPath: ByteString {
    for (alias, canonical) in Self.hostAliases where isAtOrBelow(alias) {
      return canonical.appending(remainder: remainder(below: alias))
    }
    return self
  }

  private static let hostAliases: [(alias: ByteString, canonical: ByteString)] = [
    ("/var/run", "/run"), ("/lib/modules", "/usr/lib/modules"),
  ]

  /// Whether this host path is a directory above `inner`, each spelled as written or with
  /// the aliases folded: host `/var` holds `/var/run/x` on a host where `/var/run` is a
  /// directory of its own rather than the link to `/run`.
  func holds(_ inner: ByteString) -> Bool {
    if inner.isStrictlyBelow(self) { return true }
    let outer = canonicalHostPath
    let folded = inner.canonicalHostPath
    return folded.isStrictlyBelow(self) || inner.isStrictlyBelow(outer)
      || folded.isStrictlyBelow(outer)
  }

  /// The path without the marker the kernel appends to the root of a bind whose file was
  /// deleted on the host (`//deleted`, or ` (deleted)` in older kernels): the inode stays
  /// reachable through the bind, so it is judged by the name it had.
  var withoutDeletedMarker: ByteString {
    for marker in ["//deleted", " (deleted)"] {
      let suffix = Array(marker.utf8)
      if bytes.count > suffix.count, bytes.suffix(suffix.count).elementsEqual(suffix) {
        return ByteString(Array(bytes.dropLast(suffix.count)))
      }
    }
    return self
  }
}
