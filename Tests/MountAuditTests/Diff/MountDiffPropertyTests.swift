import Foundation
import Testing

@testable import MountAudit

/// Properties every diff must have, checked on every mount table under `fixtures/`.
@Suite("MountDiff properties")
struct MountDiffPropertyTests {
  /// Every fixture that reads as a mount table, by path relative to `fixtures/`.
  static let tables: [String] = {
    let root = Fixtures.root
    let walker = FileManager.default.enumerator(atPath: root.path)
    var found: [String] = []
    while let path = walker?.nextObject() as? String {
      guard path.hasSuffix(".mountinfo"), (try? Fixtures.table(path)) != nil else { continue }
      found.append(path)
    }
    return found.sorted()
  }()

  /// Pairs of tables of one case: a container and its host, a host before and after.
  static let pairs: [(String, String)] = {
    var byFolder: [String: [String]] = [:]
    for path in tables {
      byFolder[(path as NSString).deletingLastPathComponent, default: []].append(path)
    }
    return byFolder.keys.sorted().flatMap { folder -> [(String, String)] in
      let members = byFolder[folder]!
      return members.indices.flatMap { first in
        members.indices.filter { $0 > first }.map { (members[first], members[$0]) }
      }
    }
  }()

  @Test("the fixture set is large enough to mean something")
  func enoughFixtures() {
    #expect(Self.tables.count >= 80)
    #expect(Self.pairs.count >= 30)
  }

  @Test("a table diffed with itself has no change", arguments: tables)
  func selfDiffIsEmpty(path: String) throws {
    let tree = MountTree(try Fixtures.table(path))
    for matching in [MountMatching.mountID, .mountPoint] {
      let diff = MountDiff(tree, tree, matching: matching)
      #expect(diff.changes.isEmpty, "\(matching)")
      #expect(diff.unchangedCount == tree.entries.count)
    }
  }

  @Test("diff A B and diff B A mirror each other", arguments: pairs)
  func diffsMirror(first: String, second: String) throws {
    let a = MountTree(try Fixtures.table(first))
    let b = MountTree(try Fixtures.table(second))
    let matching = MountDiff.matching(for: .automatic, a, b)
    let forward = MountDiff(a, b, matching: matching)
    let backward = MountDiff(b, a, matching: matching)
    #expect(forward.count(.added) == backward.count(.removed))
    #expect(forward.count(.removed) == backward.count(.added))
    #expect(forward.unchangedCount == backward.unchangedCount)
    let forwardFields = Set(
      forward.changes.filter { $0.kind == .changed }.flatMap { change in
        change.fields.map {
          Mirror(id: change.after!.id, field: $0.field, old: $0.old, new: $0.new)
        }
      })
    let backwardFields = Set(
      backward.changes.filter { $0.kind == .changed }.flatMap { change in
        change.fields.map {
          Mirror(id: change.before!.id, field: $0.field, old: $0.new, new: $0.old)
        }
      })
    #expect(forwardFields == backwardFields)
  }

  private struct Mirror: Hashable {
    var id: UInt32
    var field: DiffField
    var old: ByteString
    var new: ByteString
  }

  @Test("renumbering every ID, peer group and device changes nothing", arguments: tables)
  func renumberingChangesNothing(path: String) throws {
    let table = try Fixtures.table(path)
    let renumbered = Self.renumbered(table)
    let diff = MountDiff(MountTree(table), MountTree(renumbered), matching: .mountPoint)
    #expect(diff.changes.isEmpty)
    #expect(renumbered.entries.map(\.id) != table.entries.map(\.id))
  }

  /// The table with mount IDs, peer-group numbers and minor device numbers moved by fixed
  /// offsets, consistently across every field that refers to them.
  static func renumbered(_ table: MountTable) -> MountTable {
    var result = table
    func group(_ number: UInt32) -> UInt32 { number &+ 7919 }
    for index in result.entries.indices {
      var entry = result.entries[index]
      entry.id = entry.id &+ 100_003
      entry.parentID = entry.parentID &+ 100_003
      entry.device = DeviceNumber(major: entry.device.major, minor: entry.device.minor &+ 313)
      entry.optionalFields = entry.optionalFields.map { field in
        switch field {
        case .shared(let number): .shared(peerGroup: group(number))
        case .master(let number): .master(peerGroup: group(number))
        case .propagateFrom(let number): .propagateFrom(peerGroup: group(number))
        default: field
        }
      }
      result.entries[index] = entry
    }
    return result
  }
}
