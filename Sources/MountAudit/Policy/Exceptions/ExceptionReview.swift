/// Applies a policy's exceptions to the findings of the rules that ran.
///
/// Each finding is matched against the live exceptions (those not past their date) in
/// policy order; the first that matches takes it out of the findings into `excepted`.
/// Every live exception that matched at least one finding counts as used; the others are
/// `unmatched`, except those whose rule did not run (disabled, or skipped for want of a
/// host table): nothing can be said about them.
struct ExceptionReview {
  /// The findings no exception matched.
  var kept: [Finding] = []
  /// The findings an exception let pass.
  var excepted: [ExceptedFinding] = []
  /// The live exceptions of rules that ran which matched no finding.
  var unmatched: [PolicyException] = []

  /// Applies `exceptions` to `findings` as of `today`; `rulesRun` holds the IDs of the
  /// rules that ran.
  init(
    _ exceptions: [PolicyException], to findings: [Finding], today: CalendarDate,
    rulesRun: Set<String>
  ) {
    let live = exceptions.filter { $0.isLive(on: today) }
    var used = Set<Int>()
    for finding in findings {
      let matching = live.filter { $0.matches(finding) }
      guard let first = matching.first else {
        kept.append(finding)
        continue
      }
      used.formUnion(matching.map(\.index))
      excepted.append(ExceptedFinding(finding: finding, exception: first))
    }
    unmatched = live.filter { !used.contains($0.index) && rulesRun.contains($0.rule) }
  }
}
