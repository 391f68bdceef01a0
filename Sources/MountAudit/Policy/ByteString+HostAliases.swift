extension ByteString {
  /// The path with the host's aliases folded onto one spelling, for comparing with the
  /// policy's path lists: `/var/run` is `/run`, and `/lib/modules` is `/usr/lib/modules`
  /// (Debian's merged `/usr` makes them one directory; on other hosts they are still the
  /// same kind of content).
  var canonicalHostPath: ByteString {
    let aliases: [(alias: ByteString, canonical: ByteString)] = [
      ("/var/run", "/run"), ("/lib/modules", "/usr/lib/modules"),
    ]
    for (alias, canonical) in aliases where isAtOrBelow(alias) {
      return canonical.appending(remainder: remainder(below: alias))
    }
    return self
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
