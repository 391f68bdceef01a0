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
}
