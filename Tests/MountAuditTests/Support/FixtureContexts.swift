@testable import MountAudit

/// Audit contexts built from the captured cases under `fixtures/` (a folder holding
/// `container.mountinfo` and `host.mountinfo`).
enum FixtureContexts {
  /// The context of the case in `folder`, e.g. `runc/default` or `field-cases/R07`.
  static func context(_ folder: String, profile: Profile = .standard) throws -> AuditContext {
    AuditContext(
      target: MountTree(try Fixtures.table("\(folder)/container.mountinfo")),
      host: MountTree(try Fixtures.table("\(folder)/host.mountinfo")), profile: profile)
  }

  /// The findings `rules` give on the case in `folder`, folded and sorted by the engine.
  static func findings(of rules: [any Rule], in folder: String) throws -> [Finding] {
    PolicyEngine(rules: rules).evaluate(try context(folder)).findings
  }
}
