/// Rewrites volatile values in a mount table before a diff, so that a golden table recorded
/// once stays valid: container IDs, runtime state paths, overlay layer IDs, tmpfs sizes, or
/// substitutions of the user's own.
///
/// The rules apply to the mount point, root, source, per-mount options and super options of
/// every mount, in the order given. Fields that are not valid UTF-8 are left alone by
/// substitutions.
public struct TableNormalization: Sendable, Equatable {
  /// The rules, in the order they apply.
  public var rules: [NormalizationRule]

  /// No rule: the table is compared as read.
  public init() {
    rules = []
  }

  /// Parses `--normalize`'s value: built-in rule names and `s/REGEX/REPLACEMENT/`
  /// substitutions, separated by commas; `all` stands for every built-in rule.
  public init(parsing text: String) throws(NormalizationError) {
    rules = []
    var rest = Substring(text)
    while !rest.isEmpty {
      if rest.hasPrefix("s/") {
        let (rule, remainder) = try Self.substitution(rest)
        rules.append(rule)
        rest = remainder
      } else {
        let name = rest.prefix { $0 != "," }
        rest = rest.dropFirst(name.count)
        if name == "all" {
          rules += NormalizationRule.builtIn
        } else if let rule = NormalizationRule.builtIn.first(where: { $0.name == name }) {
          rules.append(rule)
        } else {
          let names = NormalizationRule.builtIn.map(\.name).joined(separator: ", ")
          throw NormalizationError(
            message: "unknown rule '\(name)': expected all, \(names) or s/REGEX/REPLACEMENT/")
        }
      }
      if rest.first == "," {
        rest = rest.dropFirst()
        if rest.isEmpty { throw NormalizationError(message: "a rule is missing after ','") }
      } else if !rest.isEmpty {
        throw NormalizationError(message: "expected ',' before '\(rest)'")
      }
    }
  }

  /// The rules by name, for reports.
  public var names: [String] { rules.map(\.name) }

  /// The table with every rule applied to every mount.
  public func apply(to table: MountTable) -> MountTable {
    guard !rules.isEmpty else { return table }
    let compiled = rules.map { CompiledRule($0) }
    var result = table
    for index in result.entries.indices {
      var entry = result.entries[index]
      for rule in compiled {
        entry.mountPoint = rule.rewrite(entry.mountPoint)
        entry.root = rule.rewrite(entry.root)
        entry.source = rule.rewrite(entry.source)
        entry.superOptions = rule.rewrite(entry.superOptions)
        entry.mountOptions = entry.mountOptions.map { rule.rewrite(ByteString($0)).lossyText }
      }
      result.entries[index] = entry
    }
    return result
  }

  /// Reads `s/REGEX/REPLACEMENT/` at the start of `text`; `\/` stands for a slash.
  private static func substitution(
    _ text: Substring
  ) throws(NormalizationError) -> (NormalizationRule, Substring) {
    var parts: [String] = []
    var current = ""
    var rest = text.dropFirst(2)
    while parts.count < 2 {
      guard let character = rest.first else {
        throw NormalizationError(message: "substitution '\(text)' lacks its closing '/'")
      }
      rest = rest.dropFirst()
      if character == "\\", rest.first == "/" {
        current.append("/")
        rest = rest.dropFirst()
      } else if character == "/" {
        parts.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    do {
      _ = try Regex(parts[0])
    } catch {
      throw NormalizationError(message: "invalid regular expression '\(parts[0])'")
    }
    return (.substitution(pattern: parts[0], replacement: parts[1]), rest)
  }
}

/// One normalization rule.
public enum NormalizationRule: Sendable, Equatable {
  /// 64-digit hexadecimal container and sandbox IDs become `<id>`, UUIDs (pod UIDs)
  /// become `<uid>`.
  case containerIDs
  /// The per-container directory under a runtime's state directory
  /// (`/var/lib/docker/containers/<id>`, `/run/containerd/.../k8s.io/<id>`,
  /// `.../overlay-containers/<id>`, `/var/lib/kubelet/pods/<uid>`, `/run/netns/<name>`...)
  /// becomes `<id>`, whatever the runtime named it.
  case runtimeState
  /// Layer IDs become `<layer>`: a directory of 20 or more letters and digits in
  /// `overlay2/`, `overlay2/l/` or containers/storage's `overlay/`, and containerd's numbered
  /// `snapshots/<n>`, wherever they appear (`lowerdir`, `upperdir`, `workdir`, mount points).
  case overlayLayers
  /// `size=` and `nr_inodes=` in super options become `size=<size>` and `nr_inodes=<n>`.
  case tmpfsSizes
  /// A regular expression and its replacement (`$1` for a group), from the command line.
  case substitution(pattern: String, replacement: String)

  /// Every built-in rule, in the order `all` applies them.
  public static let builtIn: [NormalizationRule] = [
    .runtimeState, .containerIDs, .overlayLayers, .tmpfsSizes,
  ]

  /// The rule's name on the command line and in reports.
  public var name: String {
    switch self {
    case .containerIDs: "container-ids"
    case .runtimeState: "runtime-state"
    case .overlayLayers: "overlay-layers"
    case .tmpfsSizes: "tmpfs-sizes"
    case .substitution(let pattern, let replacement):
      "s/\(Self.escapingSlashes(pattern))/\(Self.escapingSlashes(replacement))/"
    }
  }
}

extension NormalizationRule {
  fileprivate static func escapingSlashes(_ text: String) -> String {
    text.replacingOccurrences(of: "/", with: "\\/")
  }
}

/// A `--normalize` value that cannot be used.
public struct NormalizationError: Error, Equatable, Sendable {
  /// What is wrong, for the usage message.
  public var message: String
}
