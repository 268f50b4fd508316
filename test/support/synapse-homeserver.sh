#!/usr/bin/env bash
# Adapted for Interkom from ../shared/tools/synapse-test-homeserver.sh: instance "interkom",
# bot "interkom", user namespace @interkom_.*, application service at 127.0.0.1:39999.
# synapse-test-homeserver.sh - a throwaway *real* Synapse homeserver for integration tests.
#
# Debian bookworm/trixie have no matrix-synapse package; Debian sid does. So we
# debootstrap a minimal sid root into $SYNAPSE_ROOT (cached: built once, reused),
# apt-install matrix-synapse in it, and run Synapse inside it with chroot.
# Needs root (debootstrap, chroot, mount), deb.debian.org reachable, curl.
#
# Usage: synapse-test-homeserver.sh [all|install|config|start|stop|restart|reset|status|env]
#   all      (default) install (cached) + config + start, prints env for tests
#   install  debootstrap sid + apt-get install matrix-synapse (skipped if cached)
#   config   (re)write homeserver.yaml / appservice.yaml / log.yaml, gen signing key
#   start    start Synapse in background, wait until /_matrix/client/versions answers
#   stop     stop Synapse by PID (TERM, then KILL after 15 s)
#   reset    stop + delete database/media (fresh server on next start)
#   status   print whether it runs
#   env      print MATRIX_* variables for the test suite
#
# Idempotent: every subcommand can be run repeatedly.
# Env overrides (defaults in brackets): SYNAPSE_ROOT [/opt/synapse-root], SYNAPSE_INSTANCE [test],
#   SYNAPSE_PORT [8008], SYNAPSE_SERVER_NAME [localhost], SYNAPSE_REG_SECRET, SYNAPSE_AS_TOKEN,
#   SYNAPSE_HS_TOKEN, SYNAPSE_AS_URL [null], SYNAPSE_AS_SENDER [hubbot], SYNAPSE_AS_USER_REGEX
#   [@hub_.*:$SYNAPSE_SERVER_NAME], DEBIAN_MIRROR, DEBIAN_SUITE [sid].
# Changing SYNAPSE_SERVER_NAME needs `reset` (the DB is bound to the server name);
# changing config while running needs `restart`.
# Test usage:  set -a; eval "$(bash synapse-test-homeserver.sh all)"; set +a   ...   bash synapse-test-homeserver.sh stop
set -euo pipefail

SYNAPSE_ROOT=${SYNAPSE_ROOT:-/opt/synapse-root}   # cached chroot (shared by all instances)
SYNAPSE_INSTANCE=${SYNAPSE_INSTANCE:-interkom}        # separate config/data/pid per instance (use with another port)
SYNAPSE_PORT=${SYNAPSE_PORT:-8008}
SYNAPSE_SERVER_NAME=${SYNAPSE_SERVER_NAME:-localhost}
SYNAPSE_REG_SECRET=${SYNAPSE_REG_SECRET:-test-registration-shared-secret}
SYNAPSE_AS_TOKEN=${SYNAPSE_AS_TOKEN:-interkom-test-as-token}
SYNAPSE_HS_TOKEN=${SYNAPSE_HS_TOKEN:-interkom-test-hs-token}
SYNAPSE_AS_URL=${SYNAPSE_AS_URL:-http://127.0.0.1:39999}   # where the tests serve the application service
SYNAPSE_AS_SENDER=${SYNAPSE_AS_SENDER:-interkom}
SYNAPSE_AS_USER_REGEX=${SYNAPSE_AS_USER_REGEX:-@interkom_.*:$SYNAPSE_SERVER_NAME}
SYNAPSE_STATE_DIR=${SYNAPSE_STATE_DIR:-/tmp/synapse-$SYNAPSE_INSTANCE}   # host side: pid file, stdout log
DEBIAN_MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
DEBIAN_SUITE=${DEBIAN_SUITE:-sid}

CONF_IN=/etc/synapse-$SYNAPSE_INSTANCE          # paths as seen inside the chroot
DATA_IN=/var/lib/synapse-$SYNAPSE_INSTANCE
CONF=$SYNAPSE_ROOT$CONF_IN
DATA=$SYNAPSE_ROOT$DATA_IN
MARKER=$SYNAPSE_ROOT/.synapse-installed
PIDFILE=$SYNAPSE_STATE_DIR/synapse.pid
BASE_URL=http://127.0.0.1:$SYNAPSE_PORT

log() { echo "[synapse-test-homeserver] $*" >&2; }

unmount_all() { # $1 = root dir; lazily unmount anything mounted below it
  local d=$1 m
  [ -d "$d" ] || return 0
  for m in dev/pts dev/shm dev proc sys run; do
    if mountpoint -q "$d/$m" 2>/dev/null; then umount -l "$d/$m" || true; fi
  done
}

do_install() {
  if [ -f "$MARKER" ]; then
    log "cached: $SYNAPSE_ROOT (synapse $(cat "$MARKER"))"
    return 0
  fi
  [ "$(id -u)" = 0 ] || { log "must run as root"; exit 1; }
  if ! command -v debootstrap >/dev/null; then
    log "installing debootstrap on host"
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap >/dev/null
  fi
  if [ ! -x "$SYNAPSE_ROOT/usr/bin/apt-get" ]; then
    local tmp=$SYNAPSE_ROOT.partial
    unmount_all "$tmp"; rm -rf --one-file-system "$tmp"
    log "debootstrap --variant=minbase $DEBIAN_SUITE -> $SYNAPSE_ROOT"
    local t0=$SECONDS
    debootstrap --variant=minbase "$DEBIAN_SUITE" "$tmp" "$DEBIAN_MIRROR" >"$SYNAPSE_ROOT.debootstrap.log" 2>&1 \
      || { unmount_all "$tmp"; log "debootstrap failed, see $SYNAPSE_ROOT.debootstrap.log"; tail -20 "$SYNAPSE_ROOT.debootstrap.log" >&2; exit 1; }
    unmount_all "$tmp"
    mv "$tmp" "$SYNAPSE_ROOT"
    log "debootstrap done in $((SECONDS - t0))s"
  fi
  # the archive reachable here may be a frozen snapshot whose Release file has
  # expired relative to the machine clock: don't let apt reject it
  echo 'Acquire::Check-Valid-Until "false";' >"$SYNAPSE_ROOT/etc/apt/apt.conf.d/99no-check-valid-until"
  # never start services inside the chroot during package installation
  printf '#!/bin/sh\nexit 101\n' >"$SYNAPSE_ROOT/usr/sbin/policy-rc.d"
  chmod +x "$SYNAPSE_ROOT/usr/sbin/policy-rc.d"
  printf 'matrix-synapse matrix-synapse/server-name string %s\nmatrix-synapse matrix-synapse/report-stats boolean false\n' \
    "$SYNAPSE_SERVER_NAME" | chroot "$SYNAPSE_ROOT" debconf-set-selections
  mountpoint -q "$SYNAPSE_ROOT/proc" || mount -t proc proc "$SYNAPSE_ROOT/proc"
  trap 'unmount_all "$SYNAPSE_ROOT"' EXIT
  log "apt-get install matrix-synapse inside chroot"
  local t1=$SECONDS
  chroot "$SYNAPSE_ROOT" env DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 apt-get update -q >"$SYNAPSE_ROOT.apt.log" 2>&1 \
    || { log "apt-get update in chroot failed, see $SYNAPSE_ROOT.apt.log"; tail -20 "$SYNAPSE_ROOT.apt.log" >&2; exit 1; }
  chroot "$SYNAPSE_ROOT" env DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 \
    apt-get install -y -q --no-install-recommends matrix-synapse >>"$SYNAPSE_ROOT.apt.log" 2>&1 \
    || { log "apt-get install failed, see $SYNAPSE_ROOT.apt.log"; tail -20 "$SYNAPSE_ROOT.apt.log" >&2; exit 1; }
  chroot "$SYNAPSE_ROOT" apt-get clean
  unmount_all "$SYNAPSE_ROOT"; trap - EXIT
  chroot "$SYNAPSE_ROOT" python3 -c 'import synapse; print(synapse.__version__)' >"$MARKER"
  log "installed synapse $(cat "$MARKER") in $((SECONDS - t1))s ($(du -shx "$SYNAPSE_ROOT" | cut -f1) on disk)"
}

do_config() {
  [ -f "$MARKER" ] || { log "not installed; run install first"; exit 1; }
  mkdir -p "$CONF" "$DATA/media"
  cat >"$CONF/log.yaml" <<EOF
version: 1
formatters:
  precise:
    format: '%(asctime)s - %(name)s - %(lineno)d - %(levelname)s - %(request)s - %(message)s'
handlers:
  file:
    class: logging.FileHandler
    formatter: precise
    filename: $DATA_IN/homeserver.log
    encoding: utf8
  console:
    class: logging.StreamHandler
    formatter: precise
    level: WARNING
loggers:
  synapse.storage.SQL:
    level: WARNING
  twisted:
    level: WARNING
root:
  level: INFO
  handlers: [file, console]
disable_existing_loggers: false
EOF
  cat >"$CONF/appservice.yaml" <<EOF
id: hub-$SYNAPSE_INSTANCE-appservice
url: $SYNAPSE_AS_URL
as_token: "$SYNAPSE_AS_TOKEN"
hs_token: "$SYNAPSE_HS_TOKEN"
sender_localpart: "$SYNAPSE_AS_SENDER"
rate_limited: false
namespaces:
  users:
    - exclusive: true
      regex: '$SYNAPSE_AS_USER_REGEX'
  aliases:
    - exclusive: true
      regex: '#interkom-.*:$SYNAPSE_SERVER_NAME'
  rooms: []
EOF
  local big='{per_second: 10000, burst_count: 100000}'
  cat >"$CONF/homeserver.yaml" <<EOF
server_name: "$SYNAPSE_SERVER_NAME"
public_baseurl: "$BASE_URL/"
pid_file: $DATA_IN/homeserver.pid
log_config: $CONF_IN/log.yaml
signing_key_path: $CONF_IN/signing.key
media_store_path: $DATA_IN/media
report_stats: false
enable_metrics: false
suppress_key_server_warning: true
trusted_key_servers: []
listeners:
  - port: $SYNAPSE_PORT
    bind_addresses: ['127.0.0.1']
    type: http
    tls: false
    x_forwarded: false
    resources:
      - names: [client]
        compress: false
database:
  name: sqlite3
  args:
    database: $DATA_IN/homeserver.db
registration_shared_secret: "$SYNAPSE_REG_SECRET"
enable_registration: false
macaroon_secret_key: "test-macaroon-secret"
form_secret: "test-form-secret"
app_service_config_files:
  - $CONF_IN/appservice.yaml
presence:
  enabled: false
url_preview_enabled: false
federation_domain_whitelist: []
rc_message: $big
rc_registration: $big
rc_registration_token_validity: $big
rc_login:
  address: $big
  account: $big
  failed_attempts: $big
rc_admin_redaction: $big
rc_joins:
  local: $big
  remote: $big
rc_joins_per_room: $big
rc_3pid_validation: $big
rc_invites:
  per_room: $big
  per_user: $big
  per_issuer: $big
rc_third_party_invite: $big
rc_media_create: $big
rc_presence:
  per_user: $big
rc_delayed_event_mgmt: $big
rc_room_creation: $big
rc_reports: $big
rc_user_directory: $big
rc_federation:
  window_size: 1000
  sleep_limit: 10000
  sleep_delay: 0
  reject_limit: 100000
  concurrent: 1000
EOF
  if [ ! -s "$CONF/signing.key" ]; then
    chroot "$SYNAPSE_ROOT" python3 -m synapse.app.homeserver -c "$CONF_IN/homeserver.yaml" --generate-keys >/dev/null
  fi
  log "config written to $CONF"
}

is_running() {
  [ -f "$PIDFILE" ] || return 1
  local pid; pid=$(cat "$PIDFILE")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && grep -q synapse.app.homeserver "/proc/$pid/cmdline" 2>/dev/null
}

adopt() {
  local dir pid
  for dir in /proc/[0-9]*; do
    pid=${dir#/proc/}
    if tr '\0' ' ' <"$dir/cmdline" 2>/dev/null | grep -q "synapse.app.homeserver -c $CONF_IN/homeserver.yaml"; then
      echo "$pid" >"$PIDFILE"; return 0
    fi
  done
  return 1
}

wait_ready() {
  local deadline=$((SECONDS + ${1:-90}))
  until curl -fsS -o /dev/null "$BASE_URL/_matrix/client/versions" 2>/dev/null; do
    # Alive is enough here: right after the fork the child's cmdline is still this script's (until
    # nohup and chroot exec python3), and under load that window is long enough to be seen.
    if ! kill -0 "$(cat "$PIDFILE" 2>/dev/null)" 2>/dev/null; then log "synapse exited; last log lines:"; tail -30 "$SYNAPSE_STATE_DIR/synapse.out" >&2; exit 1; fi
    [ $SECONDS -lt $deadline ] || { log "timeout waiting for $BASE_URL"; exit 1; }
    sleep 0.2
  done
}

do_start() {
  [ -f "$CONF/homeserver.yaml" ] || do_config
  mkdir -p "$SYNAPSE_STATE_DIR"
  if is_running; then log "already running (pid $(cat "$PIDFILE"))"; wait_ready; return 0; fi
  # Our own Synapse whose pid file went missing (a second checkout's teardown, a cleaned /tmp): adopt it.
  if adopt; then log "adopted running synapse (pid $(cat "$PIDFILE"))"; wait_ready; return 0; fi
  if curl -fsS -o /dev/null "$BASE_URL/_matrix/client/versions" 2>/dev/null; then
    log "port $SYNAPSE_PORT is already served by another process"; exit 1
  fi
  local t0=$SECONDS
  # chroot execs python3, so $! is the Synapse PID itself
  nohup chroot "$SYNAPSE_ROOT" python3 -m synapse.app.homeserver -c "$CONF_IN/homeserver.yaml" \
    >"$SYNAPSE_STATE_DIR/synapse.out" 2>&1 </dev/null &
  echo $! >"$PIDFILE"
  wait_ready 90
  log "synapse up at $BASE_URL (pid $(cat "$PIDFILE"), ~$((SECONDS - t0))s)"
}

do_stop() {
  if ! is_running; then rm -f "$PIDFILE"; log "not running"; return 0; fi
  local pid; pid=$(cat "$PIDFILE")
  kill -TERM "$pid"
  for _ in $(seq 1 75); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  if kill -0 "$pid" 2>/dev/null; then log "pid $pid still alive, SIGKILL"; kill -KILL "$pid" || true; fi
  rm -f "$PIDFILE"
  log "stopped (pid $pid)"
}

do_reset() {
  do_stop
  [ -f "$MARKER" ] || { log "not installed; nothing to reset"; return 0; }
  rm -rf --one-file-system "$DATA"
  mkdir -p "$DATA/media"
  log "data wiped ($DATA)"
}

do_env() {
  cat <<EOF
MATRIX_BASE_URL=$BASE_URL
MATRIX_SERVER_NAME=$SYNAPSE_SERVER_NAME
MATRIX_REG_SECRET=$SYNAPSE_REG_SECRET
MATRIX_AS_TOKEN=$SYNAPSE_AS_TOKEN
MATRIX_HS_TOKEN=$SYNAPSE_HS_TOKEN
MATRIX_AS_SENDER=@$SYNAPSE_AS_SENDER:$SYNAPSE_SERVER_NAME
SYNAPSE_PID=$(cat "$PIDFILE" 2>/dev/null || true)
EOF
}

case "${1:-all}" in
  all) do_install; do_config; do_start; do_env ;;
  install) do_install ;;
  config) do_config ;;
  start) do_start ;;
  stop) do_stop ;;
  restart) do_stop; do_start ;;
  reset) do_reset ;;
  status) if is_running; then echo "running pid $(cat "$PIDFILE")"; else echo "stopped"; exit 3; fi ;;
  env) do_env ;;
  *) echo "usage: $0 [all|install|config|start|stop|restart|reset|status|env]" >&2; exit 2 ;;
esac
