/// The text of `--help`, for the program and for each command.
enum HelpText {
  static func text(for command: String?) -> String {
    switch command {
    case "tree": tree
    case "diff": diff
    case "snapshot": snapshot
    case "rules": rules
    case "explain": explain
    case "policy": policy
    case "audit": audit + exitStatus
    default: overview + exitStatus
    }
  }

  static let overview = """
    mountaudit: is this mount namespace isolated the way a container's should be?

    Usage:
      mountaudit [audit] TARGET [--host FILE | --host-pid N]
                         [--format text|json|sarif|junit] [--summary-only]
                         [--fail-on error|warning|note|never]
                         [--profile NAME | --policy FILE]
      mountaudit tree TARGET [--format text|json]
      mountaudit diff A B [--format text|json] [--ignore FIELD,...]
                          [--normalize RULES] [--match auto|mount-id|mount-point]
                          [--container TABLE]
                          [--audit [--host FILE | --host-pid N]
                                   [--profile NAME | --policy FILE]]
      mountaudit snapshot PID [--host FILE | --host-pid N] > FILE
      mountaudit rules
      mountaudit explain RULE [--format text|json]
      mountaudit policy show PROFILE
      mountaudit --help | --version

    audit, tree, diff and snapshot also take [--timeout SECONDS] and
    [--source auto|mountinfo|statmount].

    TARGET is a PID when it is all digits, - for standard input, and a mountinfo file
    or a snapshot otherwise (write ./1234 for a file called 1234).

    Commands:
      audit     check TARGET's mounts against the container baseline (the default)
      tree      print TARGET's mount tree with propagation and peer-group numbers
      diff      show how two mount tables (or, with --audit, their audits) differ
      snapshot  capture a process's tables and namespaces as JSON for later
      rules     list every rule with its ID, default severity and summary
      explain   explain one rule: what it checks, why, how to fix, references,
                blind spots
      policy    print a built-in profile as a policy file (policy show PROFILE)
      help      print the usage of mountaudit or of one command (help COMMAND)

    Run 'mountaudit help COMMAND' for a command's options; 'man mountaudit' for
    the manual.

    Environment:
      NO_COLOR             set to turn off colour in text reports
      LIBMOUNT_DEBUG       libmount's debug mask, e.g. all

    """

  static let audit = """
    Usage: mountaudit [audit] TARGET [options]

    Audits TARGET's mount table against the container baseline.

    Options:
      --host FILE          compare with the host table saved in FILE
      --host-pid N         compare with the mount table and namespace of process N
                           (default for a PID: process 1, or mountaudit's own
                           namespace where process 1's is unreadable; for a file:
                           none, and checks that need the host are skipped)
      --format FORMAT      report format: text (default), json, sarif (SARIF
                           2.1.0, for code scanning) or junit (JUnit XML, for CI
                           test reports); see docs/sarif.md
      --summary-only       print only the counts (text: the summary line; json:
                           findings is null); not with sarif or junit
      --fail-on SEVERITY   exit 1 when a finding is at or above error, warning or
                           note (default: error); never: exit 0 whatever is found
                           (2 and 64 still mean the audit did not run). JUnit
                           failures follow it too
      --profile NAME       baseline profile: default, runc, crun, docker, podman,
                           k8s or strict (the masked and read-only paths a
                           runtime applies by default; see docs/runtimes.md)
      --policy FILE        a policy file (docs/policy.md): rule settings, extra
                           sensitive paths, sockets and expected binds, and
                           exceptions; it names its base profile with "extends",
                           so it cannot be combined with --profile
      --timeout SECONDS    give up after SECONDS (exit 2); also for tree, diff and
                           snapshot
      --source S           how a PID's table is read: auto (default: statmount
                           where it gives the same table and is allowed, else
                           mountinfo), mountinfo, or statmount (listmount and
                           statmount, Linux 6.11+, root: much faster for a slave
                           of a large peer group; falls back to mountinfo where
                           it could differ, and says so); also for tree, diff
                           and snapshot; the host reference is always read from
                           mountinfo

    Environment:
      NO_COLOR             set to turn off colour in text reports
      LIBMOUNT_DEBUG       libmount's debug mask, e.g. all

    """

  static let tree = """
    Usage: mountaudit tree TARGET [--format text|json] [--timeout SECONDS]
                           [--source auto|mountinfo|statmount]

    Prints TARGET's mount tree: every mount with its source, filesystem type,
    propagation (shared:N, master:N, propagate_from:N, unbindable) and options.
    Mounts hidden under another mount are marked (hidden).

    Exit status: 0 printed, 2 the table could not be read, 64 usage error.

    """

  static let diff = """
    Usage: mountaudit diff A B [options]

    Shows how mount table B differs from A, mount by mount: added (+), removed (-)
    and changed (~) with each field's old and new value. A and B are each a PID, a
    mountinfo file, a snapshot or - (standard input, for one of them).

    Mounts are matched by mount ID when A and B are one namespace at two times
    (processes or snapshots in the same mount namespace), otherwise by mount
    point and position in the stack of mounts there, with a mount that keeps
    its ID, filesystem, root and a distinctive source elsewhere paired as a
    move (not a pseudo-filesystem such as proc or tmpfs from 'tmpfs', whose
    IDs and devices the kernel recycles). Across
    namespaces, mount IDs, peer-group numbers and major:minor are compared by the
    relations they express (which mounts share a peer group, a master, a
    filesystem), never by value.

    Options:
      --format text|json   report format (default: text)
      --ignore FIELD,...   leave fields out: mount-point, parent, fstype, source,
                           root, options, super-options, propagation, device,
                           shadowing
      --normalize RULES    rewrite volatile values before comparing: all,
                           runtime-state, container-ids, overlay-layers,
                           tmpfs-sizes, or s/REGEX/REPLACEMENT/ ($1 for a group),
                           separated by commas
      --match MODE         auto (default), mount-id or mount-point
      --container TABLE    a container's table (PID, file or snapshot) to trace
                           through two host tables: host mounts that came by
                           propagation with one of its mounts are named, and
                           those still in B after its root left, left behind (!)
      --timeout SECONDS    give up after SECONDS (exit 2)
      --source S           read PIDs with auto (default), mountinfo or statmount
      --audit              compare the audits of A and B instead: findings that
                           appeared, were resolved or changed severity; takes
                           --host, --host-pid, --profile and --policy as audit
                           does

    Exit status:
      0    no differences
      1    differences (or, with --container, a mount left behind)
      2    a table could not be read, or some of its lines could not (the
           report names them)
      64   usage error

    """

  static let snapshot = """
    Usage: mountaudit snapshot PID [--host FILE | --host-pid N] [--timeout SECONDS]
                               [--source auto|mountinfo|statmount] > FILE

    Writes, as one JSON document, everything an offline audit or diff of PID needs:
    its mountinfo and the host reference's, byte for byte, the mount and network
    namespace identities, which masked and read-only paths exist on the kernel, the
    kernel release, the time and the tool version. Every command that takes a
    table takes the snapshot file instead; its audit gives the live audit's
    findings. To keep the kernel's bytes, auto (the default) reads mountinfo here;
    --source statmount records the table statmount gives, printed as mountinfo.

    Exit status: 0 written, 2 the process could not be read, 64 usage error.

    """

  static let rules = """
    Usage: mountaudit rules

    Lists every rule with its ID, default severity and summary.

    Exit status: 0.

    """

  static let explain = """
    Usage: mountaudit explain RULE [--format text|json]

    Explains rule RULE (an ID that 'mountaudit rules' lists, such as
    host.runtime-socket): its default severity, what it needs, what it checks, why
    it matters, how to fix what it finds, references (OCI runtime spec sections,
    CIS Docker Benchmark items by title, CVEs) and its known blind spots.

    Options:
      --format text|json   output format (default: text)

    Exit status: 0 explained, 64 unknown rule or usage error.

    """

  static let policy = """
    Usage: mountaudit policy show PROFILE

    Prints the built-in profile PROFILE (default, runc, crun, docker, podman, k8s
    or strict) as a complete policy document: JSON with sorted keys, which
    --policy reads back as that profile. Copy it, or write a file with
    "extends": "PROFILE", to change rules, add sensitive paths, runtime sockets
    and expected binds, and declare exceptions (docs/policy.md).

    Exit status: 0 printed, 64 usage error.

    """

  static let exitStatus = """
    Exit status:
      0    no finding at or above --fail-on, or --fail-on never (diff: no
           difference)
      1    findings at or above --fail-on (diff: differences)
      2    the audit could not run (no such process, a process that exited while
           it was read, permission denied, unreadable, empty or oversized input,
           no well-formed mountinfo line, a damaged host table, a table that
           changed during every read, --timeout passed, the report could not
           be written, a policy file that cannot be read or is not valid)
      64   usage error

    """
}
