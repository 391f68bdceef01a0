# Sourced by the runtime scripts: the helpers they all share. Defines functions
# only; callers define VARIANTS (for is_variant) and die().

is_variant() {
  local candidate=$1 variant
  for variant in "${VARIANTS[@]}"; do
    [[ $candidate == "$variant" ]] && return 0
  done
  return 1
}

# Callers pass relative paths; the rootfs must be absolute (and `nsenter`
# callers run with / as their working directory).
absolute_dir() {
  mkdir -p "$1"
  (cd "$1" && pwd -P)
}

# Field 22 of /proc/PID/stat, the start time in clock ticks since boot.
# With the PID it names one process for good: a recycled PID gets another.
start_time() {
  local stat rest fields
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  rest=${stat##*) } # comm may hold spaces and parentheses
  read -ra fields <<<"$rest"
  [[ ${fields[19]:-} =~ ^[0-9]+$ ]] || return 1
  echo "${fields[19]}"
}

# The state letter of PID (R, S, Z...), or nothing once it is gone.
proc_state() {
  awk '{ sub(/.*\) /, ""); print $1 }' "/proc/$1/stat" 2>/dev/null || true
}

# True while PID is the very process recorded with START and not a zombie.
is_recorded_alive() {
  local pid=$1 start=$2 now state
  now=$(start_time "$pid") || return 1
  [[ $now == "$start" ]] || return 1
  state=$(proc_state "$pid")
  [[ -n $state && $state != Z ]]
}
