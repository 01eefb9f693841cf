# Shared by the repo's scripts: repo root, emulator install and start/stop.
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
emulators_dir="$repo_root/tools/emulators"

# npm ci only when the lock file changed since the last install (npm ci wipes node_modules: ~1 min).
install_emulators() {
  local stamp="$emulators_dir/node_modules/.funclabel-lock.sha256"
  local want
  want="$(cd "$emulators_dir" && sha256sum package-lock.json patches/* | sha256sum | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return 0
  fi
  echo "installing emulators (npm ci)..." >&2
  (cd "$emulators_dir" && npm ci --no-audit --no-fund --loglevel=error >&2)
  echo "$want" > "$stamp"
}

# start_emulators ENV_FILE [emulator options...]: starts them in the background, waits for ENV_FILE, sources it.
# Under guard_children they are one of the guarded children (stopped by stop_children, given 15 s to stop Azurite).
start_emulators() {
  local env_file="$1"; shift
  rm -f "$env_file"
  start_child emulators 15 node "$emulators_dir/emulators.mjs" --write-env "$env_file" "$@"
  emulators_pid=$child_pid
  local waited=0
  until [ -f "$env_file" ]; do
    if ! kill -0 "$emulators_pid" 2>/dev/null; then
      echo "the emulators failed to start" >&2
      return 1
    fi
    sleep 0.2
    waited=$((waited + 1))
    if [ "$waited" -gt 600 ]; then
      echo "the emulators did not answer within 120 s" >&2
      return 1
    fi
  done
  set -a
  # shellcheck disable=SC1090
  . "$env_file"
  set +a
}

stop_emulators() {
  if [ -n "${emulators_pid:-}" ] && kill -0 "$emulators_pid" 2>/dev/null; then
    kill -TERM "$emulators_pid" 2>/dev/null || true
    wait "$emulators_pid" 2>/dev/null || true
  fi
}

# --- Processes that stop with the script, however it ends (scripts/run-local.sh) ---
#
# guard_children (once, before the first start_child) turns on job control, so every background job gets a process
# group of its own and a terminal's Ctrl+C reaches only the script, and starts a watchdog. start_child NAME GRACE
# COMMAND... runs COMMAND as such a job and records it; stop_children stops the recorded children newest first:
# SIGTERM to the process started (it stops what it started itself, e.g. the local host its handler), then, once that
# process is gone or GRACE seconds have passed, SIGTERM and finally SIGKILL to whatever is left in its process group.
# The script calls stop_children from its EXIT trap (which runs after Ctrl+C, SIGTERM, SIGHUP or an error); the
# watchdog calls it when the script is gone without having done so (SIGKILL, a crash of bash itself).
#
# Why a watchdog that watches its own parent:
#   - a trap never runs on SIGKILL, so something outside the script must notice that it is gone;
#   - PR_SET_PDEATHSIG (setpriv --pdeathsig) is Linux-only, signals only the direct child, all of them at once
#     (no host-before-emulators order, no escalation when one hangs), and is lost if the script dies before the
#     child has set it;
#   - setsid or process groups alone only decide who a terminal signals: someone still has to stop the children;
#   - polling `kill -0 SCRIPT_PID` misses a killed script that its own parent has not reaped yet (a zombie still
#     answers), while a child is re-parented the moment its parent dies, zombie or not; so the watchdog, a child of
#     the script, checks every second whether its parent is still the script.
# The watchdog runs in its own process group (a terminal's Ctrl+C does not reach it) and is stopped by stop_children.
# The list of children is a file, so the watchdog sees children started after it.
# Foreground steps (npm ci, dotnet publish) are not children: a SIGTERM sent while one runs takes effect when it ends.

children_file=""
watchdog_pid=""
children_kill_now=""

guard_children() {
  set -m
  children_file="$(mktemp "${TMPDIR:-/tmp}/funclabel-children.XXXXXX")"
  local script_pid="$BASHPID"
  (
    set +e
    trap - EXIT TERM
    trap '' INT HUP
    self="$BASHPID"
    while [ "$(parent_pid "$self")" = "$script_pid" ]; do
      sleep 1
    done
    echo "the script (pid $script_pid) is gone: stopping what it started" >&2
    stop_children
  ) &
  watchdog_pid=$!
  # Out of the job table: job control would otherwise report "Terminated" when stop_children ends it.
  disown "$watchdog_pid"
}

# parent_pid PID: the parent of PID (from /proc where there is one, else ps), empty once PID is gone.
parent_pid() {
  if [ -r "/proc/$1/stat" ]; then
    local stat
    stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 0
    stat="${stat##*) }"    # after "PID (command name) ": state, then the parent's pid
    stat="${stat#* }"
    echo "${stat%% *}"
  else
    ps -o ppid= -p "$1" 2>/dev/null | tr -d ' '
  fi
}

# start_child NAME GRACE_SECONDS COMMAND...: COMMAND in the background (its own process group under guard_children),
# recorded for stop_children; its pid in child_pid.
start_child() {
  local name="$1" grace="$2"; shift 2
  "$@" &
  child_pid=$!
  if [ -n "$children_file" ]; then
    echo "$child_pid $grace $name" >> "$children_file"
  fi
}

# stop_children: stops the recorded children, newest first (see above). A second Ctrl+C or SIGTERM while it waits
# kills what is left at once. Safe to call more than once, and from the watchdog.
stop_children() {
  local -
  set +e
  [ -n "$children_file" ] && [ -f "$children_file" ] || return 0
  trap 'children_kill_now=1' INT TERM HUP
  local lines=() line i pid grace name
  while IFS= read -r line; do
    lines+=("$line")
  done < "$children_file"
  for ((i = ${#lines[@]} - 1; i >= 0; i--)); do
    read -r pid grace name <<< "${lines[$i]}"
    stop_child "$pid" "$grace" "$name"
  done
  if [ -n "$watchdog_pid" ]; then   # empty in the watchdog itself
    kill -TERM -- "-$watchdog_pid" 2>/dev/null || true
  fi
  rm -f "$children_file"
}

# stop_child PID GRACE NAME: one child and its process group (whose id is PID: job control gives each job a group).
stop_child() {
  local pid="$1" grace="$2" name="$3" waited=0 group_termed=""
  kill -0 -- "-$pid" 2>/dev/null || return 0
  echo "stopping $name (pid $pid)..." >&2
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 -- "-$pid" 2>/dev/null; do
    if [ -n "$children_kill_now" ]; then
      echo "killing $name and its process group" >&2
      kill -KILL -- "-$pid" 2>/dev/null || true
      break
    fi
    if [ "$waited" -ge $((grace * 5)) ]; then
      echo "$name did not stop within ${grace} s: killing its process group" >&2
      kill -KILL -- "-$pid" 2>/dev/null || true
      break
    fi
    if [ -z "$group_termed" ] && ! kill -0 "$pid" 2>/dev/null; then
      # It exited but left processes in its group: ask them too.
      kill -TERM -- "-$pid" 2>/dev/null || true
      group_termed=1
    fi
    sleep 0.2
    waited=$((waited + 1))
  done
  wait "$pid" 2>/dev/null || true
}
