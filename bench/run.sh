#!/usr/bin/env bash
# Throughput and latency of MotCua on MariaDB, each figure beside a same-run baseline (issue 9). Starts its own
# platform (scripts/platform.sh, the launcher of ./motcua up) on free ports, with its state in a temporary directory
# and throwaway databases, so a developer's running `./motcua up` is never touched; runs the load generator
# (bench/src, bench/target/motcua-bench.jar) against it; stops it and drops the databases at the end.
#
#   bench/run.sh [--clients N] [--duration S] [--warmup S] [--max-requests N] [--inbox-target N] [--out FILE]
#                [--jit c2|c1] [--platform-warmup S]
#   bench/run.sh --smoke       a few requests per scenario on a platform of its own: the figures mean nothing
#   bench/run.sh --self-check  seconds, no platform: the generator's load, percentiles, JDBC baseline, inbox seeding
#                              and table against a loopback stand-in and a throwaway database (run by ./motcua test)
#
# --jit: c2 (default) runs the services with the JIT the container images use (docs/runtime.md: full tiered
# compilation), c1 with the launcher's start-up flag -XX:TieredStopAtLevel=1 (ADR 0003), which caps every path's
# steady-state speed; heap and GC are the launcher's (-Xmx192m, SerialGC) either way. The platform warm-up before
# the first scenario (receptions and reads) lasts 45 s with c2, whose compiled code takes that long to settle, 10 s
# with c1; --platform-warmup S overrides it.
# Defaults: 16 clients, 3 s warm-up and 10 s measured per scenario (or 1,000,000 requests, whichever comes first),
# inbox of unit 11077 topped up to 100000 dossiers by plain JDBC batch inserts (clones of a dossier received through
# the API in the run). Writes
# bench/results/<date>-<cores>core.md (a smoke run writes into its temporary directory unless --out is given). Needs the service jars
# (./mvnw -B -DskipTests package) and MariaDB on 127.0.0.1:3306 (root, empty password; MOTCUA_MYSQL_PASSWORD).
# Loopback only; not part of ./motcua test.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

SMOKE=0
SELF_CHECK=0
ARGS=()
OUT=""
CLIENTS=16
JIT=c2
while (($#)); do
  case "$1" in
    --smoke) SMOKE=1; ARGS+=(--smoke); shift ;;
    --self-check) SELF_CHECK=1; shift ;;
    --clients) CLIENTS="$2"; shift 2 ;;
    --jit) JIT="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --duration | --warmup | --max-requests | --inbox-target | --feed-seconds | --platform-warmup)
      ARGS+=("$1" "$2"); shift 2 ;;
    -h | --help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument $1 (--help)" >&2; exit 2 ;;
  esac
done
[[ "$CLIENTS" =~ ^[0-9]+$ ]] || { echo "run.sh: --clients needs a number" >&2; exit 2; }
case "$JIT" in
  c2) JVM_NOTE="-XX:TieredStopAtLevel=4 (full tiered JIT, as in the container images)"; PLATFORM_WARMUP=45 ;;
  c1) JVM_NOTE=""; PLATFORM_WARMUP=10 ;;
  *) echo "run.sh: --jit is c2 or c1" >&2; exit 2 ;;
esac

say() { printf '[bench.sh %s] %s\n' "$(date -u +%T)" "$*"; }
die() { echo "run.sh: error: $*" >&2; exit 1; }

MYSQL_HOST="${MOTCUA_MYSQL_HOST:-127.0.0.1}"
MYSQL_PORT="${MOTCUA_MYSQL_PORT:-3306}"
case "$MYSQL_HOST" in 127.0.0.1 | localhost | ::1) ;; *) die "MariaDB must be on loopback, not $MYSQL_HOST" ;; esac
CLIENT_BIN="$(command -v mariadb || command -v mysql || true)"
[[ -n "$CLIENT_BIN" ]] || die "the mariadb client is not installed (apt-get install mariadb-client)"
sql() { MYSQL_PWD="${MOTCUA_MYSQL_PASSWORD:-}" "$CLIENT_BIN" -h"$MYSQL_HOST" -P"$MYSQL_PORT" --protocol=TCP -uroot -N -B -e "$1"; }
sql 'select 1' >/dev/null 2>&1 || die "MariaDB does not answer on $MYSQL_HOST:$MYSQL_PORT (root)"

JAR="$ROOT/bench/target/motcua-bench.jar"
if [[ ! -f "$JAR" || -n "$(find bench/pom.xml bench/src -newer "$JAR" -print -quit)" ]]; then
  say "building the load generator (./mvnw -B -q -f bench/pom.xml package)"
  ./mvnw -B -q -o -f bench/pom.xml -DskipTests package || ./mvnw -B -q -f bench/pom.xml -DskipTests package
fi
if ((SELF_CHECK)); then
  exec java -Xmx128m -cp "$JAR" vn.motcua.bench.SelfCheck --mysql "$MYSQL_HOST:$MYSQL_PORT" \
    --mysql-password "${MOTCUA_MYSQL_PASSWORD:-}" --db-prefix "motcua_bench_check_$(date -u +%H%M%S)_$$_"
fi
for svc in dossier-service payment-service digitization-service report-service gateway; do
  [[ -f "$svc/target/$svc.jar" ]] || die "missing $svc/target/$svc.jar: run ./mvnw -B -DskipTests package first"
done

# --- a platform of its own ------------------------------------------------------------------------------------
port_busy() { [[ -n "$(ss -Htln "sport = :$1" 2>/dev/null)" ]]; }
PORTS=()
pick_port() {
  local p tries=0
  while ((tries++ < 500)); do
    p=$((20000 + RANDOM % 30000))
    port_busy "$p" && continue
    [[ " ${PORTS[*]} " == *" $p "* ]] && continue
    PORTS+=("$p"); return 0
  done
  die "no free port"
}
for _ in 1 2 3 4 5 6 7 8; do pick_port; done

WORK="$(mktemp -d /tmp/motcua-bench-XXXXXX)"
PREFIX="motcua_bench_$(date -u +%Y%m%d%H%M%S)_"
export MOTCUA_VAR_DIR="$WORK/var" MOTCUA_KC_DATA_DIR="$WORK/keycloak"
export MOTCUA_KC_PORT="${PORTS[0]}" MOTCUA_KC_MGMT_PORT="${PORTS[1]}" MOTCUA_DOSSIER_PORT="${PORTS[2]}"
export MOTCUA_PAYMENT_PORT="${PORTS[3]}" MOTCUA_DIGITIZATION_PORT="${PORTS[4]}" MOTCUA_REPORT_PORT="${PORTS[5]}"
export MOTCUA_GATEWAY_PORT="${PORTS[6]}" MOTCUA_GATEWAY_MANAGEMENT_PORT="${PORTS[7]}"
export MOTCUA_DB=mysql MOTCUA_MYSQL_HOST="$MYSQL_HOST" MOTCUA_MYSQL_PORT="$MYSQL_PORT" MOTCUA_MYSQL_DB_PREFIX="$PREFIX"
# the gateway's per-client token buckets (motcua.gateway.rate-limit.enabled) would measure the limit, not the code
export MOTCUA_GATEWAY_RATE_LIMIT_ENABLED=false
# the launcher appends MOTCUA_JAVA_OPTS after its own flags, so this level wins over its TieredStopAtLevel=1
if [[ "$JIT" == c2 ]]; then export MOTCUA_JAVA_OPTS="-XX:TieredStopAtLevel=4"; else unset MOTCUA_JAVA_OPTS; fi
# no class-data-sharing archive written at exit into the temporary directory
export MOTCUA_CDS=off
unset MOTCUA_MYSQL_DATABASE MICRONAUT_ENVIRONMENTS
export MOTCUA_START_EPOCH="$(date +%s)"

OK=0
cleanup() {
  set +e
  say "stopping the bench platform"
  bash scripts/platform.sh stop >"$WORK/platform-stop.log" 2>&1
  local dbs
  dbs="$(sql "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE '${PREFIX}%'")"
  for db in $dbs; do sql "DROP DATABASE \`$db\`"; done
  say "dropped databases: ${dbs//$'\n'/ }"
  if ((OK)); then rm -rf "$WORK"; else say "logs kept in $WORK/var/log and $WORK/keycloak (delete $WORK when done)"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say "starting MotCua on MariaDB in $WORK (gateway $MOTCUA_GATEWAY_PORT, Keycloak $MOTCUA_KC_PORT, databases ${PREFIX}*)"
MVN="$ROOT/mvnw" bash scripts/platform.sh start >"$WORK/platform-start.log" 2>&1 \
  || { tail -40 "$WORK/platform-start.log"; die "platform start failed (see $WORK/platform-start.log)"; }
say "platform ready"

if [[ -z "$OUT" ]]; then
  if ((SMOKE)); then OUT="$WORK/smoke.md"; else OUT="$ROOT/bench/results/$(date -u +%Y-%m-%d-%H%M)-$(nproc)core.md"; fi
fi
java -Xmx256m -jar "$JAR" \
  --gateway "http://127.0.0.1:$MOTCUA_GATEWAY_PORT" \
  --token-url "http://127.0.0.1:$MOTCUA_KC_PORT/realms/motcua/protocol/openid-connect/token" \
  --mysql "$MYSQL_HOST:$MYSQL_PORT" --mysql-password "${MOTCUA_MYSQL_PASSWORD:-}" --db-prefix "$PREFIX" \
  --root "$ROOT" --var-dir "$MOTCUA_VAR_DIR" --kc-data "$MOTCUA_KC_DATA_DIR" \
  --clients "$CLIENTS" --commit "$(git describe --always --dirty 2>/dev/null || echo unknown)" \
  ${JVM_NOTE:+--jvm "$JVM_NOTE"} --platform-warmup "$PLATFORM_WARMUP" --out "$OUT" "${ARGS[@]}"
OK=1
say "done: $OUT"
