#!/usr/bin/env bash
# `npm run test:weekdays [-- OFFSETS…] [-- --web]`: the API's jest suite (and the web client's unit
# tests) once for each of the six other weekdays, with the clock moved forward by 1…6 days, to find
# tests that depend on today's weekday (issue 19.19). Not part of `npm test` or CI: it takes six
# runs of the suite.
#
# The clock is moved with libfaketime (Debian's package faketime, installed when missing) for
# every process of a run: node, jest's workers, the hub processes the tests start, and a private
# PostgreSQL cluster started under the same offset, so now() in SQL and Date.now() in the hub
# agree as they do in production. Synapse keeps the real clock (it is shared across runs and only
# stamps its own events). Prints one line per weekday and exits non-zero when any run failed.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

offsets=()
web=0
for a in "$@"; do
  case "$a" in
    --web) web=1 ;;
    [1-6]) offsets+=("$a") ;;
    *) echo "test:weekdays: unknown argument '$a' (expected day offsets 1–6 and --web)" >&2; exit 2 ;;
  esac
done
[ ${#offsets[@]} -eq 0 ] && offsets=(1 2 3 4 5 6)

lib=/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1
if [ ! -e "$lib" ]; then
  echo "test:weekdays: installing libfaketime (apt-get install faketime)…"
  apt-get install -y faketime >/dev/null || { echo "test:weekdays: libfaketime is missing and could not be installed" >&2; exit 1; }
fi
pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
[ -x "$pgbin/initdb" ] || { echo "test:weekdays: PostgreSQL's initdb not found under /usr/lib/postgresql" >&2; exit 1; }

work="$(mktemp -d /tmp/interkom-weekdays.XXXXXX)"
chmod 755 "$work"
results="$root/test-results/weekdays"
mkdir -p "$results"
port=55432
pgrun() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_pg() { pgrun "$pgbin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true; }
trap 'stop_pg; rm -rf "$work"' EXIT

[ "$(id -u)" = 0 ] && chown postgres "$work"
pgrun "$pgbin/initdb" -D "$work/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null || { echo "test:weekdays: initdb failed" >&2; exit 1; }

# Synapse keeps the real clock: started (or found running) here, before any offset applies.
bash test/support/synapse-homeserver.sh all >/dev/null || { echo "test:weekdays: Synapse could not be started" >&2; exit 1; }

if [ $web = 1 ]; then
  # vitest imports the generated GraphQL types (web/src/gql), written from schema.gql.
  npm run codegen -w web -- --silent >/dev/null || { echo "test:weekdays: the web client's codegen failed" >&2; exit 1; }
fi

summary=()
failed=0
for d in "${offsets[@]}"; do
  day="$(LC_ALL=de_DE.UTF-8 date -d "+$d day" '+%A, %F' 2>/dev/null || date -d "+$d day" '+%A, %F')"
  export LD_PRELOAD="$lib" FAKETIME="+${d}d" FAKETIME_DONT_FAKE_MONOTONIC=1 FAKETIME_DONT_RESET=1
  pgrun env LD_PRELOAD="$lib" FAKETIME="+${d}d" FAKETIME_DONT_FAKE_MONOTONIC=1 \
    "$pgbin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off" -w start >/dev/null \
    || { unset LD_PRELOAD; echo "test:weekdays: the private PostgreSQL did not start (see $work/pg.log)" >&2; cat "$work/pg.log" >&2; exit 1; }
  echo "== $day (clock +$d d): node says $(node -e 'console.log(new Date().toISOString())'), PostgreSQL says $(psql -qtA -h 127.0.0.1 -p $port -U postgres -c 'select now()')"
  out="$results/jest-plus-$d.json"
  rm -f "$out"
  TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres" INTERKOM_TEST_DB_PREFIX="interkom_weekday" \
    npm run test:api -- --json --outputFile="$out" >"$results/jest-plus-$d.log" 2>&1
  status=$?
  line="$(node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const bad = r.testResults.flatMap(f => f.assertionResults.filter(a => a.status === "failed").map(a => f.name.replace(process.cwd() + "/", "") + " › " + a.fullName));
    const broken = r.testResults.filter(f => f.status === "failed" && f.assertionResults.every(a => a.status !== "failed")).map(f => f.name.replace(process.cwd() + "/", "") + " (did not run: " + (f.message || "").split("\n").find(Boolean) + ")");
    console.log(`jest ${r.numPassedTests} passed, ${r.numFailedTests} failed` + [...bad, ...broken].map(x => "\n    " + x).join(""));
  ' "$out" 2>/dev/null || echo "jest: no result (see $results/jest-plus-$d.log)")"
  [ $status -ne 0 ] && failed=1
  if [ $web = 1 ]; then
    if npm run test:unit -w web >"$results/vitest-plus-$d.log" 2>&1; then line="$line; vitest passed"; else line="$line; vitest FAILED (see $results/vitest-plus-$d.log)"; failed=1; fi
  fi
  unset LD_PRELOAD FAKETIME
  stop_pg
  summary+=("$day: $line")
  echo "   $line"
done

echo
echo "Weekdays (logs in test-results/weekdays/):"
printf '  %s\n' "${summary[@]}"
exit $failed
