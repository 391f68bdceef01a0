import Foundation
import MountAudit
import Testing

@testable import mountaudit

/// `completions/mountaudit.bash`, sourced in bash and called as bash calls it, checked
/// against what the parser and the library really accept.
@Suite("Bash completion")
struct BashCompletionTests {
  /// Commands and options the completion offers ahead of the parser: added on other
  /// branches (the policy file and the summary-only report). Empty once they are merged.
  static let pendingCommands: Set<String> = []
  static let pendingOptions: Set<String> = ["--summary-only"]

  /// The parser's commands that take options of their own (`help` takes none).
  static let commandsWithOptions = ["audit", "tree", "diff", "snapshot", "rules", "explain"]

  /// What the completion offers for the command line `words`, the last being completed.
  /// The program is the built binary, which `explain` asks for rule IDs.
  static func complete(_ words: [String]) throws -> [String] {
    let script = """
      source completions/mountaudit.bash
      COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
      _mountaudit
      printf '%s\\n' "${COMPREPLY[@]}"
      """
    let run = try Tool.run("bash", ["-c", script, "bash", Binary.url.path] + words)
    #expect(run.status == 0)
    #expect(run.stderr.isEmpty, "\(run.stderr)")
    return run.stdout.split(separator: "\n").map(String.init)
  }

  /// A variable of the completion script, split into words.
  static func variable(_ name: String) throws -> Set<String> {
    let run = try Tool.run("bash", ["-c", "source completions/mountaudit.bash; echo $\(name)"])
    return Set(run.stdout.split(whereSeparator: \.isWhitespace).map(String.init))
  }

  @Test("the first word offers every command")
  func commands() throws {
    let offered = Set(try Self.complete([""]))
    let commands = Set(ArgumentParser.commands).union(Self.pendingCommands)
    #expect(commands.isSubset(of: offered))
    #expect(try Self.variable("_mountaudit_commands") == commands)
  }

  @Test("the options that take a value are the parser's")
  func valuedOptions() throws {
    #expect(
      try Self.variable("_mountaudit_valued").subtracting(Self.pendingOptions)
        == ArgumentParser.valued)
  }

  @Test(
    "a command is offered exactly the options the parser lets it take",
    arguments: commandsWithOptions)
  func optionsPerCommand(command: String) throws {
    let offered = Set(try Self.complete([command, "--"]))
    let known = ArgumentParser.valued.union(ArgumentParser.flags)
    #expect(offered.contains("--help"))
    #expect(offered.subtracting(known).subtracting(["--help"]).isSubset(of: Self.pendingOptions))
    for option in known.sorted() {
      let takesValue = ArgumentParser.valued.contains(option)
      let run = try Binary.run([command, option] + (takesValue ? ["x"] : []))
      let accepted = !run.stderr.contains("does not apply to '\(command)'")
      #expect(offered.contains(option) == accepted, "\(command) \(option): \(run.stderr)")
    }
  }

  @Test("explain offers every rule ID, asked of the binary")
  func ruleIDs() throws {
    #expect(try Self.complete(["explain", ""]) == RuleRegistry.all.map(\.metadata.id))
    #expect(
      try Self.complete(["explain", "proc.mask"]) == ["proc.mask-missing", "proc.mask-invalid"])
    #expect(try Self.complete(["explain", "host.bind", ""]).isEmpty)
  }

  @Test("--profile offers every built-in profile", arguments: ["audit", "diff"])
  func profiles(command: String) throws {
    #expect(try Self.complete([command, "--profile", ""]) == Profile.builtIn.map(\.name))
    #expect(try Self.complete(["policy", "show", ""]) == Profile.builtIn.map(\.name))
  }

  @Test("--format offers the formats the command writes")
  func formats() throws {
    let formats = OutputFormat.allCases.map(\.rawValue)
    for command in ["tree", "diff", "explain"] {
      #expect(try Self.complete([command, "--format", ""]) == formats)
    }
    #expect(Set(try Self.complete(["--format", ""])).isSuperset(of: formats))
    #expect(try Self.complete(["x", "--format", "=", "j"]).first == "json")
  }

  @Test("--fail-on, --match, --ignore and --normalize offer the values the library knows")
  func values() throws {
    let severities = Set(Severity.allCases.map(\.rawValue))
    #expect(Set(try Self.complete(["audit", "--fail-on", ""])).isSuperset(of: severities))
    #expect(try Self.complete(["diff", "--match", ""]) == ["auto", "mount-id", "mount-point"])
    #expect(
      Set(try Self.complete(["diff", "--ignore", ""])) == Set(DiffField.allCases.map(\.rawValue)))
    #expect(try Self.complete(["diff", "--ignore", "root,pro"]) == ["root,propagation"])
    #expect(
      Set(try Self.complete(["diff", "--normalize", ""]))
        == Set(["all"] + NormalizationRule.builtIn.map(\.name)))
  }

  @Test("TARGET, --host, --policy and --container complete file names")
  func files() throws {
    #expect(
      try Self.complete(["audit", "fixtures/runc/docker-s"]) == ["fixtures/runc/docker-sock"])
    #expect(try Self.complete(["x", "--host", "docs/mountaudit."]) == ["docs/mountaudit.1"])
    #expect(try Self.complete(["diff", "a", "b", "--container", "Packa"]) == ["Package.swift"])
    #expect(try Self.complete(["tree", "--timeout", ""]).isEmpty)
  }

  @Test("help offers the commands, and the value of an option is not taken for TARGET")
  func positionals() throws {
    #expect(
      Set(try Self.complete(["help", ""]))
        == Set(["audit", "tree", "diff", "snapshot", "rules", "explain", "policy"]))
    #expect(try Self.complete(["explain", "--format", "json", "host.b"]) == ["host.bind"])
  }
}
