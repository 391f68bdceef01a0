/// `parse.invalid-line`: a mountinfo line could not be parsed.
///
/// Every line of the input must be a well-formed mountinfo line with a mount ID of its own.
/// A line that is not is reported with its line number and what is wrong, and the rest of
/// the table is still audited; the report is then incomplete, which is why this is an
/// error.
///
/// - Default severity: error.
/// - Exceptions: none. Lines the kernel really prints (empty sources, raw spaces in super
///   options, unknown optional tags) are well-formed and never reported. A policy can
///   neither disable it, lower its severity nor except its findings.
/// - Blind spots: a mount on a rejected line is not audited at all.
struct ParseInvalidLineRule: Rule {
  let metadata = RuleMetadata(
    id: "parse.invalid-line", severity: .error,
    summary: "a mountinfo line could not be parsed",
    explanation: """
      Fires once for each line of the audited table that is not a well-formed mountinfo line, or \
      that repeats an earlier line's mount ID, with its line number and what is wrong; the rest of \
      the table is still audited. Lines the kernel \
      really prints (empty sources, spaces in super options, unknown optional tags) are \
      well-formed. A damaged host table is not this rule's: it stops the audit with exit status 2. \
      A policy can neither disable this rule, change its severity nor except its findings.
      """,
    rationale: """
      The mount on a damaged line is not audited at all, so the report is incomplete: a leak \
      described on that line goes unseen.
      """,
    remediation: "Check that the input is an unmodified /proc/<pid>/mountinfo; a damaged "
      + "line hides that mount from the audit.",
    references: [
      "Linux kernel: Documentation/filesystems/proc.rst, /proc/<pid>/mountinfo"
    ],
    blindSpots: [
      "What the damaged line described is unknown, so no rule judges that mount.",
      """
      A line that is well-formed but altered (a table edited by hand) cannot be told from a real \
      one.
      """,
    ],
    isLocked: true)

  func check(_ context: AuditContext) -> [Finding] {
    context.target.table.problems.map { problem in
      finding(
        "\(context.target.table.origin) line \(problem.line): \(problem.problem)", path: nil,
        line: problem.line)
    }
  }
}
