# Sourced by the lab scripts that leave a process running after they exit.
#
# close_inherited_fds closes every open file descriptor above 2 in the
# calling (sub)shell. A long-lived process must not keep what its caller
# opened: a test harness that waits for the lab script to finish may watch a
# pipe or socket of its own (Foundation's Process does), and a sandbox that
# inherited it would make that wait last for the sandbox's whole life.
# Call it in the subshell that then execs the process, before any
# redirection the process itself needs.
close_inherited_fds() {
  local fd
  for fd in /proc/"$BASHPID"/fd/*; do
    fd=${fd##*/}
    [[ $fd =~ ^[0-9]+$ ]] && ((fd > 2)) || continue
    eval "exec $fd>&-"
  done
}
