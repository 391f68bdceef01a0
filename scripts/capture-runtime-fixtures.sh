#!/usr/bin/env bash
# Capture the mount tables of every case of the runtime verdict matrix
# (fixtures/runtimes/verdicts.json) as test fixtures.
#
# Usage: capture-runtime-fixtures.sh [CASE...]   (as root; default: every case)
#
# For each case it starts the container with scripts/lab/lab.sh and writes
# fixtures/runtimes/CASE/container.mountinfo (the container's table) and
# fixtures/runtimes/CASE/host.mountinfo (the host reference's table at the
# same moment: /proc/1/mountinfo, or the stand-in host's), then stops it and
# rewrites fixtures/runtimes/README.md. The machine's own mounts and cgroup
# names are neutralised (scripts/lib/neutralise.sh); every other byte is what
# the kernel printed. Re-record the golden reports afterwards:
#   MOUNTAUDIT_RECORD_GOLDEN=1 scripts/test.sh
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
readonly SCRIPT_DIR
readonly REPO_DIR=${SCRIPT_DIR%/scripts}
readonly LAB=$SCRIPT_DIR/lab/lab.sh
readonly OUT_DIR=$REPO_DIR/fixtures/runtimes
# Fixed work directories and names: the root of each container's `/` and its
# cgroup paths stay the same from one capture to the next.
# Short: podman refuses a runroot path longer than 50 characters.
readonly LAB_DIR=/srv/malab

# shellcheck source=lib/neutralise.sh
source "$SCRIPT_DIR/lib/neutralise.sh"

running_case=''

die() {
  printf 'capture-runtime-fixtures.sh: %s\n' "$*" >&2
  exit 1
}

cleanup() {
  [[ -z $running_case ]] || "$LAB" stop "$running_case" "$LAB_DIR/$running_case" || true
}

capture() {
  local id=$1 workdir=$LAB_DIR/$1 out=$OUT_DIR/$1 pid host_pid host_table table
  "$LAB" stop "$id" "$workdir" >/dev/null 2>&1 || true
  rm -rf "$workdir"
  running_case=$id
  read -r pid host_pid < <(LAB_NAME=mountaudit-fixture-$id "$LAB" start "$id" "$workdir")
  host_table=/proc/1/mountinfo
  [[ $host_pid == - ]] || host_table=/proc/$host_pid/mountinfo
  cat "/proc/$pid/mountinfo" >"$workdir/container.mountinfo.raw"
  cat "$host_table" >"$workdir/host.mountinfo.raw"
  "$LAB" stop "$id" "$workdir"
  running_case=''

  mkdir -p "$out"
  for table in container host; do
    neutralise "$workdir/host.mountinfo.raw" "$workdir/$table.mountinfo.raw" \
      >"$out/$table.mountinfo"
    check_neutral "$out/$table.mountinfo"
  done
  printf '%s: %s lines\n' "$id" "$(wc -l <"$out/container.mountinfo")" >&2
}

version_of() {
  local version
  version=$("$@" 2>/dev/null | head -n 1) || version='not installed'
  printf '%s\n' "${version:-not installed}"
}

write_readme() {
  cat >"$OUT_DIR/README.md" <<TEXT
# Runtime matrix fixtures

Real mount tables of the cases in \`verdicts.json\`, captured by
\`scripts/capture-runtime-fixtures.sh\` on a Debian $(cat /etc/debian_version) VM, kernel
$(uname -r), $(date -u +%Y-%m-%d) (UTC). Each \`CASE/\` holds \`container.mountinfo\` (the
audited process's table) and \`host.mountinfo\` (the host reference's table read at the same
moment: \`/proc/1/mountinfo\`, or for cases on a systemd-like host the stand-in's).

Runtimes: $(version_of runc --version); $(version_of crun --version);
$(version_of bwrap --version); $(version_of unshare --version);
$(version_of systemd-nspawn --version); $(version_of podman --version);
$(version_of lxc-start --version | sed 's/^/lxc /').

Work directories are \`$LAB_DIR/CASE\` and containers are named \`mountaudit-fixture-CASE\`,
so paths repeat between captures. The machine's own mounts below \`$MACHINE_MOUNTS\` are
renamed \`$NEUTRAL_MOUNT\` (source \`$NEUTRAL_SOURCE\`), and the cgroup the capture ran in
\`$NEUTRAL_CGROUP\`; everything else is byte-exact. Mount IDs, peer groups, device minors and
podman's container IDs change with every capture.
TEXT
}

main() {
  [[ $EUID -eq 0 ]] || die "must run as root"
  trap cleanup EXIT
  local cases=("$@") id
  [[ ${#cases[@]} -gt 0 ]] || mapfile -t cases < <("$LAB" cases)
  for id in "${cases[@]}"; do
    capture "$id"
  done
  write_readme
}

main "$@"
