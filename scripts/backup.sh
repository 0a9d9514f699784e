#!/usr/bin/env bash
# Backs up the MotCua databases with mysqldump, all of them in ONE consistent snapshot, one checksummed file each.
#
#   scripts/backup.sh [--out DIR] [--prefix PREFIX] [--database SERVICE=NAME]... [--only SERVICE]...
#
# Why one snapshot: the services follow each other's change feeds (report-service follows dossier-, payment- and
# digitization-service; dossier-service follows payment-service; digitization-service follows dossier-service) and
# keep their cursor in their own database. Databases dumped at different moments would restore a consumer whose
# cursor is ahead of its producer's feed: the events the producer writes next under those sequence numbers would be
# skipped. One mysqldump run over every database uses one transaction (START TRANSACTION WITH CONSISTENT SNAPSHOT,
# --single-transaction), so every cursor matches the feeds it follows. This needs every database on one server and
# every table InnoDB (checked). Databases on different servers: docs/operations.md ("Backup", consumers first).
#
# Options:
#   --out DIR            where the backup goes (default $MOTCUA_BACKUP_DIR, else <repo>/var/backups/<UTC time>);
#                        must not exist or be empty
#   --prefix PREFIX      the launcher's naming (MOTCUA_MYSQL_DB_PREFIX): database = PREFIX + service with '-' as
#                        '_' (PREFIXdossier_service ... PREFIXgateway). Default: MOTCUA_MYSQL_DB_PREFIX if set, else
#                        the services' own defaults motcua_dossier, motcua_payment, motcua_digitization,
#                        motcua_report, motcua_gateway
#   --database S=NAME    the database of service S is NAME (overrides the naming above; repeatable), e.g. when
#                        production sets MOTCUA_MYSQL_DATABASE per service
#   --only SERVICE       dump only this service's database (repeatable): for databases on different servers, one
#                        run per server, consumers first (docs/operations.md); without it, all of them
# The four gRPC services' databases must exist (those named by --only, with it); the gateway's is included when it
# exists.
#
# Environment: MOTCUA_MYSQL_HOST (127.0.0.1), MOTCUA_MYSQL_PORT (3306), MOTCUA_MYSQL_USER (root),
# MOTCUA_MYSQL_PASSWORD (empty) as for the services (the user needs SELECT, SHOW VIEW, TRIGGER, EVENT and, for
# --routines on MySQL 8, SHOW_ROUTINE or SELECT on mysql.proc); MYSQLDUMP (mysqldump), MYSQL (mysql) the client
# binaries; MOTCUA_BACKUP_DUMP_OPTS extra mysqldump flags (e.g. --set-gtid-purged=OFF on a MySQL 8 with GTIDs).
#
# Output in DIR: <service>.sql.gz per database (no CREATE DATABASE/USE: restore.sh loads it into any database it
# creates), SHA256SUMS (sha256sum -c format), backup.manifest (what was dumped, from where, when, tables per file).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MYSQLDUMP="${MYSQLDUMP:-mysqldump}"
MYSQL="${MYSQL:-mysql}"
REQUIRED=(dossier-service payment-service digitization-service report-service)
OPTIONAL=(gateway)
# The same flags for MySQL 8's mysqldump and MariaDB's: one snapshot, stored code, binary columns as hex (a
# MEDIUMBLOB feed payload survives any client charset), utf8mb4, no tablespace statements (they need PROCESS)
DUMP_FLAGS=(--single-transaction --routines --triggers --hex-blob --default-character-set=utf8mb4 --no-create-db
  --no-tablespaces --skip-lock-tables --quick)

die() { echo "backup.sh: error: $*" >&2; exit 1; }
say() { echo "[backup] $*"; }

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }

default_database() {
  case "$1" in
    dossier-service) echo motcua_dossier ;;
    payment-service) echo motcua_payment ;;
    digitization-service) echo motcua_digitization ;;
    report-service) echo motcua_report ;;
    gateway) echo motcua_gateway ;;
  esac
}

OUT="${MOTCUA_BACKUP_DIR:-}"
PREFIX="${MOTCUA_MYSQL_DB_PREFIX:-}"
declare -A EXPLICIT=()
ONLY=()
while (($#)); do
  case "$1" in
    --out) (($# >= 2)) || usage; OUT="$2"; shift 2 ;;
    --prefix) (($# >= 2)) || usage; PREFIX="$2"; shift 2 ;;
    --database)
      (($# >= 2)) || usage
      [[ "$2" =~ ^([a-z-]+)=([A-Za-z0-9_$]+)$ ]] || die "--database wants SERVICE=NAME, not '$2'"
      [[ " ${REQUIRED[*]} ${OPTIONAL[*]} " == *" ${BASH_REMATCH[1]} "* ]] ||
        die "unknown service '${BASH_REMATCH[1]}' (one of: ${REQUIRED[*]} ${OPTIONAL[*]})"
      EXPLICIT[${BASH_REMATCH[1]}]="${BASH_REMATCH[2]}"
      shift 2 ;;
    --only)
      (($# >= 2)) || usage
      [[ " ${REQUIRED[*]} ${OPTIONAL[*]} " == *" $2 "* ]] ||
        die "unknown service '$2' (one of: ${REQUIRED[*]} ${OPTIONAL[*]})"
      ONLY+=("$2")
      shift 2 ;;
    -h | --help) usage ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done
command -v "$MYSQLDUMP" >/dev/null || die "$MYSQLDUMP not found (Debian: apt-get install mariadb-client or default-mysql-client)"
command -v "$MYSQL" >/dev/null || die "$MYSQL not found"
command -v sha256sum >/dev/null || die "sha256sum not found"
[[ -z "$PREFIX" || "$PREFIX" =~ ^[A-Za-z0-9_]+$ ]] || die "--prefix may hold letters, digits and '_' only, not '$PREFIX'"

database_of() {
  if [[ -n "${EXPLICIT[$1]:-}" ]]; then echo "${EXPLICIT[$1]}"
  elif [[ -n "$PREFIX" ]]; then echo "$PREFIX${1//-/_}"
  else default_database "$1"; fi
}

# shellcheck source=mysql-options.sh
source "$(dirname "${BASH_SOURCE[0]}")/mysql-options.sh"
sql() { "$MYSQL" --defaults-extra-file="$CNF" --batch --skip-column-names -e "$1"; }

server="${MOTCUA_MYSQL_HOST:-127.0.0.1}:${MOTCUA_MYSQL_PORT:-3306}"
existing="$(sql 'SHOW DATABASES')" || die "cannot reach the database server $server as ${MOTCUA_MYSQL_USER:-root}"
services=() databases=()
for svc in "${REQUIRED[@]}" "${OPTIONAL[@]}"; do
  if ((${#ONLY[@]})) && [[ " ${ONLY[*]} " != *" $svc "* ]]; then continue; fi
  db="$(database_of "$svc")"
  if grep -qxF -- "$db" <<<"$existing"; then
    services+=("$svc"); databases+=("$db")
  elif [[ " ${REQUIRED[*]} " == *" $svc "* || " ${ONLY[*]} " == *" $svc "* ]]; then
    die "database $db of $svc does not exist on $server (wrong --prefix or --database?): nothing written"
  else
    say "no database $db on $server: $svc is not backed up (it has none in this installation)"
  fi
done

# A non-transactional table would be read outside the snapshot: refuse rather than write an inconsistent backup.
in_list="$(printf "'%s'," "${databases[@]}")"
non_innodb="$(sql "SELECT CONCAT(table_schema, '.', table_name, ' (', engine, ')') FROM information_schema.tables
  WHERE table_schema IN (${in_list%,}) AND table_type = 'BASE TABLE' AND engine <> 'InnoDB'")"
[[ -z "$non_innodb" ]] || die "not InnoDB, so not in the consistent snapshot: $(echo "$non_innodb" | tr '\n' ' ')"

[[ -n "$OUT" ]] || OUT="$ROOT/var/backups/$(date -u +%Y%m%dT%H%M%SZ)"
if [[ -e "$OUT" && -n "$(ls -A "$OUT" 2>/dev/null)" ]]; then die "$OUT exists and is not empty: nothing written"; fi
mkdir -p "$OUT"
# a failed run leaves no half backup that could later be taken for a good one
discard() { rm -f "$OUT"/*.sql.gz "$OUT/tables.tmp" "$OUT/mysqldump.err"; rmdir "$OUT" 2>/dev/null || true; }
OUT="$(cd "$OUT" && pwd)"

started="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
t0="$(date +%s%N)"
say "dumping ${databases[*]} from $server in one snapshot into $OUT"

# mysqldump --databases writes one stream: a header of session settings, then per database a
# "-- Current Database: `name`" section with a USE line. Split it into one file per database, each with the header
# and without the USE (so it loads into any database), and a trailer line that restore.sh checks: a file cut short
# (full disk, killed run) has none. "-- Dump completed" at the very end proves mysqldump got through.
map=""
for i in "${!databases[@]}"; do map+="${databases[i]}=${services[i]} "; done
# shellcheck disable=SC2086 # MOTCUA_BACKUP_DUMP_OPTS is a list of flags
set +e
"$MYSQLDUMP" --defaults-extra-file="$CNF" "${DUMP_FLAGS[@]}" ${MOTCUA_BACKUP_DUMP_OPTS:-} --databases "${databases[@]}" \
  2>"$OUT/mysqldump.err" |
  awk -v out="$OUT" -v map="$map" '
    BEGIN {
      n = split(map, pairs, " ")
      for (i = 1; i <= n; i++) { split(pairs[i], kv, "="); svc[kv[1]] = kv[2] }
      headerDone = 0; cur = ""; completed = 0
    }
    function finish() {
      if (cur != "") {
        print "-- motcua-backup: end of " svc[cur] | pipe
        close(pipe)
        print svc[cur], tables >> (out "/tables.tmp")
      }
    }
    /^-- Current Database: `/ {
      finish()
      name = $0; sub(/^-- Current Database: `/, "", name); sub(/`$/, "", name)
      if (!(name in svc)) { print "unexpected database " name > "/dev/stderr"; exit 3 }
      cur = name; tables = 0; headerDone = 1
      pipe = "gzip -c > \"" out "/" svc[cur] ".sql.gz\""
      for (i = 1; i <= h; i++) print header[i] | pipe
      print "-- motcua-backup: " svc[cur] " (database " cur " at the time of the backup)" | pipe
      next
    }
    !headerDone { header[++h] = $0; next }
    /^\/\*!40103 SET TIME_ZONE=@OLD_TIME_ZONE \*\/;$/ { finish(); cur = ""; footer = 1; next }
    footer { if ($0 ~ /^-- Dump completed/) completed = 1; next }
    /^USE `[^`]*`;$/ { next }
    /^CREATE TABLE `/ { tables++ }
    { print | pipe }
    END {
      if (cur != "") finish()
      if (!completed) { print "the dump stream ended without -- Dump completed" > "/dev/stderr"; exit 4 }
    }'
statuses=("${PIPESTATUS[@]}")
set -e
if ((statuses[0] != 0 || statuses[1] != 0)); then
  cat "$OUT/mysqldump.err" >&2
  discard
  die "mysqldump exited ${statuses[0]}, the splitter ${statuses[1]}: no backup written (the partial files are deleted)"
fi
[[ -s "$OUT/mysqldump.err" ]] || rm -f "$OUT/mysqldump.err"
t1="$(date +%s%N)"
finished="$(date -u +%Y-%m-%dT%H:%M:%SZ)"

declare -A TABLES=()
while read -r svc count; do TABLES[$svc]="$count"; done <"$OUT/tables.tmp"
rm -f "$OUT/tables.tmp"
for svc in "${services[@]}"; do
  [[ -s "$OUT/$svc.sql.gz" ]] || { discard; die "no dump of $svc in the stream: no backup written"; }
done

(cd "$OUT" && sha256sum -- *.sql.gz >SHA256SUMS)
{
  echo "# MotCua backup: scripts/restore.sh reads this file; one consistent snapshot of every database below"
  echo "format 1"
  echo "server $server"
  echo "server_version $(sql 'SELECT VERSION()')"
  echo "dump_client $("$MYSQLDUMP" --version | tr -s ' ')"
  echo "started $started"
  echo "finished $finished"
  for i in "${!services[@]}"; do
    echo "database ${services[i]} ${databases[i]} ${services[i]}.sql.gz ${TABLES[${services[i]}]:-0}"
  done
} >"$OUT/backup.manifest"

ms=$(((t1 - t0) / 1000000))
say "done in $((ms / 1000)).$(printf '%03d' $((ms % 1000))) s: $(du -sh "$OUT" | cut -f1) in $OUT"
for i in "${!services[@]}"; do
  say "  ${services[i]}: ${databases[i]} -> ${services[i]}.sql.gz (${TABLES[${services[i]}]:-0} tables)"
done
echo "$OUT"
