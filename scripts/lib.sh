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
start_emulators() {
  local env_file="$1"; shift
  rm -f "$env_file"
  node "$emulators_dir/emulators.mjs" --write-env "$env_file" "$@" &
  emulators_pid=$!
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
