/// `policy.unused-exception`: an exception of the policy file matched no finding.
///
/// An exception outlives the mount it was written for: the volume is gone, the runtime
/// was fixed, the path was renamed. Left in place it would silently let the next finding
/// of that rule at that path pass, so each live exception that matched nothing is named,
/// with where it is in the file, for its removal.
///
/// - Default severity: note.
/// - Exceptions: an exception whose rule did not run (disabled by the policy, or skipped
///   for want of a host table or namespaces) is not judged; neither is one past its date,
///   which `policy.expired-exception` reports.
/// - Blind spots: "unused" is about this audit only; an exception written for a mount that
///   exists in some containers of a fleet and not in others is reported on the others.
struct PolicyUnusedExceptionRule: Rule {
  let metadata = RuleMetadata(
    id: "policy.unused-exception", severity: .note,
    summary: "a policy exception matched no finding (stale?)",
    explanation: "After the other rules have run and the exceptions have been applied, names "
      + "every live exception of the policy file that matched no finding, with its place in "
      + "the file. Exceptions whose rule did not run, and expired ones, are not judged.",
    rationale: "An exception outlives the mount it was written for. Left in place it would "
      + "silently let the next finding of that rule at that path pass, so a stale one should "
      + "be removed while its reason is still remembered.",
    remediation: "Remove the exception from the policy file if the finding it was written "
      + "for is gone, or correct its rule, mount point or host path.",
    references: ["mountaudit: docs/policy.md, Exceptions"],
    blindSpots: [
      "Unused is judged on this audit alone: an exception written for a mount that some "
        + "containers of a fleet have and others do not is reported on the others."
    ],
    runsAfterExceptions: true)

  func check(_ context: AuditContext) -> [Finding] {
    let file = context.profile.source ?? "the policy"
    return (context.unmatchedExceptions ?? []).map { exception in
      finding(
        "\(file): \(exception.location) (\(exception.description)) matched no finding",
        about: exception)
    }
  }
}
