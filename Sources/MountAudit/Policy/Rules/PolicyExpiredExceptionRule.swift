/// `policy.expired-exception`: an exception of the policy file is past its `expires` date
/// and no longer applies.
///
/// An exception with a date is a promise to fix something by then. From the day after it,
/// the finding it let pass counts again (and fails the audit if severe enough); this note
/// says why the finding is back and which entry to renew or remove.
///
/// - Default severity: note.
/// - Exceptions: none; the date is compared with the auditor's local date.
/// - Blind spots: none known; an exception that expires today still applies.
struct PolicyExpiredExceptionRule: Rule {
  let metadata = RuleMetadata(
    id: "policy.expired-exception", severity: .note,
    summary: "a policy exception is past its expiry date and no longer applies",
    explanation: "Looks at every exception of the policy file that has an expires date and "
      + "reports each one whose date is before the auditor's local date. From the day after "
      + "its date an exception no longer applies, so the finding it let pass counts again.",
    rationale: "An exception with a date is a promise to fix something by then. Without "
      + "this note a finding would come back without a word of why, and a reviewer could not "
      + "tell a new leak from an old one whose waiver lapsed.",
    remediation: "Fix what the exception let pass and remove it, or, if it is still "
      + "acceptable, give it a new date and a current reason.",
    references: ["mountaudit: docs/policy.md, Exceptions"],
    blindSpots: [
      "The date is compared with the local date of the machine running the audit; an "
        + "exception that expires today still applies until midnight there."
    ])

  func check(_ context: AuditContext) -> [Finding] {
    let file = context.profile.source ?? "the policy"
    return context.profile.exceptions.compactMap { exception in
      guard let expires = exception.expires, !exception.isLive(on: context.today) else {
        return nil
      }
      return finding(
        "\(file): \(exception.location) (\(exception.description)) expired on \(expires) "
          + "and no longer applies", about: exception)
    }
  }
}
