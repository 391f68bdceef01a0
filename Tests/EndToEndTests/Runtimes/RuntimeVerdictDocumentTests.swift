import Foundation
import MountAudit
import Testing

/// `docs/runtimes.md` stays the rendering of the verdict matrix the tests check.
@Suite("Runtime verdict document")
struct RuntimeVerdictDocumentTests {
  @Test("docs/runtimes.md is rendered from the matrix the tests check")
  func documentIsCurrent() throws {
    let rendered = RuntimeVerdictDocument.render(VerdictMatrix.shared, profiles: Profile.builtIn)
    #expect(rendered.contains("### runc default spec"))
    try GoldenFile.expect(rendered, matches: "docs/runtimes.md")
  }
}
