import Foundation
import Testing

@testable import MountAudit

@Suite("RuleExplanation")
struct RuleExplanationTests {
  static let ids = RuleRegistry.all.map(\.metadata.id)

  /// The kinds of reference a rule may cite; CIS items by title, never by number. The
  /// policy's own rules cite this project's documentation.
  static let referencePrefixes = [
    "OCI runtime spec: ", "CIS Docker Benchmark: Ensure ", "Linux kernel: Documentation/",
    "Kubernetes Pod Security Standards (Baseline): ", "CVE-", "mountaudit: docs/",
  ]

  @Test("every rule explains what it checks, why, how to fix it and what it misses")
  func everyRuleIsExplained() {
    for metadata in RuleRegistry.all.map(\.metadata) {
      #expect(metadata.explanation.count > 80, "\(metadata.id): explanation")
      #expect(metadata.rationale.count > 80, "\(metadata.id): rationale")
      #expect(metadata.remediation.count > 40, "\(metadata.id): remediation")
      #expect(!metadata.blindSpots.isEmpty, "\(metadata.id): blind spots")
      #expect(metadata.blindSpots.allSatisfy { $0.count > 20 }, "\(metadata.id)")
      // Every rule has at least one reference: none is allowed to go without.
      #expect(!metadata.references.isEmpty, "\(metadata.id): references")
    }
  }

  @Test("every reference is a spec section, a CIS item by title, kernel docs or a CVE")
  func referencesAreWellFormed() throws {
    let cve = try Regex("^CVE-[0-9]{4}-[0-9]{4,}$")
    let number = try Regex("[0-9]+\\.[0-9]+")
    for metadata in RuleRegistry.all.map(\.metadata) {
      #expect(Set(metadata.references).count == metadata.references.count, "\(metadata.id)")
      for reference in metadata.references {
        #expect(
          Self.referencePrefixes.contains { reference.hasPrefix($0) },
          "\(metadata.id): \(reference)")
        if reference.hasPrefix("CVE-") {
          #expect(reference.wholeMatch(of: cve) != nil, "\(metadata.id): \(reference)")
        }
        if reference.hasPrefix("CIS") {
          #expect(reference.firstMatch(of: number) == nil, "\(metadata.id): \(reference)")
        }
      }
    }
  }

  @Test("every CVE a rule's text names is among its references")
  func namedCVEsAreReferenced() throws {
    let cve = try Regex("CVE-[0-9]{4}-[0-9]+")
    for metadata in RuleRegistry.all.map(\.metadata) {
      let text = metadata.explanation + " " + metadata.rationale + " " + metadata.remediation
      for match in text.matches(of: cve) {
        let name = String(text[match.range])
        #expect(metadata.references.contains(name), "\(metadata.id) names \(name)")
      }
    }
  }

  @Test("the text has every section, in order, within 80 columns", arguments: ids)
  func textLayout(id: String) throws {
    let rule = try #require(RuleRegistry.rule(id: id))
    let text = RuleExplanation(rule).text
    #expect(text.hasPrefix("\(id): \(rule.metadata.summary)\n\nDefault severity: "))
    let headings = [
      "Needs: ", "\nWhat it checks\n", "\nWhy it matters\n", "\nHow to fix\n",
      "\nReferences\n", "\nBlind spots\n",
    ]
    let positions = try headings.map { try #require(text.range(of: $0), "\($0)").lowerBound }
    #expect(positions == positions.sorted())
    for line in text.split(separator: "\n").dropFirst() {
      #expect(line.count <= 80 || !line.dropFirst(4).contains(" "), "\(line)")
    }
    let flattened = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    for reference in rule.metadata.references {
      #expect(flattened.contains("- \(reference) -") || flattened.contains("- \(reference) Blind"))
    }
  }

  @Test("the severity line names the profiles that change it")
  func profileSeverity() throws {
    let rootfs = try #require(RuleRegistry.rule(id: "rootfs.writable"))
    #expect(
      RuleExplanation(rootfs).text.contains(
        "Default severity: note (warning under --profile strict)\n"))
    let socket = try #require(RuleRegistry.rule(id: "host.runtime-socket"))
    #expect(RuleExplanation(socket).text.contains("Default severity: error\n"))
  }

  @Test("what a rule needs follows its requirements")
  func needs() throws {
    let peer = try #require(RuleRegistry.rule(id: "propagation.host-peer"))
    #expect(RuleExplanation(peer).needs.count == 1)
    #expect(RuleExplanation(peer).needs[0].hasPrefix("the host's mount table"))
    let namespace = try #require(RuleRegistry.rule(id: "namespace.host"))
    #expect(RuleExplanation(namespace).needs[0].hasPrefix("the mount namespaces"))
    let parse = try #require(RuleRegistry.rule(id: "parse.invalid-line"))
    #expect(RuleExplanation(parse).needs == ["only the target's mount table: it runs on any input"])
  }

  @Test("the JSON document carries every field")
  func json() throws {
    let rule = try #require(RuleRegistry.rule(id: "rootfs.writable"))
    let data = Data(RuleExplanation(rule).document.serialized())
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["id"] as? String == "rootfs.writable")
    #expect(object["severity"] as? String == "note")
    #expect(object["profileSeverities"] as? [String: String] == ["strict": "warning"])
    #expect(object["blindSpots"] as? [String] == rule.metadata.blindSpots)
    #expect(object["references"] as? [String] == rule.metadata.references)
    #expect(object["requirements"] as? [String] == [])
    #expect(object["rationale"] as? String == rule.metadata.rationale)
  }

  @Test("wrapping breaks at spaces and keeps a long word whole")
  func wrapping() {
    #expect(
      RuleExplanation.wrapped("aaa bbb ccc", first: "- ", rest: "  ", width: 9)
        == "- aaa bbb\n  ccc\n")
    #expect(
      RuleExplanation.wrapped("/a/very/long/path x", first: "", rest: "", width: 5)
        == "/a/very/long/path\nx\n")
  }

  @Test(
    "a mistyped rule ID suggests the closest one",
    arguments: [
      ("proc.mising", "proc.missing"),
      ("runtime-socket", "host.runtime-socket"),
      ("proc.mask", "proc.mask-missing"),
      ("HOST.BIND", "host.bind"),
      ("dev.shm-host", "dev.shm-host-instance"),
      ("sys.writeable", "sys.writable"),
    ])
  func suggestion(typed: String, expected: String) {
    #expect(RuleRegistry.suggestion(for: typed) == expected)
  }

  @Test("an ID close to no rule gets no suggestion")
  func noSuggestion() {
    #expect(RuleRegistry.suggestion(for: "zzz") == nil)
    #expect(RuleRegistry.suggestion(for: "") == nil)
    #expect(RuleRegistry.suggestion(for: "kubernetes.secret") == nil)
  }
}
