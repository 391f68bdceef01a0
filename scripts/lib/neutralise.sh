# Shared by the fixture capture scripts: rewrite what names the capture
# machine in a mountinfo table (its own tooling mounts, the cgroups the
# capture runs in) to neutral names, as LAB.md asks, and refuse a table that
# still names them. Source it; it defines constants and functions only, and
# its callers define die().

# Machine-specific mounts (the VM's tooling) live below this directory; they
# become /mnt/tools with source `tools`. Cgroups this script runs in become
# /system.slice/agent (see LAB.md, "Captured tables as fixtures").
MACHINE_MOUNTS=/mnt/sandboxing/
NEUTRAL_MOUNT=/mnt/tools
NEUTRAL_SOURCE=tools
NEUTRAL_CGROUP=/system.slice/agent

# The cgroup paths this process runs in, other than the root: runc nests
# the container's cgroup below them, and they name this machine's agent.
own_cgroups() {
  awk -F: '$3 != "/" { print $3 }' /proc/self/cgroup | sort -u
}

# Rewrite machine-specific names in a mountinfo file, leaving every other
# byte alone. The host table (first file) says which mounts are the
# machine's. Splitting on single spaces keeps empty fields (an empty source)
# intact; lines that need no change are printed exactly as read.
neutralise() {
  local host_table=$1 input=$2
  awk -v machine_mounts="$MACHINE_MOUNTS" -v neutral_mount="$NEUTRAL_MOUNT" \
    -v neutral_source="$NEUTRAL_SOURCE" -v neutral_cgroup="$NEUTRAL_CGROUP" \
    -v cgroups="$(own_cgroups)" '
    function separator(   i) {
      for (i = 7; i <= NF; i++) if ($i == "-") return i
      return 0
    }
    # Replace `old` in `path` where it is a whole path prefix or suffix
    # part: /host/mnt/sandboxing/x stays /host/mnt/tools.
    function swap(path, old, new,   at, after) {
      at = index(path, old)
      if (at == 0) return path
      after = substr(path, at + length(old), 1)
      if (after != "" && after != "/") return path
      return substr(path, 1, at - 1) new substr(path, at + length(old))
    }
    BEGIN {
      FS = "[ ]"
      cgroup_count = split(cgroups, cgroup_paths, "\n")
    }
    FNR == NR {
      sep = separator()
      if (sep && index($5, machine_mounts) == 1) {
        tool_count++
        tool_paths[tool_count] = $5
        tool_sources[$(sep + 2)] = 1
      }
      next
    }
    {
      sep = separator()
      if (!sep) { print; next }
      # Assign only on change: an assignment rebuilds the line.
      for (t = 1; t <= tool_count; t++) {
        path = swap($5, tool_paths[t], neutral_mount (t > 1 ? "-" t : ""))
        if (path != $5) $5 = path
      }
      if ($(sep + 2) in tool_sources) $(sep + 2) = neutral_source
      if ($(sep + 1) ~ /^cgroup2?$/) {
        for (c = 1; c <= cgroup_count; c++) {
          if (index($4, cgroup_paths[c]) != 1) continue
          path = swap($4, cgroup_paths[c], neutral_cgroup)
          if (path != $4) $4 = path
        }
      }
      print
    }
  ' "$host_table" "$input"
}

# Fail rather than commit a table that still names this machine.
check_neutral() {
  local file=$1 path
  if grep -q -F "$MACHINE_MOUNTS" "$file"; then
    die "$file still lists $MACHINE_MOUNTS"
  fi
  while IFS= read -r path; do
    [[ -z $path ]] || ! grep -q -F "$path" "$file" || die "$file still names cgroup $path"
  done < <(own_cgroups)
}

