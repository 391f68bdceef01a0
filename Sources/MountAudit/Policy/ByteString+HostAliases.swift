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

  /// Whether this host path is a directory above `inner`, each spelled as written, with
  /// the aliases folded or unfolded: host `/var` holds `/var/run/x` on a host where
  /// `/var/run` is a directory of its own rather than the link to `/run`, and host `/lib`
  /// holds `/usr/lib/modules`, which it shows as `/lib/modules`.
  func holds(_ inner: ByteString) -> Bool {
    holds(spelledAs: inner.hostSpellings)
  }

  /// `holds` for a path given by all its spellings (`hostSpellings`), so that a path checked
  /// against many others is spelled out once.
  func holds(spelledAs spellings: [ByteString]) -> Bool {
    let canonical = canonicalHostPath
    return spellings.contains { $0.isStrictlyBelow(self) || $0.isStrictlyBelow(canonical) }
  }

  /// The ways this host path can be written: as given, with its aliases folded, and with the
  /// folded form unfolded again (`/usr/lib/modules` as `/lib/modules`).
  var hostSpellings: [ByteString] {
    let canonical = canonicalHostPath
    var spellings = [self, canonical]
    for (alias, target) in Self.hostAliases where canonical.isAtOrBelow(target) {
      spellings.append(alias.appending(remainder: canonical.remainder(below: target)))
    }
    return spellings
  }

  /// The path without the marker the kernel appends to the root of a bind whose file was
  /// deleted on the host (`//deleted`, or ` (deleted)` in older kernels): the inode stays
  /// reachable through the bind, so it is judged by the name it had.
  var withoutDeletedMarker: ByteString {
    for suffix in Self.deletedMarkers
    where bytes.count > suffix.count && bytes.suffix(suffix.count).elementsEqual(suffix) {
      return ByteString(Array(bytes.dropLast(suffix.count)))
    }
    return self
  }

  private static let deletedMarkers = [Array("//deleted".utf8), Array(" (deleted)".utf8)]
}
