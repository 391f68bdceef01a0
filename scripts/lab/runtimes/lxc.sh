#!/usr/bin/env bash
# Start and stop throwaway LXC containers for mount-table audits.
#
# Usage:
#   lxc.sh start VARIANT NAME WORKDIR   prints the container's PID
#   lxc.sh stop NAME WORKDIR
#   lxc.sh variants                     lists VARIANT names
#
# VARIANT is one of: default.
# NAME must be unique on the machine (the VM is shared): LXC names its
# cgroups lxc.payload.NAME and lxc.monitor.NAME. WORKDIR receives rootfs/,
# lxc/ (the lxcpath, with lxc/NAME/config), lxc.log, log, pid, monitor.pid
# and created (shared directories that this start created). Needs root,
# lxc and busybox-static.
#
# The config is the minimal one: no network configured (LXC still gives the
# container its own network namespace), proc:mixed, sys:ro, cgroup:mixed
# (which LXC 5 skips, mounting no cgroup at all, because the container has
# a cgroup namespace), autodev, no ttys and no devpts (lxc.pty.max unset),
# so LXC takes the container's /dev/console from the host's devpts. There
# is no AppArmor here, so LXC masks nothing.
set -euo pipefail

readonly VARIANTS=(default)
readonly CGROUP_ROOT=/sys/fs/cgroup
readonly LOCK_ROOT=/run/lxc/lock
# Made by the first LXC container and shared by all of them: the cgroup
# LXC parks its monitor in while removing the monitor's own cgroup, and the
# lock directory. LXC removes neither.
readonly SHARED_DIRS=(/run/lxc /run/lxc/lock)
readonly SHARED_CGROUP=lxc.pivot
# Tries of 50 ms.
readonly STOP_TRIES=200
readonly START_TIMEOUT=10

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
readonly SCRIPT_DIR
# shellcheck source=common.sh
source "$SCRIPT_DIR/common.sh"
readonly MAKE_ROOTFS=${SCRIPT_DIR%/*}/make-rootfs.sh

die() {
  printf 'lxc.sh: %s\n' "$*" >&2
  exit 1
}

warn() {
  printf 'lxc.sh: %s\n' "$*" >&2
}

usage() {
  cat >&2 <<'EOF'
usage: lxc.sh start VARIANT NAME WORKDIR
       lxc.sh stop NAME WORKDIR
       lxc.sh variants
EOF
  exit 64
}

# A name that is also a safe cgroup directory and config value.
check_name() {
  [[ $1 =~ ^[A-Za-z0-9][A-Za-z0-9_.-]*$ ]] || die "invalid container name '$1'"
}

# As absolute_dir, but never creates anything: stop must not.
existing_dir() {
  [[ -d $1 ]] || return 1
  (cd "$1" && pwd -P)
}

# LXC with WORKDIR/lxc as its lxcpath. Its stdio is always redirected by
# the caller: the monitor that `lxc-start -d` leaves inherits it.
lxc_in() {
  local command=$1 workdir=$2 name=$3
  shift 3
  "lxc-$command" -P "$workdir/lxc" -n "$name" "$@"
}

container_state() {
  local workdir=$1 name=$2
  [[ -r $workdir/lxc/$name/config ]] || return 1
  lxc_in info "$workdir" "$name" -s -H </dev/null 2>/dev/null
}

variant_config() {
  local variant=$1 name=$2 workdir=$3
  case $variant in
    default)
      cat <<EOF
lxc.uts.name = $name
lxc.rootfs.path = dir:$workdir/rootfs
lxc.mount.auto = proc:mixed sys:ro cgroup:mixed
lxc.autodev = 1
lxc.tty.max = 0
lxc.init.cmd = /bin/sleep 300
EOF
      ;;
    *) die "no config for variant '$variant'" ;;
  esac
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

parent_pid() {
  local stat
  local -a fields
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  read -ra fields <<<"${stat##*) }" # fields[1] is field 4, the parent
  printf '%s\n' "${fields[1]}"
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
  [[ $pid =~ ^[1-9][0-9]*$ ]] || return 1
  read -r state started < <(state_and_start "$pid") || return 1
  [[ $state != Z ]] || return 1
  printf '%s %s\n' "$pid" "$started" >"$file"
}

recorded_pid() {
  local pid _
  read -r pid _ <"$1"
  printf '%s\n' "$pid"
}

signal_recorded() {
  local signal=$1 file=$2
  recorded_alive "$file" || return 0
  kill "-$signal" "$(recorded_pid "$file")" 2>/dev/null || true
}

# Wait until the process recorded in FILE has exited; with "zombie", also
# until it has been reaped (the monitor's parent is PID 1, which reaps late).
wait_recorded_gone() {
  local file=$1 zombie=${2:-} tries
  for ((tries = 0; tries < STOP_TRIES; tries++)); do
    recorded_alive "$file" "$zombie" || return 0
    sleep 0.05
  done
  return 1
}

# The mounted cgroup hierarchies: the root on a pure cgroup2 host, else
# each directory below it (v1 controllers, name=systemd, unified).
cgroup_hierarchies() {
  local dir
  if [[ -e $CGROUP_ROOT/cgroup.procs ]]; then
    printf '%s\n' "$CGROUP_ROOT"
    return
  fi
  for dir in "$CGROUP_ROOT"/*/; do
    [[ -e ${dir}cgroup.procs ]] && printf '%s\n' "${dir%/}"
  done
}

# The shared directories that do not exist yet: the ones this start
# creates, to be removed on stop if still empty then. Deepest first.
missing_shared_dirs() {
  local hierarchy index
  while IFS= read -r hierarchy; do
    [[ -e $hierarchy/$SHARED_CGROUP ]] || printf '%s\n' "$hierarchy/$SHARED_CGROUP"
  done < <(cgroup_hierarchies)
  for ((index = ${#SHARED_DIRS[@]} - 1; index >= 0; index--)); do
    [[ -e ${SHARED_DIRS[index]} ]] || printf '%s\n' "${SHARED_DIRS[index]}"
  done
}

# rmdir retried while the cgroup's last processes are being reaped.
remove_cgroup() {
  local dir=$1 tries
  for ((tries = 0; tries < STOP_TRIES; tries++)); do
    [[ -d $dir ]] || return 0
    rmdir "$dir" 2>/dev/null && return 0
    sleep 0.05
  done
  warn "cannot remove cgroup '$dir'"
  return 1
}

# LXC's lock file for the container, /run/lxc/lock/LXCPATH/.NAME, and the
# directories above it up to /run/lxc/lock when they are empty.
remove_lock() {
  local workdir=$1 name=$2 dir
  dir=$LOCK_ROOT$workdir/lxc
  rm -f "$dir/.$name"
  while [[ $dir != "$LOCK_ROOT" && $dir == "$LOCK_ROOT"/* ]]; do
    rmdir "$dir" 2>/dev/null || break
    dir=${dir%/*}
  done
}

fail_start() {
  local name=$1 workdir=$2
  printf 'lxc.sh: lxc-start %s failed; its logs:\n' "$name" >&2
  cat "$workdir/log" >&2 || true
  [[ ! -r $workdir/lxc.log ]] || cat "$workdir/lxc.log" >&2
  cleanup "$name" "$workdir" || true
  exit 1
}

start() {
  [[ $# -eq 3 ]] || usage
  local variant=$1 name=$2 workdir created hierarchy pid monitor
  is_variant "$variant" || die "unknown variant '$variant' (${VARIANTS[*]})"
  check_name "$name"
  workdir=$(absolute_dir "$3")
  ! recorded_alive "$workdir/pid" || die "'$workdir' already runs a container"
  # Before any LXC command: even lxc-info makes /run/lxc/lock.
  created=$(missing_shared_dirs)
  while IFS= read -r hierarchy; do
    [[ ! -e $hierarchy/lxc.payload.$name ]] ||
      die "cgroup '$hierarchy/lxc.payload.$name' already exists (NAME in use?)"
  done < <(cgroup_hierarchies)

  # Nothing but the PID may reach stdout: callers read it from a pipe.
  "$MAKE_ROOTFS" "$workdir/rootfs" >&2
  mkdir -p "$workdir/lxc/$name"
  variant_config "$variant" "$name" "$workdir" >"$workdir/lxc/$name/config"
  rm -f "$workdir/pid" "$workdir/monitor.pid" "$workdir/lxc.log"
  printf '%s\n' "$name" >"$workdir/name"
  printf '%s\n' "$created" >"$workdir/created"

  # -d daemonizes: the monitor (lxc-start itself, reparented to PID 1)
  # stays and keeps the stdio it was given.
  lxc_in start "$workdir" "$name" -d -o "$workdir/lxc.log" -l INFO \
    </dev/null >"$workdir/log" 2>&1 || fail_start "$name" "$workdir"
  lxc_in wait "$workdir" "$name" -s RUNNING -t "$START_TIMEOUT" \
    </dev/null >>"$workdir/log" 2>&1 || fail_start "$name" "$workdir"
  pid=$(lxc_in info "$workdir" "$name" -p -H </dev/null 2>>"$workdir/log") ||
    fail_start "$name" "$workdir"
  record_process "$pid" "$workdir/pid" || fail_start "$name" "$workdir"
  monitor=$(parent_pid "$pid") || fail_start "$name" "$workdir"
  record_process "$monitor" "$workdir/monitor.pid" || fail_start "$name" "$workdir"
  printf '%s\n' "$pid"
}

# Kill the container through LXC, wait for its init and monitor, then
# remove what is left: recorded processes, the container's cgroups (LXC
# removes them itself unless its monitor was killed), the shared
# directories this start made if no other container uses them, and the
# lock file. The records are removed last, so a failed stop can be run
# again.
cleanup() {
  local name=$1 workdir=$2 state file dir hierarchy failed=0
  local -a created=()
  # No LXC command without records: lxc-info would make /run/lxc/lock.
  [[ -r $workdir/name ]] || return 0
  if state=$(container_state "$workdir" "$name") && [[ $state != STOPPED ]]; then
    lxc_in stop "$workdir" "$name" -k </dev/null >>"$workdir/log" 2>&1 ||
      warn "lxc-stop $name failed (see $workdir/log)"
  fi
  for file in pid monitor.pid; do
    wait_recorded_gone "$workdir/$file" && continue
    warn "process $(recorded_pid "$workdir/$file") did not exit; killing it"
    signal_recorded KILL "$workdir/$file"
    wait_recorded_gone "$workdir/$file" || {
      warn "process $(recorded_pid "$workdir/$file") is still running"
      failed=1
    }
  done
  # A zombie left unreaped is not ours to reap: wait, but do not fail.
  for file in pid monitor.pid; do
    wait_recorded_gone "$workdir/$file" zombie || true
  done

  while IFS= read -r hierarchy; do
    remove_cgroup "$hierarchy/lxc.payload.$name" || failed=1
    remove_cgroup "$hierarchy/lxc.monitor.$name" || failed=1
  done < <(cgroup_hierarchies)
  remove_lock "$workdir" "$name"
  # rmdir fails on a directory another container still uses.
  [[ -r $workdir/created ]] && mapfile -t created <"$workdir/created"
  for dir in "${created[@]}"; do
    [[ $dir == "$CGROUP_ROOT"/*/"$SHARED_CGROUP" || $dir == "$CGROUP_ROOT/$SHARED_CGROUP" ||
      $dir == /run/lxc || $dir == "$LOCK_ROOT" ]] || continue
    [[ -d $dir ]] && { rmdir "$dir" 2>/dev/null || true; }
  done
  [[ $failed -eq 0 ]] || return 1
  rm -f "$workdir/pid" "$workdir/monitor.pid" "$workdir/created" "$workdir/name"
}

# Tolerant of a container whose payload already exited (LXC then stops it
# and removes its cgroups) and of one never started. Kills through lxc-stop
# by name within WORKDIR's lxcpath, and otherwise only the PIDs recorded at
# start.
stop() {
  [[ $# -eq 2 ]] || usage
  local name=$1 workdir
  check_name "$name"
  workdir=$(existing_dir "$2") || return 0
  if [[ -r $workdir/name && $(<"$workdir/name") != "$name" ]]; then
    die "'$workdir' holds container '$(<"$workdir/name")', not '$name'"
  fi
  cleanup "$name" "$workdir" || die "could not clean up container '$name'"
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
