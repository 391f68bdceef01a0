import MountAudit

/// Renders `docs/runtimes.md` from the verdict matrix and the built-in profiles, so the
/// published table is exactly what the tests check.
enum RuntimeVerdictDocument {
  static func render(_ matrix: VerdictMatrix, profiles: [Profile]) -> String {
    var lines = [
      "# mountaudit on real container runtimes",
      "",
      "<!-- Generated from fixtures/runtimes/verdicts.json and the built-in profiles by the",
      "     \"Runtime verdict document\" test; re-record with MOUNTAUDIT_RECORD_GOLDEN=1. -->",
      "",
      "Each case below was started for real by its runtime on a Debian 12 VM (Linux 6.x,",
      "hybrid cgroup v1, no systemd as PID 1, no AppArmor) and audited by PID with the",
      "profile shown. The integration tests (`Runtime verdict matrix`) start every case again",
      "and require exactly these findings, notes included; the captured tables in",
      "`fixtures/runtimes/` check the same verdicts offline. Cases on a *systemd-like* host",
      "run inside a stand-in namespace whose mounts are all shared, as on a systemd host, and",
      "each of their propagation verdicts is proved by a probe: a tmpfs mounted on one side",
      "must appear on the other exactly when mountaudit says mounts propagate that way.",
      "",
      "A finding *under* a path stands for one or more findings of that rule at or below it",
      "(one per cgroup controller, or per mount of a copied host table).",
      "",
      "## Summary",
      "",
      "| case | host | profile | errors | warnings | notes |",
      "|---|---|---|---|---|---|",
    ]
    for testCase in matrix.cases {
      let count = { (severity: String) in
        String(testCase.expected.filter { $0.severity == severity }.count)
      }
      lines.append(
        "| [\(testCase.title)](#\(testCase.id)) | \(testCase.host) | `\(testCase.profile)` | "
          + "\(count("error")) | \(count("warning")) | \(count("note")) |")
    }
    lines.append("")
    lines.append("Counts are of expectation lines; an *under* line may stand for several findings.")

    // Runtimes in the order the matrix first names them: runc first.
    var order: [String] = []
    for testCase in matrix.cases where !order.contains(testCase.runtime) {
      order.append(testCase.runtime)
    }
    for key in order {
      guard let runtime = matrix.runtimes[key] else { continue }
      lines += ["", "## \(runtime.name)", "", runtime.defaults]
      for testCase in matrix.cases where testCase.runtime == key {
        lines += section(testCase)
      }
    }

    lines += ["", "## Profiles", ""]
    lines.append(
      "`--profile NAME` sets the masked and read-only paths a runtime applies by default and")
    lines.append(
      "any severity changes. Masks and read-only binds are required only for paths the")
    lines.append("running kernel has.")
    lines += [
      "",
      "Every profile expects the same runtime-provided mounts, each recognised by what it is",
      "rather than by runtime, so that no profile loosens a rule for another runtime's",
      "containers: the container's root filesystem; `/etc/hosts`, `/etc/hostname`,",
      "`/etc/resolv.conf`, `/run/.containerenv` and `/dev/termination-log` from a runtime's",
      "per-container state directory (Docker, containerd CRI, Podman and CRI-O under any",
      "containers/storage driver, the kubelet); the `/dev/shm` tmpfs Docker and Podman mount",
      "in that directory; Kubernetes pod volumes, secrets and service-account tokens; named",
      "volumes (listed as notes); the container's own cgroups; masks made with the",
      "container's `/dev/null` or a devtmpfs `null` node (crun); and a writable",
      "`/proc/sys/net` when the container has a network namespace of its own (LXC).",
    ]
    for profile in profiles {
      let summary = profile.summary.prefix(1).uppercased() + profile.summary.dropFirst()
      lines += ["", "### `\(profile.name)`", "", summary + ".", ""]
      lines.append("- masked: " + profile.maskedPaths.map { "`\($0)`" }.joined(separator: ", "))
      lines.append(
        "- read-only: " + profile.readOnlyPaths.map { "`\($0)`" }.joined(separator: ", "))
      if !profile.severityOverrides.isEmpty {
        let changes = profile.severityOverrides.sorted { $0.key < $1.key }
          .map { "`\($0.key)` is \($0.value)" }
        lines.append("- severities: " + changes.joined(separator: ", "))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func section(_ testCase: VerdictMatrix.Case) -> [String] {
    var lines = [
      "", "<a id=\"\(testCase.id)\"></a>", "### \(testCase.title)", "",
      "Case `\(testCase.id)`: variant `\(testCase.variant)` on the \(testCase.host) host, "
        + "`--profile \(testCase.profile)`.", "",
    ]
    if testCase.expected.isEmpty {
      lines.append("mountaudit reports nothing.")
    } else {
      lines.append("mountaudit reports:")
      lines.append("")
      for expectation in testCase.expected {
        let place =
          expectation.under.map { "under `\($0)`" } ?? expectation.at.map { "at `\($0)`" }
          ?? "for the namespace"
        lines.append("- \(expectation.severity) `\(expectation.rule)` \(place)")
      }
    }
    if !testCase.why.isEmpty { lines += ["", testCase.why] }
    if let probes = testCase.probes, !probes.isEmpty {
      let mounts = probes.map { "`\($0.mount)`" }.joined(separator: ", ")
      lines += ["", "Propagation probed at \(mounts)."]
    }
    return lines
  }
}
