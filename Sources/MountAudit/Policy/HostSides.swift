/// The host side of each target mount, worked out once: several rules ask about every
/// mount, and both walking a root's prefixes and hashing a long root each time were a large
/// share of an audit.
///
/// Mounts with the same filesystem and root share one answer. A target mount is found by
/// its line, which is unique within its table; any other mount is resolved when asked.
struct HostSides: Sendable {
  private let resolver: HostPathResolver
  private let profile: Profile
  /// For each line of the target table, the index of its answer.
  private let answerByLine: [Int: Int]
  private let answers: [Answer]

  private struct Answer: Sendable {
    var key: HostSideVerdict.Key
    var resolution: HostPathResolver.Resolution
    var verdict: HostSideVerdict
  }

  init(host: MountTree, target: MountTree, profile: Profile) {
    let resolver = HostPathResolver(host: host)
    var answerByKey: [HostSideVerdict.Key: Int] = [:]
    var answers: [Answer] = []
    // By line in a dictionary, not an array: a library caller's entries may number their
    // lines in any way.
    var answerByLine: [Int: Int] = [:]
    answerByLine.reserveCapacity(target.entries.count)
    for entry in target.entries {
      let key = HostSideVerdict.Key(entry)
      if let known = answerByKey[key] {
        answerByLine[entry.line] = known
        continue
      }
      let resolution = resolver.resolution(of: entry)
      answerByKey[key] = answers.count
      answerByLine[entry.line] = answers.count
      answers.append(
        Answer(
          key: key, resolution: resolution,
          verdict: HostSideVerdict(hostPaths: resolution.paths, profile: profile)))
    }
    self.resolver = resolver
    self.profile = profile
    self.answerByLine = answerByLine
    self.answers = answers
  }

  /// The answer worked out for `mount`, if it is a mount of the target table.
  private func answer(for mount: MountEntry) -> Answer? {
    guard let index = answerByLine[mount.line] else { return nil }
    let answer = answers[index]
    // A mount of another table may have the same line: then its answer is not this one.
    guard answer.key.device == mount.device, answer.key.root == mount.root else { return nil }
    return answer
  }

  /// See `HostPathResolver.resolve`.
  func resolve(_ mount: MountEntry) -> (hostMount: MountEntry, path: ByteString)? {
    answer(for: mount).map(\.resolution.first) ?? resolver.resolve(mount)
  }

  /// See `HostPathResolver.hostPaths`.
  func hostPaths(of mount: MountEntry) -> [ByteString] {
    answer(for: mount)?.resolution.paths ?? resolver.hostPaths(of: mount)
  }

  /// How the host paths of `mount` are judged.
  func verdict(of mount: MountEntry) -> HostSideVerdict {
    answer(for: mount)?.verdict
      ?? HostSideVerdict(hostPaths: resolver.hostPaths(of: mount), profile: profile)
  }
}
