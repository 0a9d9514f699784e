#!/usr/bin/env bash
# Starts and stops the MotCua processes (Keycloak + the payment provider simulator + the four gRPC services + the
# gateway) from the built jars.
# Used by `./motcua up|down|status` and by the e2e system test (e2e/.../ReceptionSliceIT), so both run the
# same launcher. It never builds: the jars must exist (./mvnw -DskipTests package).
#
#   scripts/platform.sh start     start whatever is not running, wait until everything is healthy
#   scripts/platform.sh start SERVICE  start that one process if it is not running (Keycloak and the rest must be up),
#                                 wait until it is healthy: to bring back one that died or was killed
#   scripts/platform.sh start-replica SERVICE N [PORT]  start another instance SERVICE@N (N >= 2) of a gRPC service
#                                 beside the first, same settings and database, own gRPC port (default: a free one)
#                                 and log (SERVICE@N.log): replicas side by side, as the e2e TwoReplicasIT runs them
#   scripts/platform.sh stop      stop everything started from this state dir (TERM, wait, KILL), replicas included
#   scripts/platform.sh status    one line per process: running/stopped, pid, port, healthy
#   scripts/platform.sh running   exit 0 when every process is running (all|any: any one of them), no output
#   scripts/platform.sh ports     "name port" lines (keycloak: "keycloak HTTP MGMT")
#   scripts/platform.sh sign-pdf IN.pdf OUT.pdf  signs IN.pdf into OUT.pdf with the demo signer (see below)
#   scripts/platform.sh signing   where digitization-service's trusted roots come from: "demo ROOT_PEM" or "caller"
#
# Environment (all optional):
#   MOTCUA_VAR_DIR           state root (default <repo>/var): log/, run/ (pid + port files), data/, keycloak/
#   MOTCUA_KC_DATA_DIR       Keycloak state (default $MOTCUA_VAR_DIR/keycloak)
#   MOTCUA_KC_PORT           Keycloak HTTP port (default 18480)
#   MOTCUA_KC_MGMT_PORT      Keycloak management/health port (default 18481)
#   MOTCUA_KC_REALM_FILE     realm imported on Keycloak's first start in its state dir (default
#                            deploy/keycloak/realm-motcua.json; the e2e test passes a copy whose console client
#                            admits its own gateway port)
#   MOTCUA_DOSSIER_PORT, MOTCUA_PAYMENT_PORT, MOTCUA_DIGITIZATION_PORT, MOTCUA_REPORT_PORT
#                            gRPC ports (default 50051, 50052, 50053, 50054)
#   MOTCUA_PAYMENT_SIMULATOR_PORT  HTTP port of the payment provider simulator (default 8090; loopback only)
#   MOTCUA_PAYMENT_PROVIDER_SECRET  signing secret shared by the simulator and payment-service (default: the demo
#                            secret motcua-demo-payment-provider-secret; demo only)
#   MOTCUA_PAYMENT_PROVIDER_MERCHANT_ID  merchant id of payment-service at the simulator (default MOTCUA-DEMO)
#   MOTCUA_DOSSIER_CHANNEL_ADDRESS, MOTCUA_PAYMENT_CHANNEL_ADDRESS, MOTCUA_DIGITIZATION_CHANNEL_ADDRESS,
#   MOTCUA_REPORT_CHANNEL_ADDRESS  host:port every process calls that service at (default 127.0.0.1 and its gRPC
#                            port): a load balancer in front of its replicas (start-replica), as a Kubernetes Service
#   MOTCUA_GATEWAY_PORT      gateway HTTP port (default 8080; if 8080 is taken a free port is picked,
#                            an explicitly set port that is taken is an error)
#   MOTCUA_GATEWAY_HOST      address the gateway listens on (default 127.0.0.1; 0.0.0.0 to show the demo to another
#                            machine). The gRPC services always listen on 127.0.0.1 here (their GRPC_SERVER_HOST).
#   MOTCUA_GATEWAY_MANAGEMENT_PORT  gateway /health and /prometheus, which the HTTP port does not serve (default
#                            the first free port after the gateway's HTTP port, e.g. 8081)
#   MOTCUA_DOSSIER_MANAGEMENT_PORT, MOTCUA_PAYMENT_MANAGEMENT_PORT, MOTCUA_DIGITIZATION_MANAGEMENT_PORT,
#   MOTCUA_REPORT_MANAGEMENT_PORT  each gRPC service's /prometheus (its MOTCUA_MANAGEMENT_PORT; loopback only): the
#                            first free port from this one (default 9091, 9092, 9093, 9094) that no other process of
#                            this state dir got
#   MOTCUA_DB                h2 (default, embedded files under $MOTCUA_VAR_DIR/data) or mysql
#   MOTCUA_MYSQL_HOST/PORT/USER/PASSWORD   passed through to the services (mysql mode)
#   MOTCUA_MYSQL_DB_PREFIX   mysql mode: database of each service = prefix + service name with '-' as '_'
#                            (e.g. prefix e2e_1234_ gives e2e_1234_dossier_service); unset = service default.
#                            The gateway has one too (<prefix>gateway, default motcua_gateway; H2 mode:
#                            $MOTCUA_VAR_DIR/data/gateway.mv.db): rate-limit buckets shared by its replicas (ADR 0011)
#   MOTCUA_JAVA_OPTS         extra JVM flags appended to the recommended ones
#   MOTCUA_CDS               on (default): class-data-sharing archive per jar under $MOTCUA_VAR_DIR/cds; off
#   MOTCUA_START_TIMEOUT     seconds to wait for each service to be healthy (default 240)
#   MOTCUA_DIGITIZATION_SIGNATURE_TRUSTED_ROOTS  root CAs a result's or certified copy's PDF signer must chain to
#                            (docs/runtime.md). Not set (set, even empty, is the caller's choice and left alone): a
#                            demo CA is created once in $MOTCUA_VAR_DIR/demo-signing (DemoSigning init) and
#                            digitization-service alone is told to trust its root-ca.pem, so sign-pdf makes PDFs it
#                            accepts. Demo only: production configures the province's roots, never this CA.
#   MOTCUA_KC_TIMEOUT        seconds to wait for Keycloak (default 420; the first start imports the realm)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KC_SH="$ROOT/deploy/keycloak/keycloak.sh"

VAR_DIR="$(realpath -m "${MOTCUA_VAR_DIR:-$ROOT/var}")"
LOG_DIR="$VAR_DIR/log"
RUN_DIR="$VAR_DIR/run"
DATA_DIR="$VAR_DIR/data"
KC_DATA="$(realpath -m "${MOTCUA_KC_DATA_DIR:-$VAR_DIR/keycloak}")"
START_TIMEOUT="${MOTCUA_START_TIMEOUT:-240}"
KC_TIMEOUT="${MOTCUA_KC_TIMEOUT:-420}"
JAVA="${MOTCUA_JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}"
# docs/runtime.md: recommended flags for the small footprint.
JVM_FLAGS=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -XX:MaxRAM=1g -Xmx192m)
# shellcheck disable=SC2206 # word splitting of user-supplied flags is intended
[[ -z "${MOTCUA_JAVA_OPTS:-}" ]] || JVM_FLAGS+=(${MOTCUA_JAVA_OPTS})
PROBE_FLAGS=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -Xmx64m)
HEALTH_PROBE=vn.motcua.platform.grpc.HealthProbe
DEMO_SIGNING=vn.motcua.digitization.demo.DemoSigning
DEMO_SIGNING_DIR="$VAR_DIR/demo-signing"

# payment-simulator is the stand-in for the external payment provider (docs/payment-provider-protocol.md): an HTTP
# process, started first and stopped last
SERVICES=(payment-simulator dossier-service payment-service digitization-service report-service gateway)
PROVIDER_SECRET="${MOTCUA_PAYMENT_PROVIDER_SECRET:-motcua-demo-payment-provider-secret}"
MERCHANT_ID="${MOTCUA_PAYMENT_PROVIDER_MERCHANT_ID:-MOTCUA-DEMO}"
LAUNCHER_VARS=(MOTCUA_VAR_DIR MOTCUA_KC_DATA_DIR MOTCUA_KC_PORT MOTCUA_KC_MGMT_PORT MOTCUA_DOSSIER_PORT
  MOTCUA_PAYMENT_SIMULATOR_PORT MOTCUA_PAYMENT_PROVIDER_SECRET MOTCUA_PAYMENT_PROVIDER_MERCHANT_ID
  MOTCUA_PAYMENT_PORT MOTCUA_DIGITIZATION_PORT MOTCUA_REPORT_PORT MOTCUA_GATEWAY_PORT MOTCUA_DB
  MOTCUA_MYSQL_DB_PREFIX MOTCUA_JAVA_OPTS MOTCUA_JAVA MOTCUA_START_TIMEOUT MOTCUA_KC_TIMEOUT MOTCUA_START_EPOCH
  MOTCUA_CDS MOTCUA_KC_REALM_FILE MOTCUA_GATEWAY_HOST MOTCUA_GATEWAY_MANAGEMENT_PORT
  MOTCUA_DOSSIER_CHANNEL_ADDRESS MOTCUA_PAYMENT_CHANNEL_ADDRESS MOTCUA_DIGITIZATION_CHANNEL_ADDRESS
  MOTCUA_REPORT_CHANNEL_ADDRESS MOTCUA_DOSSIER_MANAGEMENT_PORT MOTCUA_PAYMENT_MANAGEMENT_PORT
  MOTCUA_DIGITIZATION_MANAGEMENT_PORT MOTCUA_REPORT_MANAGEMENT_PORT)

# Elapsed seconds since MOTCUA_START_EPOCH (shared by motcua and platform.sh), else since this script started.
export MOTCUA_START_EPOCH="${MOTCUA_START_EPOCH:-$(date +%s)}"
say() { printf '[%4ds] %s\n' "$(($(date +%s) - MOTCUA_START_EPOCH))" "$*"; }
die() { echo "platform.sh: error: $*" >&2; exit 1; }

# an instance SERVICE@N (start-replica) runs SERVICE's jar
jar_of() { echo "$ROOT/${1%%@*}/target/${1%%@*}.jar"; }
pid_file() { echo "$RUN_DIR/$1.pid"; }
port_file() { echo "$RUN_DIR/$1.port"; }
management_port_file() { echo "$RUN_DIR/$1.management-port"; }
log_file() { echo "$LOG_DIR/$1.log"; }

default_port() {
  case "$1" in
    dossier-service) echo "${MOTCUA_DOSSIER_PORT:-50051}" ;;
    payment-service) echo "${MOTCUA_PAYMENT_PORT:-50052}" ;;
    digitization-service) echo "${MOTCUA_DIGITIZATION_PORT:-50053}" ;;
    report-service) echo "${MOTCUA_REPORT_PORT:-50054}" ;;
    payment-simulator) echo "${MOTCUA_PAYMENT_SIMULATOR_PORT:-8090}" ;;
    gateway) echo "${MOTCUA_GATEWAY_PORT:-8080}" ;;
    *) die "unknown service $1" ;;
  esac
}

# Port of a service: the one it was started on while it runs, else the configured one.
port_of() {
  if is_running "$1" && [[ -s "$(port_file "$1")" ]]; then cat "$(port_file "$1")"; else default_port "$1"; fi
}

# The gateway's management port (health, metrics): the one it was started on while it runs, else the configured one.
gateway_management_port() {
  if is_running gateway && [[ -s "$(management_port_file gateway)" ]]; then
    cat "$(management_port_file gateway)"
  else
    echo "${MOTCUA_GATEWAY_MANAGEMENT_PORT:-8081}"
  fi
}

# Where the processes call a gRPC service: its channel address override, else its own port on loopback.
channel_address() {
  local var="MOTCUA_${1%-service}_CHANNEL_ADDRESS"
  var="${var^^}"
  echo "${!var:-127.0.0.1:$(port_of "$1")}"
}

# A gRPC service's management port (/prometheus): the first port from MOTCUA_<SERVICE>_MANAGEMENT_PORT (else the
# service's default, 9091..9094) that is free and was not handed to another process of this state dir: the services
# start together, so a port given to one may not be listened on yet, and a further instance of a service (INSTANCE,
# default SERVICE) must not take the first one's. A restarted instance gets its old port back when it is free.
choose_management_port() {
  local svc="$1" inst="${2:-$1}" var from p taken f
  var="MOTCUA_${svc%-service}_MANAGEMENT_PORT"
  var="${var^^}"
  case "$svc" in
    dossier-service) from=9091 ;;
    payment-service) from=9092 ;;
    digitization-service) from=9093 ;;
    report-service) from=9094 ;;
    *) die "no management port for $svc" ;;
  esac
  from="${!var:-$from}"
  taken=" "
  for f in "$RUN_DIR"/*.management-port; do
    [[ -f "$f" && "$f" != "$(management_port_file "$inst")" ]] && taken+="$(cat "$f") "
  done
  for ((p = from; p < from + 200; p++)); do
    [[ "$taken" != *" $p "* ]] || continue
    port_busy "$p" || { echo "$p"; return 0; }
  done
  die "no free management port for $inst in $from..$((from + 199)) (set $var)"
}

port_busy() {
  local p="$1"
  if command -v ss >/dev/null 2>&1; then
    # any socket on the port but TIME_WAIT: a client connection holding it as its ephemeral port blocks a bind as
    # surely as a listener does (the e2e ports are in the ephemeral range)
    [[ -n "$(ss -Hta exclude time-wait "sport = :$p" 2>/dev/null)" ]]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null
  fi
}

free_port_from() {
  local p
  for ((p = $1; p < $1 + 200; p++)); do
    port_busy "$p" || { echo "$p"; return 0; }
  done
  die "no free port found in $1..$(($1 + 199))"
}

# pid of a running service started by us (the pid file names a live java process running its jar), or fail.
running_pid() {
  local f pid
  f="$(pid_file "$1")"
  [[ -s "$f" ]] || return 1
  pid="$(cat "$f")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$(jar_of "$1")" || return 1
  echo "$pid"
}
is_running() { running_pid "$1" >/dev/null; }

# The caller chose digitization-service's trusted roots (the e2e test's throwaway CA, production's), or not.
caller_trusts_roots() { [[ -n "${MOTCUA_DIGITIZATION_SIGNATURE_TRUSTED_ROOTS+set}" ]]; }

# demo_signing COMMAND ARGS...: the demo CA tool in digitization-service's jar (init keeps an existing CA).
demo_signing() {
  local jar
  jar="$(jar_of digitization-service)"
  [[ -f "$jar" ]] || die "missing $jar (build with: ./mvnw -B -DskipTests package)"
  "$JAVA" "${PROBE_FLAGS[@]}" -cp "$jar" "$DEMO_SIGNING" "$@"
}

cmd_sign_pdf() {
  (($# == 2)) || die "usage: platform.sh sign-pdf IN.pdf OUT.pdf"
  if caller_trusts_roots; then
    say "warning: MOTCUA_DIGITIZATION_SIGNATURE_TRUSTED_ROOTS is set, so digitization-service trusts those roots," \
      "not the demo CA in $DEMO_SIGNING_DIR: this signature is reported UNTRUSTED there unless its root is listed" >&2
  fi
  demo_signing init "$DEMO_SIGNING_DIR" >/dev/null || die "cannot create the demo signing CA in $DEMO_SIGNING_DIR"
  demo_signing sign "$DEMO_SIGNING_DIR" "$1" "$2"
}

cmd_signing() {
  if caller_trusts_roots; then echo caller; else echo "demo $DEMO_SIGNING_DIR/root-ca.pem"; fi
}

kc_pid() {
  local pid
  [[ -s "$KC_DATA/keycloak.pid" ]] || return 1
  pid="$(cat "$KC_DATA/keycloak.pid")"
  kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}
kc_ports() {  # prints "HTTP MGMT"
  if kc_pid >/dev/null && [[ -s "$KC_DATA/keycloak.ports" ]]; then
    cat "$KC_DATA/keycloak.ports"
  else
    echo "${MOTCUA_KC_PORT:-18480} ${MOTCUA_KC_MGMT_PORT:-18481}"
  fi
}
kc_healthy() { curl -fsS -m 3 "http://127.0.0.1:$1/health/ready" 2>/dev/null | grep -q '"status": *"UP"'; }

probe_available() {  # the HealthProbe class is in the jar (it lives in platform)
  unzip -Z1 "$1" "${HEALTH_PROBE//.//}.class" >/dev/null 2>&1
}

healthy() {
  local svc="$1" port="$2" jar
  if [[ "$svc" == gateway ]]; then
    curl -fsS -m 3 -o /dev/null "http://127.0.0.1:$(gateway_management_port)/health/readiness" 2>/dev/null
    return
  fi
  if [[ "$svc" == payment-simulator ]]; then
    curl -fsS -m 3 "http://127.0.0.1:$port/health" 2>/dev/null | grep -q '"status":"UP"'
    return
  fi
  jar="$(jar_of "$svc")"
  if probe_available "$jar"; then
    timeout 30 "$JAVA" "${PROBE_FLAGS[@]}" -cp "$jar" "$HEALTH_PROBE" "127.0.0.1:$port" >/dev/null 2>&1
  else
    # Fallback while platform has no HealthProbe yet: the gRPC port accepts connections.
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
  fi
}

check_jars() {
  local svc missing=()
  for svc in "${SERVICES[@]}"; do [[ -f "$(jar_of "$svc")" ]] || missing+=("$svc/target/$svc.jar"); done
  ((${#missing[@]} == 0)) || die "missing jar(s): ${missing[*]} (build with: ./mvnw -B -DskipTests package)"
}

start_keycloak() {
  local http mgmt
  read -r http mgmt < <(kc_ports)
  if kc_pid >/dev/null; then
    say "keycloak already running (pid $(kc_pid), http $http, management $mgmt)"
  else
    MVN="${MVN:-$ROOT/mvnw}" "$KC_SH" fetch
    port_busy "$http" && die "Keycloak HTTP port $http is in use by another process (set MOTCUA_KC_PORT)"
    port_busy "$mgmt" && die "Keycloak management port $mgmt is in use by another process (set MOTCUA_KC_MGMT_PORT)"
    [[ -d "$KC_DATA/h2" ]] || say "first Keycloak start in $KC_DATA: realm import, this takes about a minute"
    "$KC_SH" start "$KC_DATA" "$http" "$mgmt"
  fi
  ln -sfn "$KC_DATA/keycloak.log" "$LOG_DIR/keycloak.log"
  "$KC_SH" wait "$KC_DATA" "$mgmt" "$KC_TIMEOUT"
  say "keycloak ready: http://127.0.0.1:$http"
}

# Class-data sharing cuts a service's start-up to about a third: the first run after a build records the classes
# it loaded into an archive when it stops (./motcua down), later starts map that archive. Keyed by the jar's size
# and mtime, so a rebuilt jar never meets a stale archive. MOTCUA_CDS=off disables it.
cds_flag() {
  local svc="$1" jar="$2" key archive
  [[ "${MOTCUA_CDS:-on}" != off ]] || return 0
  key="$(stat -c '%s-%Y' "$jar")"
  archive="$VAR_DIR/cds/$svc-$key.jsa"
  mkdir -p "$VAR_DIR/cds"
  if [[ -s "$archive" ]]; then
    echo "-XX:SharedArchiveFile=$archive -Xshare:auto"
  else
    rm -f "$VAR_DIR/cds/$svc-"*.jsa
    echo "-XX:ArchiveClassesAtExit=$archive"
  fi
}

# start_service SERVICE KC_HTTP [INSTANCE PORT]: INSTANCE (SERVICE@N, start-replica) names the pid, port and log
# files of a further instance listening on PORT
start_service() {
  local svc="$1" kc_http="$2" inst="${3:-$1}" port jar log issuer db management=
  jar="$(jar_of "$svc")"
  if is_running "$inst"; then
    say "$inst already running (pid $(running_pid "$inst"), port $(port_of "$inst"))"
    return 0
  fi
  port="${4:-$(default_port "$svc")}"
  [[ "$svc" != gateway ]] || port="$GATEWAY_PORT"
  if port_busy "$port"; then
    local var="MOTCUA_${svc%-service}_PORT"
    var="${var//-/_}"
    die "port $port for $svc is in use by another process (set ${var^^})"
  fi
  issuer="http://127.0.0.1:$kc_http/realms/motcua"
  log="$(log_file "$inst")"
  [[ ! -f "$log" ]] || mv -f "$log" "$log.1"
  local -a env=(
    "MOTCUA_DATA_DIR=$DATA_DIR"
    "MOTCUA_AUTH_ISSUER=$issuer"
    "MOTCUA_SERVICE_ACCOUNT_TOKEN_URI=$issuer/protocol/openid-connect/token"
    "GRPC_CHANNELS_DOSSIER_ADDRESS=$(channel_address dossier-service)"
    "GRPC_CHANNELS_PAYMENT_ADDRESS=$(channel_address payment-service)"
    "GRPC_CHANNELS_DIGITIZATION_ADDRESS=$(channel_address digitization-service)"
    "GRPC_CHANNELS_REPORT_ADDRESS=$(channel_address report-service)"
  )
  if [[ "$svc" == payment-simulator ]]; then
    env=("MOTCUA_PAYMENT_SIMULATOR_PORT=$port" "MOTCUA_PAYMENT_PROVIDER_SECRET=$PROVIDER_SECRET"
      "MOTCUA_PAYMENT_PROVIDER_MERCHANT_ID=$MERCHANT_ID")
  elif [[ "$svc" == gateway ]]; then
    # the web console sends the browser to this Keycloak; keycloak.sh's --hostname makes it the issuer of every
    # token, which the console checks in the ID token
    # the gateway's user administration signs in to Keycloak's admin API as client motcua-gateway-admin: its secret
    # is given to the gateway only (API clients log in with motcua-gateway, which has no service account)
    env+=("MICRONAUT_SERVER_PORT=$port" "MICRONAUT_SERVER_HOST=${MOTCUA_GATEWAY_HOST:-127.0.0.1}"
      "MOTCUA_SERVICE_ACCOUNT_CLIENT_SECRET=motcua-gateway-admin-demo-secret"
      "MOTCUA_GATEWAY_CONSOLE_KEYCLOAK_URL=http://127.0.0.1:$kc_http")
    # health and /prometheus are served on this port only (endpoints.all.port)
    management="${MOTCUA_GATEWAY_MANAGEMENT_PORT:-$(free_port_from $((port + 1)))}"
    env+=("ENDPOINTS_ALL_PORT=$management")
  else
    env+=("GRPC_SERVER_PORT=$port" "MOTCUA_SERVICE_ACCOUNT_CLIENT_SECRET=motcua-$svc-demo-secret")
    # /prometheus (platform metrics/ManagementServer)
    management="$(choose_management_port "$svc" "$inst")"
    env+=("MOTCUA_MANAGEMENT_PORT=$management")
  fi
  if [[ "$svc" == digitization-service ]] && ! caller_trusts_roots; then
    # results and certified copies need a PDF signed by a trusted CA; without roots from the caller the demo CA is
    # trusted, by this service only (the others never read the setting)
    demo_signing init "$DEMO_SIGNING_DIR" >/dev/null || die "cannot create the demo signing CA in $DEMO_SIGNING_DIR"
    env+=("MOTCUA_DIGITIZATION_SIGNATURE_TRUSTED_ROOTS=$DEMO_SIGNING_DIR/root-ca.pem")
    say "digitization-service trusts the demo signing CA $DEMO_SIGNING_DIR/root-ca.pem (sign PDFs with ./motcua sign-pdf)"
  fi
  if [[ "$svc" == payment-service ]]; then
    # the provider is the simulator; it calls back through the gateway's public callback route and sends the payer
    # back to the gateway, on whatever port the gateway got
    env+=("MOTCUA_PAYMENT_PROVIDER_BASE_URL=http://127.0.0.1:$(port_of payment-simulator)"
      "MOTCUA_PAYMENT_PROVIDER_MERCHANT_ID=$MERCHANT_ID" "MOTCUA_PAYMENT_PROVIDER_SECRET=$PROVIDER_SECRET"
      "MOTCUA_PAYMENT_PROVIDER_NOTIFY_URL=http://127.0.0.1:$GATEWAY_PORT/api/v1/payments/provider/callback"
      "MOTCUA_PAYMENT_RETURN_URL_PREFIXES=http://127.0.0.1:$GATEWAY_PORT/,http://localhost:$GATEWAY_PORT/"
      "MOTCUA_PAYMENT_PUBLIC_RECEIPT_URL=http://localhost:$GATEWAY_PORT/#/bien-lai/{number}?check={check}")
  fi
  # the administrative audit (user administration in the gateway, units and calendar in dossier-service; their
  # logback.xml) is appended to one file beside the other logs
  [[ "$svc" == payment-simulator ]] || env+=("MOTCUA_AUDIT_LOG=$LOG_DIR/audit.jsonl")
  if [[ "$DB_MODE" == mysql && "$svc" != payment-simulator ]]; then
    env+=("MICRONAUT_ENVIRONMENTS=mysql")
    if [[ -n "${MOTCUA_MYSQL_DB_PREFIX:-}" ]]; then
      db="${MOTCUA_MYSQL_DB_PREFIX}${svc//-/_}"
      env+=("MOTCUA_MYSQL_DATABASE=$db")
    fi
  fi
  # setsid: own session, so a Ctrl-C in the terminal that ran `motcua up` does not reach the services.
  # The launcher's own settings are not service settings (Micronaut would map them to motcua.* properties),
  # and MOTCUA_MYSQL_DATABASE and MOTCUA_MANAGEMENT_PORT are per service: never inherit one from the caller's
  # environment.
  local -a unset=()
  local v
  for v in MOTCUA_MYSQL_DATABASE MOTCUA_MANAGEMENT_PORT "${LAUNCHER_VARS[@]}"; do unset+=(-u "$v"); done
  # shellcheck disable=SC2046 # cds_flag prints zero to two flags: splitting is intended
  local cds
  # a further instance only maps an archive the first one recorded: two JVMs must not write one at exit
  if [[ "$inst" == "$svc" ]]; then cds="$(cds_flag "$svc" "$jar")"; else cds="$(replica_cds_flag "$svc" "$jar")"; fi
  # shellcheck disable=SC2086 # cds is zero to two flags: splitting is intended
  env "${unset[@]}" "${env[@]}" setsid "$JAVA" "${JVM_FLAGS[@]}" $cds -jar "$jar" \
    >"$log" 2>&1 </dev/null &
  local pid=$!
  echo "$pid" >"$(pid_file "$inst")"
  echo "$port" >"$(port_file "$inst")"
  [[ -z "$management" ]] || echo "$management" >"$(management_port_file "$inst")"
  say "started $inst: pid $pid, $([[ $svc == gateway || $svc == payment-simulator ]] && echo HTTP || echo gRPC) port $port${db:+, database $db}, log $log"
  if [[ "$svc" == gateway ]]; then
    say "$inst serves /health and /prometheus on management port $management"
  elif [[ -n "$management" ]]; then
    say "$inst serves /prometheus on management port $management"
  fi
}

wait_healthy() {
  local svc="$1" port pid t_start last
  port="$(port_of "$svc")"
  t_start=$SECONDS; last=$SECONDS
  if [[ "$svc" != gateway && "$svc" != payment-simulator ]] && ! probe_available "$(jar_of "$svc")"; then
    say "warning: $HEALTH_PROBE not in $svc.jar yet: waiting for the gRPC port to open instead"
  fi
  while :; do
    if ! pid="$(running_pid "$svc")"; then
      echo "--- $(log_file "$svc") (last 60 lines) ---" >&2
      tail -n 60 "$(log_file "$svc")" >&2 || true
      die "$svc exited during startup (log: $(log_file "$svc"))"
    fi
    if healthy "$svc" "$port"; then
      say "$svc healthy after $((SECONDS - t_start)) s (port $port)"
      return 0
    fi
    if ((SECONDS - t_start >= START_TIMEOUT)); then
      echo "--- $(log_file "$svc") (last 60 lines) ---" >&2
      tail -n 60 "$(log_file "$svc")" >&2 || true
      die "$svc (pid $pid) not healthy after $START_TIMEOUT s (log: $(log_file "$svc"))"
    fi
    if ((SECONDS - last >= 10)); then
      say "waiting for $svc (port $port), $((SECONDS - t_start)) s so far"
      last=$SECONDS
    fi
    sleep 2
  done
}

replica_cds_flag() {
  local archive
  [[ "${MOTCUA_CDS:-on}" != off ]] || return 0
  archive="$VAR_DIR/cds/$1-$(stat -c '%s-%Y' "$2").jsa"
  [[ ! -s "$archive" ]] || echo "-XX:SharedArchiveFile=$archive -Xshare:auto"
}

# The gateway's HTTP port, chosen before anything starts: payment-service gets the gateway's callback and return URLs.
# If the default 8080 is taken a free port is picked; an explicitly set port that is taken is an error.
choose_gateway_port() {
  if is_running gateway; then GATEWAY_PORT="$(port_of gateway)"; return 0; fi
  # a gateway that died (kill -9) and comes back alone (start gateway) keeps its port: payment-service was given
  # callback and return URLs on it
  if [[ -z "${MOTCUA_GATEWAY_PORT:-}" && -s "$(port_file gateway)" ]] && ! port_busy "$(cat "$(port_file gateway)")"; then
    GATEWAY_PORT="$(cat "$(port_file gateway)")"
    return 0
  fi
  GATEWAY_PORT="$(default_port gateway)"
  if port_busy "$GATEWAY_PORT" && [[ -z "${MOTCUA_GATEWAY_PORT:-}" ]]; then
    local picked
    picked="$(free_port_from $((GATEWAY_PORT + 1)))"
    say "port $GATEWAY_PORT is taken: the gateway will listen on $picked instead (set MOTCUA_GATEWAY_PORT to choose)"
    GATEWAY_PORT="$picked"
  fi
}

# What every start needs: the database mode, the tools, the jars, the state directories, the gateway's port.
prepare_start() {
  DB_MODE="${MOTCUA_DB:-h2}"
  [[ "$DB_MODE" == h2 || "$DB_MODE" == mysql ]] || die "MOTCUA_DB must be h2 or mysql, not '$DB_MODE'"
  command -v "$JAVA" >/dev/null || die "java not found (need Java 17+)"
  command -v curl >/dev/null || die "curl not found"
  command -v unzip >/dev/null || die "unzip not found"
  check_jars
  mkdir -p "$LOG_DIR" "$RUN_DIR" "$DATA_DIR" "$KC_DATA"
  say "state in $VAR_DIR, database mode $DB_MODE"
  choose_gateway_port
}

# One process back on its own (same settings as a full start): the others keep running and keep their ports.
cmd_start_one() {
  local svc="$1" known=false s kc_http
  for s in "${SERVICES[@]}"; do [[ "$s" != "$svc" ]] || known=true; done
  $known || die "unknown service $svc (one of: ${SERVICES[*]})"
  prepare_start
  kc_pid >/dev/null || die "keycloak is not running: start everything with 'platform.sh start'"
  read -r kc_http _ < <(kc_ports)
  start_service "$svc" "$kc_http"
  wait_healthy "$svc"
}

# start-replica SERVICE N [PORT]: instance SERVICE@N of a gRPC service beside the first (same database and settings).
# Its leases (feed consumers, relay, sweeps) are contended with the other instances through platform_lease.
cmd_start_replica() {
  local svc="$1" n="${2:-}" port="${3:-}" kc_http
  case "$svc" in
    dossier-service | payment-service | digitization-service | report-service) ;;
    *) die "start-replica: one of the gRPC services, not '$svc'" ;;
  esac
  [[ "$n" =~ ^[2-9][0-9]*$ ]] || die "start-replica: N must be a number from 2, not '$n'"
  prepare_start
  kc_pid >/dev/null || die "keycloak is not running: start everything with 'platform.sh start'"
  read -r kc_http _ < <(kc_ports)
  [[ -n "$port" ]] || port="$(free_port_from $(($(default_port "$svc") + 100)))"
  port_busy "$port" && die "port $port for $svc@$n is in use by another process"
  start_service "$svc" "$kc_http" "$svc@$n" "$port"
  wait_healthy "$svc@$n"
}

# Instances from start-replica, stopped before the first ones (TERM, wait up to 30 s, KILL).
stop_replicas() {
  local f inst pid
  for f in "$RUN_DIR"/*@*.pid; do
    [[ -e "$f" ]] || continue
    inst="$(basename "$f" .pid)"
    if pid="$(running_pid "$inst")"; then
      say "stopping $inst (pid $pid)"
      kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
      local deadline=$((SECONDS + 30))
      while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.5; done
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$f" "$(port_file "$inst")" "$(management_port_file "$inst")"
  done
}

cmd_start() {
  prepare_start
  local kc_http svc
  read -r kc_http _ < <(kc_ports)
  start_keycloak
  # The payment provider (simulator) before payment-service, which redirects payers to it and queries it.
  start_service payment-simulator "$kc_http"
  wait_healthy payment-simulator
  # Producers first, then the feed consumer and the gateway.
  for svc in dossier-service payment-service digitization-service; do start_service "$svc" "$kc_http"; done
  for svc in dossier-service payment-service digitization-service; do wait_healthy "$svc"; done
  for svc in report-service gateway; do start_service "$svc" "$kc_http"; done
  for svc in report-service gateway; do wait_healthy "$svc"; done
  local gw
  gw="$(port_of gateway)"
  # the realm admits the console on 8080; on any other port the running realm is told about this one
  if [[ "$gw" != 8080 ]]; then
    "$KC_SH" admit-console "$KC_DATA" "$kc_http" "http://localhost:$gw" "http://127.0.0.1:$gw"
  fi
  say "all processes healthy"
}

cmd_stop() {
  # TERM every service at once (gateway first), wait up to 30 s, KILL what is left; then Keycloak.
  local i svc pid deadline
  local -a names=() pids=()
  stop_replicas
  for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do
    svc="${SERVICES[i]}"
    if pid="$(running_pid "$svc")"; then
      kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
      names+=("$svc"); pids+=("$pid")
      say "stopping $svc (pid $pid)"
    else
      say "$svc: not running"
      rm -f "$(pid_file "$svc")" "$(port_file "$svc")" "$(management_port_file "$svc")"
    fi
  done
  deadline=$((SECONDS + 30))
  for ((i = 0; i < ${#pids[@]}; i++)); do
    pid="${pids[i]}"; svc="${names[i]}"
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then
      say "$svc (pid $pid) still alive after 30 s: KILL"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$(pid_file "$svc")" "$(port_file "$svc")" "$(management_port_file "$svc")"
    say "$svc stopped"
  done
  if [[ -d "$KC_DATA" ]]; then "$KC_SH" stop "$KC_DATA"; fi
}

cmd_status() {
  local svc pid port health kc_http kc_mgmt state rc=0
  read -r kc_http kc_mgmt < <(kc_ports)
  if pid="$(kc_pid)"; then
    if kc_healthy "$kc_mgmt"; then health=healthy; else health=unhealthy; rc=1; fi
    printf '%-22s %-8s pid %-8s port %-6s %s\n' keycloak running "$pid" "$kc_http" "$health (management $kc_mgmt)"
  else
    printf '%-22s %-8s pid %-8s port %-6s %s\n' keycloak stopped - "$kc_http" -
    rc=1
  fi
  for svc in "${SERVICES[@]}"; do
    port="$(port_of "$svc")"
    if pid="$(running_pid "$svc")"; then
      state=running
      if healthy "$svc" "$port"; then health=healthy; else health=unhealthy; rc=1; fi
    else
      state=stopped; pid=-; health=-; rc=1
    fi
    [[ "$svc" != gateway || "$health" == - ]] || health="$health (management $(gateway_management_port))"
    if [[ "$svc" == *-service && "$health" != - && -s "$(management_port_file "$svc")" ]]; then
      health="$health (metrics $(cat "$(management_port_file "$svc")"))"
    fi
    printf '%-22s %-8s pid %-8s port %-6s %s\n' "$svc" "$state" "$pid" "$port" "$health"
  done
  return "$rc"
}

cmd_running() {  # all (default) | any
  local svc n=0 total=$((${#SERVICES[@]} + 1))
  if kc_pid >/dev/null; then n=$((n + 1)); fi
  for svc in "${SERVICES[@]}"; do
    if is_running "$svc"; then n=$((n + 1)); fi
  done
  if [[ "${1:-all}" == any ]]; then ((n > 0)); else ((n == total)); fi
}

cmd_ports() {
  local svc
  echo "keycloak $(kc_ports)"
  for svc in "${SERVICES[@]}"; do echo "$svc $(port_of "$svc")"; done
}

sub="${1:-}"
case "$sub" in
  start) if [[ -n "${2:-}" ]]; then cmd_start_one "$2"; else cmd_start; fi ;;
  start-replica) cmd_start_replica "${2:-}" "${3:-}" "${4:-}" ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  running) cmd_running "${2:-all}" ;;
  ports) cmd_ports ;;
  sign-pdf) shift; cmd_sign_pdf "$@" ;;
  signing) cmd_signing ;;
  *) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
esac
