# bash completion for mountaudit(1): commands, each command's options, the values of
# --format, --fail-on, --profile, --match, --source, --ignore and --normalize, rule IDs for
# 'explain' (asked of the mountaudit being completed), and files for TARGET, --host,
# --policy and --container. Needs only bash, not the bash-completion package.
# Installed as share/bash-completion/completions/mountaudit by 'make install'.

_mountaudit_commands="audit tree diff snapshot rules explain policy help"
_mountaudit_profiles="default runc crun docker podman k8s strict"
_mountaudit_diff_fields="mount-point parent fstype source root options super-options \
propagation device shadowing"
_mountaudit_normalizations="all runtime-state container-ids overlay-layers tmpfs-sizes"
# The options that take a value; the others stand alone.
_mountaudit_valued="--host --host-pid --format --fail-on --profile --policy --ignore \
--normalize --match --container --timeout --source"

# The options COMMAND takes.
_mountaudit_options() {
  case $1 in
    audit)
      echo "--host --host-pid --profile --policy --format --fail-on --summary-only" \
        "--source --timeout --help"
      ;;
    tree) echo "--format --source --timeout --help" ;;
    diff)
      echo "--format --ignore --normalize --match --container --source --timeout --audit" \
        "--host --host-pid --profile --policy --help"
      ;;
    snapshot) echo "--host --host-pid --source --timeout --help" ;;
    explain) echo "--format --help" ;;
    rules | policy) echo "--help" ;;
  esac
}

# Sets COMPREPLY to the words of $2 that start with $1.
_mountaudit_words() {
  local IFS=$' \t\n'
  # shellcheck disable=SC2207 # the words are ours and hold no spaces
  COMPREPLY=($(compgen -W "$2" -- "$1"))
}

# Sets COMPREPLY to the files and directories that start with $1.
_mountaudit_files() {
  compopt -o filenames 2>/dev/null
  mapfile -t COMPREPLY < <(compgen -f -- "$1")
}

# The values of OPTION for COMMAND, completing CURRENT; returns 1 when OPTION takes none.
_mountaudit_values() {
  local option=$1 command=$2 current=$3
  case $option in
    --format)
      if [[ $command == audit ]]; then
        _mountaudit_words "$current" "text json sarif junit"
      else
        _mountaudit_words "$current" "text json"
      fi
      ;;
    --fail-on) _mountaudit_words "$current" "error warning note never" ;;
    --profile) _mountaudit_words "$current" "$_mountaudit_profiles" ;;
    --match) _mountaudit_words "$current" "auto mount-id mount-point" ;;
    --source) _mountaudit_words "$current" "auto mountinfo statmount" ;;
    --ignore | --normalize)
      # A comma-separated list: complete its last item, keeping the ones before it.
      local words=$_mountaudit_diff_fields head="" item
      [[ $option == --normalize ]] && words=$_mountaudit_normalizations
      [[ $current == *,* ]] && head=${current%,*},
      _mountaudit_words "${current##*,}" "$words"
      for item in "${!COMPREPLY[@]}"; do COMPREPLY[item]=$head${COMPREPLY[item]}; done
      compopt -o nospace 2>/dev/null
      ;;
    --host | --policy | --container) _mountaudit_files "$current" ;;
    --host-pid | --timeout) COMPREPLY=() ;;
    *) return 1 ;;
  esac
  return 0
}

_mountaudit() {
  local current=${COMP_WORDS[COMP_CWORD]} previous=${COMP_WORDS[COMP_CWORD - 1]}
  local program=${COMP_WORDS[0]} command=audit first=1 index
  COMPREPLY=()

  if ((COMP_CWORD > 1)) && [[ " $_mountaudit_commands " == *" ${COMP_WORDS[1]} "* ]]; then
    command=${COMP_WORDS[1]}
    first=2
  fi

  # --name=value: bash splits it into --name, = and value.
  if [[ $previous == = ]] && ((COMP_CWORD > 2)); then
    _mountaudit_values "${COMP_WORDS[COMP_CWORD - 2]}" "$command" "$current" && return 0
  fi
  if [[ $current == = ]]; then
    _mountaudit_values "$previous" "$command" "" && return 0
  fi
  _mountaudit_values "$previous" "$command" "$current" && return 0

  # The words after the command that are not options or their values.
  local positionals=() options_ended=0
  for ((index = first; index < COMP_CWORD; index++)); do
    local word=${COMP_WORDS[index]}
    if ((options_ended)) || [[ $word != -* || $word == - ]]; then
      positionals+=("$word")
    elif [[ $word == -- ]]; then
      options_ended=1
    elif [[ " $_mountaudit_valued " == *" $word "* ]]; then
      ((index++))
    fi
  done

  if [[ $current == -* ]] && ((!options_ended)); then
    if ((COMP_CWORD == 1)); then
      _mountaudit_words "$current" "$(_mountaudit_options audit) --version"
    else
      _mountaudit_words "$current" "$(_mountaudit_options "$command")"
    fi
    return 0
  fi

  case $command in
    audit | tree | diff)
      _mountaudit_files "$current"
      if ((COMP_CWORD == 1)); then
        local files=("${COMPREPLY[@]}")
        _mountaudit_words "$current" "$_mountaudit_commands"
        COMPREPLY+=("${files[@]}")
      fi
      ;;
    snapshot)
      ((${#positionals[@]} == 0)) || return 0
      local pids=(/proc/[0-9]*)
      _mountaudit_words "$current" "${pids[*]#/proc/}"
      ;;
    explain)
      ((${#positionals[@]} == 0)) || return 0
      _mountaudit_words "$current" "$("$program" rules 2>/dev/null | cut -d ' ' -f 1)"
      ;;
    policy)
      if ((${#positionals[@]} == 0)); then
        _mountaudit_words "$current" "show"
      elif ((${#positionals[@]} == 1)); then
        _mountaudit_words "$current" "$_mountaudit_profiles"
      fi
      ;;
    help)
      ((${#positionals[@]} == 0)) || return 0
      _mountaudit_words "$current" "${_mountaudit_commands/ help/}"
      ;;
  esac
  return 0
}

complete -F _mountaudit mountaudit
