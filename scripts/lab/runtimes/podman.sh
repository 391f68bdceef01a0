#!/usr/bin/env bash
# Start and stop throwaway podman containers for mount-table audits.
#
# Usage:
#   podman.sh start VARIANT NAME WORKDIR   prints the container's PID
#   podman.sh stop NAME WORKDIR
#   podman.sh variants                     lists VARIANT names
#
# VARIANT is one of: default privileged (podman run --privileged).
# NAME must be unique on the machine (the VM is shared). WORKDIR receives
# rootfs/ (run with --rootfs: no image is pulled), podman's storage/,
# runroot/ and tmp/ (so nothing is shared with other podman users), log,
# cid, pid, conmon.pid and cgroups (shared cgroup directories that this
# start created). Needs root, podman, conmon, runc and busybox-static.
#
# podman runs with the vfs storage driver, the cgroupfs cgroup manager
# (there is no systemd here) and runc. It mounts each container's /dev/shm
# on the host side, at storage/vfs-containers/ID/userdata/shm.
set -euo pipefail

readonly VARIANTS=(default privileged)
readonly CGROUP_ROOT=/sys/fs/cgroup
# podman's cgroupfs manager puts every container in libpod_parent/libpod-ID
# and every conmon in libpod_parent/conmon; both parents are shared by all
# podman containers on the machine and never removed by podman.
readonly SHARED_CGROUPS=(libpod_parent/conmon libpod_parent)
# Tries of 50 ms.
readonly STOP_TRIES=200

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
readonly SCRIPT_DIR
# shellcheck source=common.sh
source "$SCRIPT_DIR/common.sh"
readonly MAKE_ROOTFS=${SCRIPT_DIR%/*}/make-rootfs.sh

die() {
  printf 'podman.sh: %s\n' "$*" >&2
  exit 1
}

warn() {
  printf 'podman.sh: %s\n' "$*" >&2
}

usage() {
  cat >&2 <<'EOF'
usage: podman.sh start VARIANT NAME WORKDIR
       podman.sh stop NAME WORKDIR
       podman.sh variants
EOF
  exit 64
}

# podman's own rule for container names.
check_name() {
  [[ $1 =~ ^[A-Za-z0-9][A-Za-z0-9_.-]*$ ]] || die "invalid container name '$1'"
}

# As absolute_dir, but never creates anything: stop must not.
existing_dir() {
  [[ -d $1 ]] || return 1
  (cd "$1" && pwd -P)
}

# podman with all its state under WORKDIR. Its stdio is always redirected
# by the caller: conmon inherits it and lives as long as the container.
podman_in() {
  local workdir=$1
  shift
  podman --root "$workdir/storage" --runroot "$workdir/runroot" --tmpdir "$workdir/tmp" \
    --storage-driver vfs --cgroup-manager cgroupfs --events-backend file \
    --runtime runc "$@"
}

container_exists() {
  local workdir=$1 name=$2
  [[ -d $workdir/storage ]] || return 1
  podman_in "$workdir" container exists "$name" </dev/null >/dev/null 2>&1
}

variant_options() {
  case $1 in
    default) ;;
    privileged) echo --privileged ;;
    *) die "no podman options for variant '$1'" ;;
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
# until it has been reaped (conmon's parent is PID 1, which reaps late).
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

# The shared podman cgroup directories that do not exist yet: the ones this
# start creates, to be removed on stop if still empty then.
missing_shared_cgroups() {
  local hierarchy relative
  while IFS= read -r hierarchy; do
    for relative in "${SHARED_CGROUPS[@]}"; do
      [[ -e $hierarchy/$relative ]] || printf '%s\n' "$hierarchy/$relative"
    done
  done < <(cgroup_hierarchies)
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

# Mount points under DIR in this namespace's table, deepest first, with
# mountinfo's octal escapes decoded.
mounts_under() {
  local dir=$1 point
  while IFS= read -r point; do
    point=${point//\\040/ }
    point=${point//\\011/$'\t'}
    point=${point//\\012/$'\n'}
    point=${point//\\134/\\}
    [[ $point == "$dir"/* ]] && printf '%s\n' "$point"
  done < <(awk '{ print $5 }' /proc/self/mountinfo) | sort -r
}

fail_start() {
  local name=$1 workdir=$2
  printf 'podman.sh: podman run %s failed; its log:\n' "$name" >&2
  cat "$workdir/log" >&2 || true
  cleanup "$name" "$workdir" || true
  exit 1
}

start() {
  [[ $# -eq 3 ]] || usage
  local variant=$1 name=$2 workdir pid conmon_pid
  local -a options
  is_variant "$variant" || die "unknown variant '$variant' (${VARIANTS[*]})"
  check_name "$name"
  workdir=$(absolute_dir "$3")
  container_exists "$workdir" "$name" && die "container '$name' already exists in '$workdir'"
  mapfile -t options < <(variant_options "$variant")

  # Nothing but the PID may reach stdout: callers read it from a pipe.
  "$MAKE_ROOTFS" "$workdir/rootfs" >&2
  rm -f "$workdir/cid" "$workdir/pid" "$workdir/conmon.pid"
  printf '%s\n' "$name" >"$workdir/name"
  missing_shared_cgroups >"$workdir/cgroups"

  podman_in "$workdir" run -d --name "$name" --cidfile "$workdir/cid" --network none \
    --ulimit nofile=1024:1024 --ulimit nproc=4096:4096 "${options[@]}" \
    --rootfs "$workdir/rootfs" sleep 300 </dev/null >"$workdir/log" 2>&1 ||
    fail_start "$name" "$workdir"
  read -r pid conmon_pid < <(podman_in "$workdir" inspect \
    -f '{{.State.Pid}} {{.State.ConmonPid}}' "$name" </dev/null 2>>"$workdir/log") ||
    fail_start "$name" "$workdir"
  record_process "$conmon_pid" "$workdir/conmon.pid" || fail_start "$name" "$workdir"
  record_process "$pid" "$workdir/pid" || fail_start "$name" "$workdir"
  printf '%s\n' "$pid"
}

# Remove the container through podman (which also unmounts its /dev/shm and
# removes its libpod-ID cgroups), wait for conmon, then remove what is left:
# recorded processes, mounts under WORKDIR, cgroups. The records are removed
# last, so a failed stop can be run again.
cleanup() {
  local name=$1 workdir=$2 id='' file dir point hierarchy failed=0
  local -a created=()
  [[ -r $workdir/cid ]] && id=$(<"$workdir/cid")
  if container_exists "$workdir" "$name"; then
    podman_in "$workdir" rm -f -t 0 "$name" </dev/null >>"$workdir/log" 2>&1 ||
      warn "podman rm $name failed (see $workdir/log)"
  fi
  if ! wait_recorded_gone "$workdir/conmon.pid"; then
    warn "conmon did not exit; killing it"
  fi
  for file in pid conmon.pid; do
    signal_recorded KILL "$workdir/$file"
    wait_recorded_gone "$workdir/$file" || {
      warn "process $(recorded_pid "$workdir/$file") is still running"
      failed=1
    }
  done
  # A zombie left unreaped is not ours to reap: wait, but do not fail.
  for file in pid conmon.pid; do
    wait_recorded_gone "$workdir/$file" zombie || true
  done

  # podman rm unmounts the container's shm; after a failed rm it is left.
  while IFS= read -r point; do
    warn "unmounting leftover '$point'"
    umount "$point" || failed=1
  done < <(mounts_under "$workdir")

  if [[ $id =~ ^[0-9a-f]{64}$ ]]; then
    while IFS= read -r hierarchy; do
      remove_cgroup "$hierarchy/libpod_parent/libpod-$id" || failed=1
    done < <(cgroup_hierarchies)
  fi
  # Shared directories go only if this start made them and no other
  # container uses them now (rmdir fails on a non-empty cgroup).
  [[ -r $workdir/cgroups ]] && mapfile -t created <"$workdir/cgroups"
  for dir in "${created[@]}"; do
    [[ $dir == "$CGROUP_ROOT"/*libpod_parent* && -d $dir ]] || continue
    rmdir "$dir" 2>/dev/null || true
  done
  [[ $failed -eq 0 ]] || return 1
  rm -f "$workdir/cid" "$workdir/pid" "$workdir/conmon.pid" "$workdir/cgroups" \
    "$workdir/name"
}

# Tolerant of a container whose payload already exited (conmon then runs
# `podman container cleanup`, and rm removes the stopped container) and of
# one never started. Kills only the PIDs recorded at start, never by name.
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
