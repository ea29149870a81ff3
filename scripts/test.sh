#!/usr/bin/env bash
# The whole suite, as CI runs it (.ci/run) and as the README tells developers to.
#
# usage: bash scripts/test.sh [--steps LIST] [--no-setup] [-- PYTEST_ARGS...]
#
#   --steps LIST   comma-separated subset of: ruff,structure,cpython,node,chromium,workerd,node-drivers (default: all)
#   --no-setup     skip scripts/setup.sh (venv, npm ci, chromium, Pyodide wheels); the project
#                  wheel for the micropip test is still rebuilt
#   PYTEST_ARGS    passed to pytest in every runtime (e.g. -- -k sqlite tests/test_x.py)
#
# Steps, in order: set-up; ruff check; the package's shape (scripts/check_structure.py: no import
# cycle, no module over 500 lines, no folder over 12 modules); pytest under CPython; start the local Neon/PlanetScale
# endpoints for Pyodide (which has no TCP); pytest in Pyodide under Node (wasm_tests/run_node.mjs);
# pytest in Pyodide in headless Chromium (wasm_tests/run_chromium.py);
# the client suite on D1 (binding) and Hyperdrive inside workerd via miniflare (wasm_tests/run_workerd.py);
# the official JS drivers' fidelity tests (node --test tests/node/*.test.mjs, when there are any).
# Prints each step's wall time, a table per runtime (passed / failed / skipped / of which
# no_pyodide), and as the very last line "N passed, M failed" over all runtimes, where M also
# counts 1 for each step that failed without failing a test (lint errors, a crashed runner,
# a run that collected nothing). Exits non-zero if any step failed.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

ALL_STEPS=(ruff structure cpython node chromium workerd node-drivers)
STEPS=("${ALL_STEPS[@]}")
SETUP=1
PYTEST_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --steps) IFS=, read -r -a STEPS <<< "${2:?--steps needs a list}"; shift 2 ;;
    --steps=*) IFS=, read -r -a STEPS <<< "${1#--steps=}"; shift ;;
    --no-setup) SETUP=0; shift ;;
    --) shift; PYTEST_ARGS=("$@"); break ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "test.sh: unknown argument $1 (pytest arguments go after --)" >&2; exit 2 ;;
  esac
done
for s in "${STEPS[@]}"; do
  [[ " ${ALL_STEPS[*]} " == *" $s "* ]] || { echo "test.sh: unknown step $s" >&2; exit 2; }
done

STEP_TIMEOUT=${TEST_STEP_TIMEOUT:-1500}  # seconds; a safety net against a hang, not a target
OUT=$(mktemp -d)
ENDPOINT_PIDS=()
ENDPOINT_ENV=()
trap 'stop_endpoints; rm -rf "$OUT"' EXIT
: > "$OUT/steps.tsv"
T_START=$EPOCHREALTIME

elapsed() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }
header() { printf '\n==== %s ====\n' "$*"; }
# record STEP STATUS SECONDS NOTE
record() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >> "$OUT/steps.tsv"; }
selected() { [[ " ${STEPS[*]} " == *" $1 "* ]]; }
count_test_files() { find tests -name 'test_*.py' -not -path '*/__pycache__/*' 2>/dev/null | wc -l; }

# A pytest step's status from its exit code. Exit 5 (nothing collected) is only acceptable when
# the caller narrowed the selection or there is no test file at all.
pytest_status() {
  local rc=$1
  case "$rc" in
    0) echo "ok" ;;
    1) echo "FAILED" ;;
    5) if [ ${#PYTEST_ARGS[@]} -gt 0 ] || [ "$(count_test_files)" = 0 ]; then echo "ok"
       else echo "FAILED"; fi ;;
    124|137) echo "TIMEOUT" ;;
    *) echo "FAILED" ;;
  esac
}
pytest_note() {
  local rc=$1
  case "$rc" in
    0|1) echo "" ;;
    2) echo "interrupted (collection errors?)" ;;
    3) echo "internal error / runner crashed" ;;
    4) echo "pytest usage error" ;;
    5) if [ ${#PYTEST_ARGS[@]} -gt 0 ]; then echo "no test selected by the given arguments"
       else echo "collected no tests although tests/ has $(count_test_files) test files"; fi ;;
    124|137) echo "killed after ${STEP_TIMEOUT}s" ;;
    *) echo "exit $rc" ;;
  esac
}

# Pyodide has no TCP sockets, so for the Node and Chromium runs the local Neon, PlanetScale and libSQL
# endpoints (tests/support/endpoints.py, ps_endpoint.py, libsql_endpoint.py) run here, outside, and the runners pass
# their PRISMA_EDGE_* URLs into Python. Their values hold credentials: never printed.
# start_endpoint NAME LINES COMMAND...: serve in the background, stdin on a FIFO we hold open (so
# the endpoint also stops if this script dies), until it printed LINES `PRISMA_EDGE_X=value` lines.
start_endpoint() {
  local name=$1 want=$2 pid fd i
  shift 2
  mkfifo "$OUT/$name.in"
  "$@" < "$OUT/$name.in" > "$OUT/$name.out" 2> "$OUT/$name.err" &
  pid=$!
  exec {fd}> "$OUT/$name.in"
  ENDPOINT_PIDS+=("$pid:$fd")
  for ((i = 0; i < 600; i++)); do
    [ "$(grep -c '^PRISMA_EDGE_[A-Z0-9_]*=' "$OUT/$name.out")" -ge "$want" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if [ "$(grep -c '^PRISMA_EDGE_[A-Z0-9_]*=' "$OUT/$name.out")" -lt "$want" ]; then
    echo "$name endpoint did not start:"
    tail -n 5 "$OUT/$name.err" | sed 's/^/    /'
    return 1
  fi
  mapfile -t -O "${#ENDPOINT_ENV[@]}" ENDPOINT_ENV < <(grep '^PRISMA_EDGE_[A-Z0-9_]*=' "$OUT/$name.out")
  echo "$name endpoint up (pid $pid): $(grep -o '^PRISMA_EDGE_[A-Z0-9_]*' "$OUT/$name.out" | paste -sd' ')"
}
# SIGTERM each endpoint (each drops its throwaway database), SIGKILL after 20 s.
stop_endpoints() {
  local entry pid fd i
  for entry in "${ENDPOINT_PIDS[@]}"; do
    pid=${entry%%:*} fd=${entry##*:}
    exec {fd}>&-
    kill -TERM "$pid" 2>/dev/null
    for ((i = 0; i < 200; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  done
  ENDPOINT_PIDS=()
  ENDPOINT_ENV=()
}

# run_pytest_step STEP TITLE COMMAND...   (the command gets --summary-json itself)
run_pytest_step() {
  local step=$1 title=$2 t0 rc status
  shift 2
  header "$step: $title"
  t0=$EPOCHREALTIME
  timeout --kill-after=20 "$STEP_TIMEOUT" "$@"
  rc=$?
  status=$(pytest_status "$rc")
  record "$step" "$status" "$(elapsed "$t0")" "$(pytest_note "$rc")"
  echo "---- $step: $status in $(elapsed "$t0") s (exit $rc)"
}

if [ "$SETUP" = 1 ]; then
  header "setup: scripts/setup.sh"
  t0=$EPOCHREALTIME
  setup_args=()
  selected chromium || selected cpython || setup_args+=(--no-chromium)   # tests/browser/ drives Chromium from CPython
  if bash scripts/setup.sh "${setup_args[@]}"; then record setup ok "$(elapsed "$t0")" ""
  else record setup FAILED "$(elapsed "$t0")" "scripts/setup.sh failed"; fi
fi

if [ "$SETUP" = 0 ] && { selected node || selected chromium; }; then
  # The project wheel mirrors the work tree: rebuild it even then (offline, about a second).
  bash scripts/setup.sh --project-wheel-only || true
fi

if grep -q "^setup	FAILED" "$OUT/steps.tsv"; then
  echo "set-up failed: not running the suite"
else
  if selected ruff; then
    header "ruff: ruff check"
    t0=$EPOCHREALTIME
    if .venv/bin/ruff check .; then status=ok; else status=FAILED; fi
    record ruff "$status" "$(elapsed "$t0")" "$([ "$status" = ok ] || echo "lint errors")"
    echo "---- ruff: $status in $(elapsed "$t0") s"
  fi

  if selected structure; then
    header "structure: scripts/check_structure.py"
    t0=$EPOCHREALTIME
    if .venv/bin/python scripts/check_structure.py; then status=ok; else status=FAILED; fi
    record structure "$status" "$(elapsed "$t0")" "$([ "$status" = ok ] || echo "import cycle, long module or crowded folder")"
    echo "---- structure: $status in $(elapsed "$t0") s"
  fi

  if selected cpython; then
    run_pytest_step cpython "pytest under CPython $(.venv/bin/python -c 'import platform; print(platform.python_version())')" \
      .venv/bin/python -m pytest -p wasm_tests.pytest_summary --summary-json "$OUT/cpython.json" \
      -rfEs "${PYTEST_ARGS[@]}"
  fi

  if selected node || selected chromium; then
    header "endpoints: local Neon, PlanetScale and libSQL endpoints for the Pyodide runs"
    t0=$EPOCHREALTIME
    if start_endpoint neon 2 .venv/bin/python -m tests.support.endpoints \
        && start_endpoint planetscale 1 .venv/bin/python -m tests.support.ps_endpoint \
        && start_endpoint libsql 2 .venv/bin/python -m tests.support.libsql_endpoint \
        && start_endpoint d1 2 .venv/bin/python -m tests.support.d1_endpoint \
        && start_endpoint redirect 1 .venv/bin/python -m tests.support.redirect_endpoint; then
      record endpoints ok "$(elapsed "$t0")" ""
    elif [ "${CI:-}" = true ]; then
      record endpoints FAILED "$(elapsed "$t0")" "could not start; Pyodide would skip their tests"
    else
      record endpoints none "$(elapsed "$t0")" "unavailable: Pyodide skips the tests that need them"
    fi
  fi

  if selected node; then
    run_pytest_step node "pytest in Pyodide under Node $(node --version)" \
      env "${ENDPOINT_ENV[@]}" node --experimental-wasm-stack-switching wasm_tests/run_node.mjs \
      --summary-json "$OUT/node.json" -- -rfEs "${PYTEST_ARGS[@]}"
  fi

  if selected chromium; then
    run_pytest_step chromium "pytest in Pyodide in headless Chromium" \
      env "${ENDPOINT_ENV[@]}" .venv/bin/python wasm_tests/run_chromium.py --summary-json "$OUT/chromium.json" \
      -- -rfEs "${PYTEST_ARGS[@]}"
  fi
  stop_endpoints

  if selected workerd; then
    run_pytest_step workerd "pytest inside workerd (miniflare): D1 binding, Hyperdrive" \
      .venv/bin/python wasm_tests/run_workerd.py --summary-json "$OUT/workerd.json" -- "${PYTEST_ARGS[@]}"
  fi

  if selected node-drivers; then
    shopt -s nullglob
    node_tests=(tests/node/*.test.mjs)
    shopt -u nullglob
    header "node-drivers: node --test (official Neon/PlanetScale JS drivers against our endpoints)"
    if [ ${#node_tests[@]} = 0 ]; then
      echo "no tests/node/*.test.mjs yet"
      record node-drivers none 0.0 "no tests/node/*.test.mjs"
    else
      t0=$EPOCHREALTIME
      timeout --kill-after=20 "$STEP_TIMEOUT" node --test \
        --test-reporter=spec --test-reporter-destination=stdout \
        --test-reporter=tap --test-reporter-destination="$OUT/node-drivers.tap" "${node_tests[@]}"
      rc=$?
      case "$rc" in 0) status=ok note="" ;; 124|137) status=TIMEOUT note="killed after ${STEP_TIMEOUT}s" ;;
                    *) status=FAILED note="exit $rc" ;; esac
      record node-drivers "$status" "$(elapsed "$t0")" "$note"
      echo "---- node-drivers: $status in $(elapsed "$t0") s (exit $rc)"
    fi
  fi
fi

header "summary (wall time $(elapsed "$T_START") s)"
python3 - "$OUT" <<'PY'
import json, re, sys
from pathlib import Path

out = Path(sys.argv[1])
rows, total_passed, total_failed = [], 0, 0
for line in (out / "steps.tsv").read_text().splitlines():
    step, status, secs, note = line.split("\t")
    counts = None
    if (out / f"{step}.json").exists():
        c = json.loads((out / f"{step}.json").read_text())
        counts = {"passed": c["passed"], "failed": c["failed"] + c["errors"],
                  "skipped": c["skipped"], "no_pyodide": c["no_pyodide"]}
        if c.get("page_crashes"):
            note = (note + "; " if note else "") + f"Chromium page crashed {c['page_crashes']}x, re-run"
    elif (out / f"{step}.tap").exists():
        tap = (out / f"{step}.tap").read_text()
        num = lambda k: sum(int(n) for n in re.findall(rf"^# {k} (\d+)$", tap, re.M))  # noqa: E731
        counts = {"passed": num("pass"), "failed": num("fail") + num("cancelled"),
                  "skipped": num("skipped") + num("todo"), "no_pyodide": 0}
    elif step in ("cpython", "node", "chromium", "workerd") and status != "ok":
        note = note or "no summary: the runner stopped before pytest's summary"
    failed_tests = counts["failed"] if counts else 0
    total_passed += counts["passed"] if counts else 0
    total_failed += failed_tests + (1 if status not in ("ok", "none") and failed_tests == 0 else 0)
    rows.append((step, status, f"{float(secs):.1f}s", counts, note))

cols = ("passed", "failed", "skipped", "no_pyodide")
print(f"{'step':<13} {'status':<8} {'time':>7}  " + " ".join(f"{c:>10}" for c in cols) + "  note")
for step, status, secs, counts, note in rows:
    nums = " ".join(f"{(counts[c] if counts else '-'):>10}" for c in cols)
    print(f"{step:<13} {status:<8} {secs:>7}  {nums}  {note}".rstrip())
failed_steps = [r[0] for r in rows if r[1] not in ("ok", "none")]
print(f"result: {'FAILED (' + ', '.join(failed_steps) + ')' if failed_steps else 'all steps ok'}")
(out / "exit").write_text("1" if failed_steps else "0")
print(f"{total_passed} passed, {total_failed} failed")
PY
exit "$(cat "$OUT/exit" 2>/dev/null || echo 1)"
