#!/usr/bin/env bash
# Shared set-up for the test suite (called by scripts/test.sh; safe to run by hand).
#
# usage: bash scripts/setup.sh [--no-chromium] [--project-wheel-only]
#
# Idempotent: each part records a stamp (a hash of its inputs) and is skipped while the stamp
# matches, so a re-run is quick and, once the wheels are downloaded, needs no network.
#   1. .venv with `pip install -e '.[dev]'`            (stamp: pyproject.toml + python version)
#   2. node_modules with `npm ci`                       (stamp: package-lock.json), and the same in
#      tests/prisma7/schema_engine (Prisma's wasm schema engine, the migration tests' oracle)
#   3. /usr/bin/chromium from Debian, if missing        (never `playwright install`)
#   4. .pyodide-wheels/: pure wheels for Pyodide        (stamp: wasm_tests/requirements-pyodide.txt)
#   5. .pyodide-wheels/project/: a wheel of prisma-edge (rebuilt every run; for micropip tests;
#      --project-wheel-only does just this, offline, as `scripts/test.sh --no-setup` does)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

WITH_CHROMIUM=1
WHEEL_ONLY=0
for arg in "$@"; do
  case "$arg" in
    --no-chromium) WITH_CHROMIUM=0 ;;
    --project-wheel-only) WHEEL_ONLY=1 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "setup.sh: unknown argument $arg" >&2; exit 2 ;;
  esac
done

PYTHON=${PYTHON:-python3}
VENV=.venv
WHEELS=.pyodide-wheels
REQS=wasm_tests/requirements-pyodide.txt

say() { printf '[setup] %s\n' "$*"; }
hash_of() { cat "$@" | sha256sum | cut -d' ' -f1; }
# Time one part of the set-up: part NAME COMMAND...
part() {
  local name=$1 t0=$EPOCHREALTIME
  shift
  "$@"
  say "$name done in $(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f s", b - a }')"
}
# Run pip without this machine's pip-config noise about absent local index directories.
pip_quiet() {
  "$@" 2> >(grep -v "^WARNING: Location 'file:" >&2)
}
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo "$@"
  else echo "setup.sh: '$*' needs root" >&2; return 1
  fi
}

python_env() {
  if [ -e "$VENV" ] && ! "$VENV/bin/python" -c pass 2>/dev/null; then
    say "$VENV is broken (its interpreter does not start): recreating it"
    rm -rf "$VENV"
  fi
  if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
      || { echo "setup.sh: $PYTHON is older than 3.11" >&2; return 1; }
    say "creating $VENV with $("$PYTHON" --version)"
    "$PYTHON" -m venv "$VENV"
  fi
  local stamp
  stamp=$( { "$VENV/bin/python" --version; cat pyproject.toml; } | sha256sum | cut -d' ' -f1)
  if [ "$(cat "$VENV/.prisma-edge-setup" 2>/dev/null)" != "$stamp" ]; then
    say "pip install -e '.[dev]'"
    pip_quiet "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e '.[dev]'
    # The build backend too, so the project wheel below builds without an index (offline re-runs).
    local build_reqs
    build_reqs=$("$VENV/bin/python" -c 'import tomllib; print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["build-system"]["requires"]))')
    mapfile -t build_reqs <<< "$build_reqs"
    pip_quiet "$VENV/bin/python" -m pip install -q --disable-pip-version-check "${build_reqs[@]}"
    echo "$stamp" > "$VENV/.prisma-edge-setup"
  else
    say "$VENV is up to date"
  fi
}

node_env() {
  command -v node >/dev/null || { echo "setup.sh: node (20+) is required" >&2; return 1; }
  local stamp
  stamp=$(hash_of package-lock.json)
  if [ "$(cat node_modules/.prisma-edge-setup 2>/dev/null)" != "$stamp" ]; then
    say "npm ci"
    npm ci --no-audit --no-fund --loglevel=error
    echo "$stamp" > node_modules/.prisma-edge-setup
  else
    say "node_modules is up to date"
  fi
}

# Prisma's own schema engine (wasm, tests/prisma7/schema_engine): the oracle for the migration tests
# (Prisma and prisma-edge taking turns on one database); offline from npm's registry.
oracle_env() {
  local dir=tests/prisma7/schema_engine stamp
  stamp=$(hash_of "$dir/package-lock.json")
  if [ "$(cat "$dir/node_modules/.prisma-edge-setup" 2>/dev/null)" != "$stamp" ]; then
    say "npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) && echo "$stamp" > "$dir/node_modules/.prisma-edge-setup"
  else
    say "$dir/node_modules is up to date"
  fi
}

chromium() {
  if [ -x /usr/bin/chromium ]; then
    say "chromium: $(/usr/bin/chromium --version 2>/dev/null | head -1)"
    return 0
  fi
  say "apt-get install chromium"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  say "$(/usr/bin/chromium --version 2>/dev/null | head -1)"
}

pyodide_wheels() {
  local stamp
  stamp=$(hash_of "$REQS")
  if [ "$(cat "$WHEELS/.prisma-edge-setup" 2>/dev/null)" != "$stamp" ]; then
    say "pip download (Pyodide: Python 3.14, pure wheels) -> $WHEELS"
    rm -f "$WHEELS"/*.whl "$WHEELS/.prisma-edge-setup"
    mkdir -p "$WHEELS"
    pip_quiet "$VENV/bin/python" -m pip download -q --disable-pip-version-check --no-deps --only-binary=:all: \
      --python-version 3.14 --implementation py --abi none --platform any -d "$WHEELS" -r "$REQS"
    echo "$stamp" > "$WHEELS/.prisma-edge-setup"
  else
    say "$WHEELS is up to date ($(ls "$WHEELS"/*.whl | wc -l) wheels)"
  fi
}

project_wheel() {
  # Built from a copy, so the work tree gets no build/ or *.egg-info litter. Not fatal: without it
  # only the micropip test fails (in CI) or skips, and the rest of the suite still runs.
  local tmp rc=0
  tmp=$(mktemp -d)
  cp -r pyproject.toml src "$tmp"/
  for f in README.md LICENSE; do [ ! -f "$f" ] || cp "$f" "$tmp"/; done
  find "$tmp/src" \( -name '__pycache__' -o -name '*.egg-info' \) -prune -exec rm -rf {} +
  rm -rf "$WHEELS/project"
  mkdir -p "$WHEELS/project"
  pip_quiet "$VENV/bin/python" -m pip wheel -q --disable-pip-version-check --no-deps --no-build-isolation \
    -w "$WHEELS/project" "$tmp" || rc=$?
  rm -rf "$tmp"
  if [ "$rc" = 0 ]; then say "$(ls "$WHEELS/project")"
  else say "WARNING: building the prisma-edge wheel failed (exit $rc); the micropip test will fail"; rm -rf "$WHEELS/project"
  fi
}

if [ "$WHEEL_ONLY" = 1 ]; then
  part "project wheel" project_wheel
  exit 0
fi
part "python" python_env
part "node" node_env
part "schema engine" oracle_env
[ "$WITH_CHROMIUM" = 1 ] && part "chromium" chromium
part "pyodide wheels" pyodide_wheels
part "project wheel" project_wheel
