#!/usr/bin/env bash
# Capture real runc mount tables as test fixtures.
#
# Usage: capture-fixtures.sh          (as root, from anywhere)
#
# For every variant of scripts/lab/runtimes/runc.sh it writes
# fixtures/runc/VARIANT/container.mountinfo (the container's table) and
# fixtures/runc/VARIANT/host.mountinfo (/proc/1/mountinfo at the same
# moment), then fixtures/runc/README.md saying how and where. The machine's
# own mounts and cgroup names are replaced by neutral ones; every other byte
# is what the kernel printed.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
readonly SCRIPT_DIR
readonly REPO_DIR=${SCRIPT_DIR%/scripts}
readonly CONTAINER=$SCRIPT_DIR/lab/runtimes/runc.sh
readonly OUT_DIR=$REPO_DIR/fixtures/runc

# Fixed bundle paths: the root field of the container's `/` is the host path
# of its rootfs, so a recapture only changes what really changed.
readonly LAB_DIR=/var/lib/mountaudit-lab

# neutralise() and check_neutral(): the machine's own mounts and cgroups.
# shellcheck source=lib/neutralise.sh
source "$SCRIPT_DIR/lib/neutralise.sh"

# Set while a container runs, so the EXIT trap can stop it.
running_name=''
running_dir=''

die() {
  printf 'capture-fixtures.sh: %s\n' "$*" >&2
  exit 1
}

cleanup() {
  [[ -z $running_name ]] || "$CONTAINER" stop "$running_name" "$running_dir" || true
}

# Two captures at once would share the fixed bundle directories.
take_lock() {
  mkdir -p "$LAB_DIR"
  exec 9>"$LAB_DIR/capture.lock"
  flock -n 9 || die "another capture holds $LAB_DIR/capture.lock"
}

# A container left by a capture that was killed has our fixed name and
# bundle: that one is ours to remove. Anything else under the name is not.
remove_stale() {
  local name=$1 workdir=$2 bundle
  bundle=$(runc state "$name" 2>/dev/null | jq -r .bundle) || return 0
  [[ $bundle == "$workdir" ]] || die "container '$name' exists with bundle $bundle"
  "$CONTAINER" stop "$name" "$workdir"
}

# Start VARIANT, copy both tables while it runs, stop it, then clean the
# copies. Raw copies stay in the bundle directory for comparison.
capture() {
  local variant=$1
  local name=mountaudit-fixture-$variant workdir=$LAB_DIR/$variant
  local out=$OUT_DIR/$variant pid

  remove_stale "$name" "$workdir"
  running_name=$name running_dir=$workdir
  pid=$("$CONTAINER" start "$variant" "$name" "$workdir")
  cat "/proc/$pid/mountinfo" >"$workdir/container.mountinfo.raw"
  cat /proc/1/mountinfo >"$workdir/host.mountinfo.raw"
  "$CONTAINER" stop "$name" "$workdir"
  running_name=''

  mkdir -p "$out"
  local table
  for table in container host; do
    neutralise "$workdir/host.mountinfo.raw" "$workdir/$table.mountinfo.raw" \
      >"$out/$table.mountinfo"
    check_neutral "$out/$table.mountinfo"
  done
  printf '%s: %s lines in container.mountinfo\n' \
    "$variant" "$(wc -l <"$out/container.mountinfo")" >&2
}

write_readme() {
  local variants
  variants=$(printf '%s, ' "$@")
  variants=${variants%, }
  cat >"$OUT_DIR/README.md" <<EOF
# runc fixtures

Real mount tables of runc containers, captured by \`scripts/capture-fixtures.sh\`.

- Captured: $(date -u +%Y-%m-%d) (UTC)
- Kernel: $(uname -r)
- runc: $(runc --version | head -n 1 | sed 's/^runc version //')
- OS: Debian $(cat /etc/debian_version), busybox-static root filesystem

Each directory holds \`container.mountinfo\` (\`/proc/<container pid>/mountinfo\`) and
\`host.mountinfo\` (\`/proc/1/mountinfo\`, read while the container ran). The containers are
runc's default spec (\`runc spec\`) with \`sleep 300\` as payload, changed as follows
(see \`scripts/lab/runtimes/runc.sh\`):

| variant | change |
|---|---|
| \`default\` | none |
| \`docker-sock\` | a unix socket file bound at \`/var/run/docker.sock\` |
| \`host-root\` | host \`/\` rbind-mounted read-write at \`/host\` |
| \`host-proc\` | host \`/proc\` rbind-mounted at \`/proc\` instead of a new procfs |
| \`privileged\` | like \`docker run --privileged -v /dev:/dev\`: no masked or read-only paths, \`/sys\` and cgroups writable, host \`/dev\` rbind-mounted at \`/dev\` (no \`/dev/mqueue\`) |

Variants captured: $variants.

Bundles live at \`$LAB_DIR/<variant>\`, so the root of each container's \`/\` is
\`$LAB_DIR/<variant>/rootfs\` in every capture. The containers are named
\`mountaudit-fixture-<variant>\`, which appears in their cgroup roots.

The capture machine's own mounts are neutralised, everything else is byte-exact: mounts below
\`$MACHINE_MOUNTS\` (the VM's tooling) are renamed \`$NEUTRAL_MOUNT\` with source \`$NEUTRAL_SOURCE\`,
and the cgroup the capture ran in is renamed \`$NEUTRAL_CGROUP\`. Mount IDs, peer groups and
anonymous device minors change with every capture; tests must not depend on their values.

The host has no shared mounts (no \`shared:\` tags), a hybrid cgroup v1 layout and no systemd.

To recapture (root, with \`runc jq busybox-static\` installed), from the repository root:

    scripts/capture-fixtures.sh
EOF
}

main() {
  [[ $# -eq 0 ]] || die "usage: capture-fixtures.sh (no arguments)"
  [[ $EUID -eq 0 ]] || die "must run as root (runc needs it)"
  take_lock
  trap cleanup EXIT

  local variants variant
  mapfile -t variants < <("$CONTAINER" variants)
  for variant in "${variants[@]}"; do
    capture "$variant"
  done
  write_readme "${variants[@]}"
}

main "$@"
