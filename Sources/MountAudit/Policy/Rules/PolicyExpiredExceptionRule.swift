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
    remediation: "Fix what the exception let pass and remove it, or, if it is still "
      + "acceptable, give it a new date and a current reason.")

  func check(_ context: AuditContext) -> [Finding] {
    let file = context.profile.source ?? "the policy"
    return context.profile.exceptions.compactMap { exception in
      guard let expires = exception.expires, !exception.isLive(on: context.today) else {
        return nil
      }
      return finding(
        "\(file): \(exception.location) (\(exception.description)) expired on \(expires) "
          + "and no longer applies", path: nil)
    }
  }
}
