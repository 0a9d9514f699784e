#!/usr/bin/env bash
# Start-up time and idle memory of each gRPC service jar on the embedded H2 default, measured as
# "process start -> gRPC health answers SERVING", median of N starts, with and without the class-data-sharing
# archive the launcher uses. Baseline in the same run: a bare JVM printing its version (the floor any Java
# service pays on this machine). Not a test: it prints figures and asserts nothing.
#
#   bench/startup.sh [RUNS]        (default 5; needs ./mvnw -DskipTests package first)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-5}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
FLAGS=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -XX:MaxRAM=1g -Xmx192m)
PORT=50990

ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

healthy() { java -XX:TieredStopAtLevel=1 -Xshare:auto -cp "$1" vn.motcua.platform.grpc.HealthProbe "127.0.0.1:$PORT" >/dev/null 2>&1; }

# one start: prints "<ms to healthy> <rss KB after 10 s idle>"
one_start() {
  local jar="$1"; shift
  local data="$WORK/data-$RANDOM" t0 pid
  t0=$(ms)
  MOTCUA_DATA_DIR="$data" GRPC_SERVER_PORT=$PORT java "${FLAGS[@]}" "$@" -jar "$jar" >"$WORK/log" 2>&1 &
  pid=$!
  until healthy "$jar"; do
    kill -0 "$pid" 2>/dev/null || { echo "service died:"; tail -20 "$WORK/log"; exit 1; }
    sleep 0.05
  done
  local elapsed=$(( $(ms) - t0 ))
  local rss=""
  if [[ "${MEASURE_RSS:-0}" == 1 ]]; then sleep 10; rss=$(ps -o rss= -p "$pid" | tr -d ' '); fi
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$elapsed $rss"
}

base=()
for _ in $(seq "$RUNS"); do t0=$(ms); java "${FLAGS[@]}" -version >/dev/null 2>&1; base+=($(( $(ms) - t0 ))); done
printf 'baseline: bare JVM -version, median of %d: %d ms\n' "$RUNS" "$(printf '%s\n' "${base[@]}" | median)"
printf '%-22s %12s %12s %14s\n' service "no CDS (ms)" "CDS (ms)" "idle RSS (MB)"
for svc in dossier-service payment-service digitization-service report-service; do
  jar="$ROOT/$svc/target/$svc.jar"
  [[ -f "$jar" ]] || { echo "missing $jar: run ./mvnw -DskipTests package"; exit 1; }
  plain=(); cds=()
  for _ in $(seq "$RUNS"); do plain+=($(MOTCUA_REPORT_CONSUME_DOSSIER_FEED=false one_start "$jar" | cut -d' ' -f1)); done
  # record the archive once, then measure starts that map it
  MOTCUA_REPORT_CONSUME_DOSSIER_FEED=false one_start "$jar" -XX:ArchiveClassesAtExit="$WORK/$svc.jsa" >/dev/null
  for _ in $(seq "$RUNS"); do
    cds+=($(MOTCUA_REPORT_CONSUME_DOSSIER_FEED=false one_start "$jar" -XX:SharedArchiveFile="$WORK/$svc.jsa" | cut -d' ' -f1))
  done
  rss=$(MEASURE_RSS=1 MOTCUA_REPORT_CONSUME_DOSSIER_FEED=false one_start "$jar" -XX:SharedArchiveFile="$WORK/$svc.jsa" | cut -d' ' -f2)
  printf '%-22s %12d %12d %14d\n' "$svc" "$(printf '%s\n' "${plain[@]}" | median)" \
    "$(printf '%s\n' "${cds[@]}" | median)" $(( rss / 1024 ))
done
echo "(start = process launch until grpc.health.v1 answers SERVING, probed every 50 ms by a separate JVM;"
echo " the probe's own JVM start is included, so figures are upper bounds)"
