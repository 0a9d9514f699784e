#!/usr/bin/env bash
# Local Keycloak for MotCua (no Docker): fetch + build once, then start/wait/stop
# independent instances, each with its own dev-file H2 database and state in DATA_DIR.
#
#   keycloak.sh fetch
#   keycloak.sh start DATA_DIR HTTP_PORT MGMT_PORT
#   keycloak.sh wait  DATA_DIR MGMT_PORT [TIMEOUT_S]
#   keycloak.sh stop  DATA_DIR
#   keycloak.sh admit-console DATA_DIR HTTP_PORT ORIGIN...
#                     lets the web console served at each ORIGIN (http://127.0.0.1:8181) log in: adds ORIGIN/* to
#                     the motcua-console client's redirect and post-logout URIs (through kcadm and the bootstrap
#                     admin; a no-op when they are there already)
#
# Environment:
#   MOTCUA_KC_HOME               unpacked + built distribution (default ~/.cache/motcua/keycloak-26.7.3)
#   KC_BOOTSTRAP_ADMIN_USERNAME  master-realm admin created on first start (default admin)
#   KC_BOOTSTRAP_ADMIN_PASSWORD  its password (default admin)
#   MOTCUA_KC_REALM_FILE         realm file to import (default realm-motcua.json beside this script)
#   MVN                          maven command used by fetch (default mvn)
set -euo pipefail

KC_VERSION=26.7.3
KC_ARTIFACT="org.keycloak:keycloak-quarkus-dist:${KC_VERSION}:zip"
DEP_PLUGIN="org.apache.maven.plugins:maven-dependency-plugin:3.8.1"
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
KC_HOME="${MOTCUA_KC_HOME:-$HOME/.cache/motcua/keycloak-${KC_VERSION}}"
REALM_FILE="${MOTCUA_KC_REALM_FILE:-$SCRIPT_DIR/realm-motcua.json}"
MARKER=".motcua-built"
# Build-time options: must be identical at build and at start --optimized.
BUILD_OPTS=(--db=dev-file --health-enabled=true --cache=local)
export JAVA_OPTS_APPEND="${JAVA_OPTS_APPEND:--XX:TieredStopAtLevel=1}"

die() { echo "keycloak.sh: $*" >&2; exit 1; }
usage() { sed -n '2,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
abspath() { mkdir -p "$1" && (cd "$1" && pwd); }
port_ok() { [[ "$1" =~ ^[0-9]+$ ]] && (( $1 > 0 && $1 < 65536 )) || die "bad port: $1"; }

cmd_fetch() {
  if [[ -f "$KC_HOME/$MARKER" ]]; then
    echo "Keycloak ${KC_VERSION} already built in $KC_HOME"; return 0
  fi
  command -v unzip >/dev/null || die "unzip not found (apt-get install unzip)"
  local parent mvn
  mvn="${MVN:-mvn}"
  parent="$(dirname "$KC_HOME")"; mkdir -p "$parent"
  tmp="$(mktemp -d "$parent/.kc-fetch.XXXXXX")"   # global: used by the EXIT trap
  trap 'rm -rf "$tmp"' EXIT
  trap 'exit 130' INT TERM
  echo "Fetching ${KC_ARTIFACT} (Maven Central / ~/.m2)..."; SECONDS=0
  # Run outside any project so no pom.xml is read.
  (cd "$tmp" && "$mvn" -B -Dstyle.color=never "${DEP_PLUGIN}:copy" -Dartifact="$KC_ARTIFACT" \
      -DoutputDirectory="$tmp/dl" -Dmdep.overWriteReleases=true >"$tmp/mvn.log" 2>&1) \
    || { tail -n 30 "$tmp/mvn.log" >&2; die "maven fetch failed"; }
  echo "Fetched in ${SECONDS} s. Unpacking..."; SECONDS=0
  unzip -q "$tmp/dl/keycloak-quarkus-dist-${KC_VERSION}.zip" -d "$tmp/unz"
  local home="$tmp/unz/keycloak-${KC_VERSION}"
  [[ -x "$home/bin/kc.sh" ]] || die "unexpected zip layout in $tmp/unz"
  echo "Unpacked in ${SECONDS} s. Building (kc.sh build ${BUILD_OPTS[*]})..."; SECONDS=0
  "$home/bin/kc.sh" build "${BUILD_OPTS[@]}" >"$tmp/build.log" 2>&1 \
    || { tail -n 40 "$tmp/build.log" >&2; die "kc.sh build failed"; }
  echo "Built in ${SECONDS} s."
  cp "$tmp/build.log" "$home/build.log"
  echo "$KC_VERSION ${BUILD_OPTS[*]}" >"$home/$MARKER"
  # Publish by rename: an interrupted run never leaves a half-built KC_HOME (only a
  # .kc-fetch.* temp dir, removed on exit); a concurrent run that finished first wins.
  if [[ -f "$KC_HOME/$MARKER" ]]; then
    echo "Keycloak ${KC_VERSION} was built concurrently in $KC_HOME: keeping it"; return 0
  fi
  rm -rf "$KC_HOME"
  mv "$home" "$KC_HOME"
  echo "Keycloak ${KC_VERSION} built in $KC_HOME"
}

cmd_start() {
  [[ $# -eq 3 ]] || usage
  local data http mgmt
  data="$(abspath "$1")"; http="$2"; mgmt="$3"
  port_ok "$http"; port_ok "$mgmt"
  [[ -f "$KC_HOME/$MARKER" ]] || die "Keycloak not built: run '$0 fetch' first"
  [[ -f "$REALM_FILE" ]] || die "realm file not found: $REALM_FILE"
  if [[ -f "$data/keycloak.pid" ]] && kill -0 "$(cat "$data/keycloak.pid")" 2>/dev/null; then
    die "already running in $data (pid $(cat "$data/keycloak.pid"))"
  fi
  mkdir -p "$data/import"
  cp "$REALM_FILE" "$data/import/realm-motcua.json"
  export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
  export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"
  [[ "$data" != *[[:space:]]* ]] || die "DATA_DIR must not contain spaces (kc.sh splits JAVA_OPTS): $data"
  # --import-realm reads KC_HOME/data/import, shared by all instances, and only when it exists;
  # otherwise the import dir set here (keycloak.migration.dir) stays in force: keep it absent.
  [[ ! -e "$KC_HOME/data/import" ]] || die "$KC_HOME/data/import exists: remove it (it would override $data/import)"
  # Per-instance state in DATA_DIR: H2 database (--db-url), realm import dir, transaction logs.
  # Import strategy at startup is IGNORE_EXISTING: a restart skips the already imported realm.
  export JAVA_OPTS_APPEND="$JAVA_OPTS_APPEND -Dkeycloak.migration.dir=$data/import -Dquarkus.transaction-manager.object-store.directory=$data/transaction-logs"
  echo "Starting Keycloak: http://127.0.0.1:$http (management $mgmt), data $data"
  # setsid: own process group, so stop can signal the java child too.
  setsid "$KC_HOME/bin/kc.sh" start --optimized "${BUILD_OPTS[@]}" \
      --http-enabled=true --http-host=127.0.0.1 --http-port="$http" \
      --http-management-port="$mgmt" --hostname="http://127.0.0.1:$http" \
      --db-url="jdbc:h2:file:$data/h2/keycloakdb;NON_KEYWORDS=VALUE" \
      --import-realm \
      >"$data/keycloak.log" 2>&1 </dev/null &
  echo $! >"$data/keycloak.pid"
  echo "$http $mgmt" >"$data/keycloak.ports"
}

cmd_wait() {
  [[ $# -ge 2 && $# -le 3 ]] || usage
  local data="$1" mgmt="$2" timeout="${3:-300}" start now pid
  port_ok "$mgmt"
  [[ -f "$data/keycloak.pid" ]] || die "no keycloak.pid in $data"
  pid="$(cat "$data/keycloak.pid")"
  start=$(date +%s)
  printf 'Waiting for Keycloak (http://127.0.0.1:%s/health/ready)' "$mgmt"
  while :; do
    if curl -fsS -m 3 "http://127.0.0.1:$mgmt/health/ready" 2>/dev/null | grep -q '"status": *"UP"'; then
      now=$(date +%s); echo " ready after $((now - start)) s"; return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo; echo "--- keycloak.log (tail) ---" >&2; tail -n 60 "$data/keycloak.log" >&2 || true
      die "Keycloak process $pid died"
    fi
    now=$(date +%s)
    if (( now - start >= timeout )); then
      echo; echo "--- keycloak.log (tail) ---" >&2; tail -n 60 "$data/keycloak.log" >&2 || true
      die "Keycloak not ready after ${timeout} s"
    fi
    printf '.'; sleep 2
  done
}

cmd_stop() {
  [[ $# -eq 1 ]] || usage
  local data="$1" pid i
  [[ -f "$data/keycloak.pid" ]] || { echo "no keycloak.pid in $data: nothing to stop"; return 0; }
  pid="$(cat "$data/keycloak.pid")"
  if kill -0 "$pid" 2>/dev/null; then
    # pid is the session/group leader started by setsid: signal the whole group.
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 20; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 1
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "Keycloak $pid still alive after 20 s: KILL"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$data/keycloak.pid"
  echo "Keycloak stopped ($data)"
}

# The realm file admits the console on port 8080 (./motcua up's default); a gateway elsewhere (8080 taken, another
# MOTCUA_GATEWAY_PORT, a system test) is admitted here, on the running realm, so login works whatever its port.
cmd_admit_console() {
  [[ $# -ge 3 ]] || usage
  local data http origin id client uris logout missing=0
  data="$(abspath "$1")"; http="$2"; shift 2
  port_ok "$http"
  local kcadm="$KC_HOME/bin/kcadm.sh" cfg="$data/kcadm.config"
  client="$("$kcadm" get clients --config "$cfg" -r motcua -q clientId=motcua-console \
      --fields 'id,redirectUris,attributes(post.logout.redirect.uris)' 2>/dev/null)" || client=""
  if [[ -z "$client" ]]; then
    "$kcadm" config credentials --config "$cfg" --server "http://127.0.0.1:$http" --realm master \
      --user "${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}" --password "${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}" >/dev/null \
      || die "kcadm could not log in to http://127.0.0.1:$http as the bootstrap admin"
    client="$("$kcadm" get clients --config "$cfg" -r motcua -q clientId=motcua-console \
      --fields 'id,redirectUris,attributes(post.logout.redirect.uris)')" || die "kcadm could not read motcua-console"
  fi
  id="$(grep -o '"id" : "[^"]*"' <<<"$client" | head -1 | cut -d'"' -f4)"
  [[ -n "$id" ]] || die "no client motcua-console in realm motcua"
  uris="$(tr -d '\n' <<<"$client" | grep -o '"redirectUris" : \[[^]]*\]' | grep -o '"http[^"]*"' | paste -sd, -)"
  logout="$(grep -o '"post.logout.redirect.uris" : "[^"]*"' <<<"$client" | cut -d'"' -f4)"
  for origin in "$@"; do
    [[ "$origin" =~ ^https?://[A-Za-z0-9.:-]+$ ]] || die "bad origin: $origin"
    if ! grep -qF "\"$origin/*\"" <<<"$uris"; then
      uris="${uris:+$uris,}\"$origin/*\""; missing=1
    fi
    if ! grep -qF "$origin/*" <<<"$logout"; then
      logout="${logout:+$logout##}$origin/*"; missing=1
    fi
  done
  if ((missing)); then
    "$kcadm" update "clients/$id" --config "$cfg" -r motcua -s "redirectUris=[$uris]" \
      -s "attributes.\"post.logout.redirect.uris\"=$logout" || die "kcadm could not update motcua-console"
    echo "Keycloak: the console client admits $*"
  fi
}

sub="${1:-}"; [[ $# -gt 0 ]] && shift
case "$sub" in
  fetch) cmd_fetch "$@" ;;
  start) cmd_start "$@" ;;
  wait)  cmd_wait "$@" ;;
  stop)  cmd_stop "$@" ;;
  admit-console) cmd_admit_console "$@" ;;
  *) usage ;;
esac
