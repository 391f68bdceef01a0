#!/usr/bin/env bash
# Start and stop throwaway systemd-nspawn containers for mount-table audits.
#
# Usage:
#   nspawn.sh start VARIANT NAME WORKDIR   prints the PID to audit
#   nspawn.sh stop NAME WORKDIR
#   nspawn.sh variants                     lists VARIANT names
#
# VARIANT is one of: default.
# NAME must be unique on the machine (the VM is shared); it is the machine
# name and the name of the cgroup directories made for nspawn. WORKDIR
# receives rootfs/, log, nspawn.pid, pid and cgroups (the cgroup
# directories to remove on stop). Needs root, systemd-nspawn
# (systemd-container) and busybox-static.
#
# The host has no systemd as PID 1, so nspawn runs with --register=no
# --keep-unit in cgroup directories of its own (it puts itself in
# supervisor/ and the container in payload/ below them). With --as-pid2
# nspawn's stub init is PID 1 of the container and /bin/sleep its child:
# both are in the container's mount namespace (the stub forks the payload
# after every mount is made), and the PID printed is the payload's, the
# process a workload would be.
set -euo pipefail

readonly VARIANTS=(default)
readonly CGROUP_ROOT=/sys/fs/cgroup
# nspawn removes its propagation directory itself, except when killed.
readonly PROPAGATE_ROOT=/run/systemd/nspawn/propagate
# Tries of 50 ms: nspawn takes 250-300 ms to start the payload here.
readonly START_TRIES=200
readonly STOP_TRIES=200

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
readonly SCRIPT_DIR
# shellcheck source=common.sh
source "$SCRIPT_DIR/common.sh"

readonly MAKE_ROOTFS=${SCRIPT_DIR%/*}/make-rootfs.sh

die() {
  printf 'nspawn.sh: %s\n' "$*" >&2
  exit 1
}

warn() {
  printf 'nspawn.sh: %s\n' "$*" >&2
}

usage() {
  cat >&2 <<'EOF'
usage: nspawn.sh start VARIANT NAME WORKDIR
       nspawn.sh stop NAME WORKDIR
       nspawn.sh variants
EOF
  exit 64
}

# A valid machine name (a hostname label) is also a safe cgroup directory
# and path component.
check_name() {
  [[ $1 =~ ^[A-Za-z0-9][A-Za-z0-9-]{0,62}$ ]] || die "invalid container name '$1'"
}

# As absolute_dir, but never creates anything: stop must not.
existing_dir() {
  [[ -d $1 ]] || return 1
  (cd "$1" && pwd -P)
}

# A process's state and start time (fields 3 and 22 of its stat). The start
# time is recorded with the PID so that a recycled PID is never taken for
# ours. The command name (field 2) may hold spaces and parentheses, so
# fields are counted after its last ')'.
state_and_start() {
  local stat
  local -a fields
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  read -ra fields <<<"${stat##*) }" # fields[0] is field 3
  printf '%s %s\n' "${fields[0]}" "${fields[19]}"
}

# Whether the process recorded as "PID STARTTIME" in FILE still exists:
# running, or (with "zombie") also as a zombie not yet reaped.
recorded_alive() {
  local file=$1 zombie=${2:-} pid started state now
  [[ -r $file ]] || return 1
  read -r pid started <"$file" || return 1
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  read -r state now < <(state_and_start "$pid") || return 1
  [[ $now == "$started" ]] || return 1
  [[ $state != Z || -n $zombie ]]
}

record_process() {
  local pid=$1 file=$2 state started
  read -r state started < <(state_and_start "$pid") || return 1
  [[ $state != Z ]] || return 1
  printf '%s %s\n' "$pid" "$started" >"$file"
}

recorded_pid() {
  local pid _
  read -r pid _ <"$1"
  printf '%s\n' "$pid"
}

# Signal the process recorded in FILE, if it is still the one recorded.
signal_recorded() {
  local signal=$1 file=$2
  recorded_alive "$file" || return 0
  kill "-$signal" "$(recorded_pid "$file")" 2>/dev/null || true
}

# Wait until the process recorded in FILE has exited; with "zombie", also
# until it has been reaped. nspawn's parent is PID 1 by then, which reaps
# here up to a second late: callers that look for leftover PIDs must not
# see it.
wait_recorded_gone() {
  local file=$1 zombie=${2:-} tries
  for ((tries = 0; tries < STOP_TRIES; tries++)); do
    recorded_alive "$file" "$zombie" || return 0
    sleep 0.05
  done
  return 1
}

# The cgroup directories nspawn runs in: one per systemd-style hierarchy.
# A hybrid host has name=systemd and the cgroup2 "unified" tree; a pure
# cgroup2 host has only the root.
cgroup_dirs() {
  local name=$1 hierarchy
  if [[ -e $CGROUP_ROOT/cgroup.procs ]]; then
    printf '%s\n' "$CGROUP_ROOT/$name"
    return
  fi
  for hierarchy in systemd unified; do
    [[ -e $CGROUP_ROOT/$hierarchy/cgroup.procs ]] || continue
    printf '%s\n' "$CGROUP_ROOT/$hierarchy/$name"
  done
}

make_cgroups() {
  local name=$1 workdir=$2 dir
  local -a dirs
  mapfile -t dirs < <(cgroup_dirs "$name")
  [[ ${#dirs[@]} -gt 0 ]] || die "no systemd or cgroup2 hierarchy under $CGROUP_ROOT"
  for dir in "${dirs[@]}"; do
    [[ ! -e $dir ]] || die "cgroup '$dir' already exists (NAME in use?)"
  done
  printf '%s\n' "${dirs[@]}" >"$workdir/cgroups"
  for dir in "${dirs[@]}"; do
    mkdir "$dir"
  done
}

# Remove a cgroup directory and the ones nspawn made below it, deepest
# first. A cgroup whose last process has just died is busy until the
# kernel has reaped it, so each rmdir is retried for a while.
remove_cgroup_tree() {
  local top=$1 dir tries
  [[ -d $top ]] || return 0
  local -a dirs
  mapfile -t dirs < <(find "$top" -depth -type d)
  for dir in "${dirs[@]}"; do
    for ((tries = 0; tries < STOP_TRIES; tries++)); do
      rmdir "$dir" 2>/dev/null && break
      [[ -d $dir ]] || break
      sleep 0.05
    done
    [[ ! -d $dir ]] || {
      warn "cannot remove cgroup '$dir' (processes: $(tr '\n' ' ' <"$dir/cgroup.procs"))"
      return 1
    }
  done
}

# The first PID listed in /proc/PID/task/PID/children, if any.
first_child() {
  local pid=$1 children
  children=$(cat "/proc/$pid/task/$pid/children" 2>/dev/null) || return 1
  children=${children%% *}
  [[ -n $children ]] || return 1
  printf '%s\n' "$children"
}

# The payload is the child of the stub init, which is nspawn's child. It is
# ready once it has executed /bin/sleep.
find_payload() {
  local nspawn_pid=$1 stub payload command
  stub=$(first_child "$nspawn_pid") || return 1
  payload=$(first_child "$stub") || return 1
  command=$(tr '\0' ' ' <"/proc/$payload/cmdline" 2>/dev/null) || return 1
  [[ $command == '/bin/sleep 300 ' ]] || return 1
  printf '%s %s\n' "$stub" "$payload"
}

fail_start() {
  local name=$1 workdir=$2
  printf 'nspawn.sh: systemd-nspawn %s failed to start; its log:\n' "$name" >&2
  cat "$workdir/log" >&2 || true
  cleanup "$workdir" || true
  exit 1
}

launch() {
  local name=$1 workdir=$2 dir
  local -a dirs
  mapfile -t dirs <"$workdir/cgroups"
  # The subshell joins the new cgroups and becomes nspawn, so that neither
  # this script nor its caller changes cgroup. It is not a process group
  # leader, so setsid runs nspawn in place (same PID) in a new session.
  # nspawn keeps its stdio for the container's whole life: never a pipe.
  (
    for dir in "${dirs[@]}"; do
      echo "$BASHPID" >"$dir/cgroup.procs"
    done
    exec setsid systemd-nspawn -D "$workdir/rootfs" --register=no --keep-unit \
      --as-pid2 --console=pipe -q -M "$name" /bin/sleep 300
  ) </dev/null >"$workdir/log" 2>&1 &
  printf '%s\n' "$!"
}

start() {
  [[ $# -eq 3 ]] || usage
  local variant=$1 name=$2 workdir nspawn_pid found stub payload tries
  is_variant "$variant" || die "unknown variant '$variant' (${VARIANTS[*]})"
  check_name "$name"
  workdir=$(absolute_dir "$3")
  ! recorded_alive "$workdir/nspawn.pid" || die "'$workdir' already runs a container"
  [[ ! -e $PROPAGATE_ROOT/$name ]] || die "machine '$name' already exists ($PROPAGATE_ROOT/$name)"

  # Nothing but the PID may reach stdout: callers read it from a pipe.
  "$MAKE_ROOTFS" "$workdir/rootfs" >&2
  # nspawn refuses a directory without /usr as not an OS tree.
  mkdir -p "$workdir/rootfs/usr"
  rm -f "$workdir/nspawn.pid" "$workdir/stub.pid" "$workdir/pid"
  make_cgroups "$name" "$workdir"
  printf '%s\n' "$name" >"$workdir/name"

  nspawn_pid=$(launch "$name" "$workdir")
  record_process "$nspawn_pid" "$workdir/nspawn.pid" || fail_start "$name" "$workdir"
  for ((tries = 0; tries < START_TRIES; tries++)); do
    recorded_alive "$workdir/nspawn.pid" || fail_start "$name" "$workdir"
    if found=$(find_payload "$nspawn_pid"); then
      read -r stub payload <<<"$found"
      record_process "$stub" "$workdir/stub.pid" || fail_start "$name" "$workdir"
      record_process "$payload" "$workdir/pid" || fail_start "$name" "$workdir"
      recorded_pid "$workdir/pid"
      return
    fi
    sleep 0.05
  done
  warn "no payload after $((START_TRIES / 20)) s"
  fail_start "$name" "$workdir"
}

# Stop whatever WORKDIR records: nspawn first (on SIGTERM it kills the
# container and exits), then anything recorded that outlived it, then the
# cgroups and the propagation directory. The records are removed last, so
# a failed stop can be run again.
cleanup() {
  local workdir=$1 name='' file top failed=0
  signal_recorded TERM "$workdir/nspawn.pid"
  if ! wait_recorded_gone "$workdir/nspawn.pid"; then
    warn "systemd-nspawn did not exit on SIGTERM; killing it"
    signal_recorded KILL "$workdir/nspawn.pid"
  fi
  for file in nspawn.pid stub.pid pid; do
    signal_recorded KILL "$workdir/$file"
    wait_recorded_gone "$workdir/$file" || {
      warn "process $(recorded_pid "$workdir/$file") is still running"
      failed=1
    }
  done
  # A zombie left unreaped is not ours to reap: wait, but do not fail.
  for file in nspawn.pid stub.pid pid; do
    wait_recorded_gone "$workdir/$file" zombie || true
  done

  if [[ -r $workdir/cgroups ]]; then
    while IFS= read -r top; do
      # Only directories this script made: NAME directly below a hierarchy.
      [[ $top == "$CGROUP_ROOT"/* ]] || continue
      remove_cgroup_tree "$top" || failed=1
    done <"$workdir/cgroups"
  fi
  [[ -r $workdir/name ]] && name=$(<"$workdir/name")
  if [[ -n $name && -d $PROPAGATE_ROOT/$name ]]; then
    rmdir "$PROPAGATE_ROOT/$name" || failed=1
  fi
  [[ $failed -eq 0 ]] || return 1
  rm -f "$workdir/nspawn.pid" "$workdir/stub.pid" "$workdir/pid" "$workdir/cgroups" \
    "$workdir/name"
}

# Tolerant of a container that already exited (nspawn exits with its
# payload, leaving its cgroups) and of one never started (no WORKDIR or no
# records). Kills only the PIDs recorded at start, never by name.
stop() {
  [[ $# -eq 2 ]] || usage
  local name=$1 workdir
  check_name "$name"
  workdir=$(existing_dir "$2") || return 0
  if [[ -r $workdir/name && $(<"$workdir/name") != "$name" ]]; then
    die "'$workdir' holds container '$(<"$workdir/name")', not '$name'"
  fi
  cleanup "$workdir" || die "could not clean up container '$name'"
}

main() {
  [[ $# -ge 1 ]] || usage
  local command=$1
  shift
  case $command in
    start) start "$@" ;;
    stop) stop "$@" ;;
    variants) printf '%s\n' "${VARIANTS[@]}" ;;
    *) usage ;;
  esac
}

main "$@"
