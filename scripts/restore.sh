#!/usr/bin/env bash
# Restores a backup written by scripts/backup.sh into FRESH databases: it never writes into one that exists.
#
#   scripts/restore.sh BACKUP_DIR [--suffix SUFFIX | --prefix PREFIX | --same-names] [--only SERVICE]...
#
#   --suffix SUFFIX   database = the backed-up name + SUFFIX (default _restored_<UTC time>, e.g.
#                     motcua_dossier_restored_20261207T1910Z); point each service's MOTCUA_MYSQL_DATABASE at it
#   --prefix PREFIX   the launcher's naming instead: database = PREFIX + service with '-' as '_'
#                     (PREFIXdossier_service ...), so MOTCUA_MYSQL_DB_PREFIX=PREFIX ./motcua up starts on them
#   --same-names      the backed-up names themselves: after a loss, once the broken databases are dropped (the
#                     accounts' grants on motcua_dossier.* etc. outlive a DROP DATABASE, so nothing else changes)
#   --only SERVICE    restore only this service's database (repeatable). Only for a database that lost nothing the
#                     others depend on: restoring one service alone rewinds it behind the others (docs/operations.md)
#
# Before anything is written: every file's SHA-256 must match SHA256SUMS, every file must end with backup.sh's
# trailer (not cut short) and name its original database nowhere but in data and comments, and no target database
# may exist. Each database is then created (utf8mb4) and loaded;
# one that fails to load is dropped again (it was created here, empty) and the script stops. Afterwards the tables
# of each restored database are counted against the manifest. The services find Flyway's history in the restored
# databases: a newer release migrates them forward at its first start, as it would the originals.
#
# Environment: MOTCUA_MYSQL_HOST (127.0.0.1), MOTCUA_MYSQL_PORT (3306), MOTCUA_MYSQL_USER (root),
# MOTCUA_MYSQL_PASSWORD (empty): the server to restore into (any MySQL 8 compatible one, not necessarily the one
# backed up); MYSQL (mysql) the client binary.
set -euo pipefail

MYSQL="${MYSQL:-mysql}"
die() { echo "restore.sh: error: $*" >&2; exit 1; }
say() { echo "[restore] $*"; }
usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }

DIR="" SUFFIX="" PREFIX="" SAME=false ONLY=()
while (($#)); do
  case "$1" in
    --suffix) (($# >= 2)) || usage; SUFFIX="$2"; shift 2 ;;
    --prefix) (($# >= 2)) || usage; PREFIX="$2"; shift 2 ;;
    --only) (($# >= 2)) || usage; ONLY+=("$2"); shift 2 ;;
    --same-names) SAME=true; shift ;;
    -h | --help) usage ;;
    -*) die "unknown option '$1' (see --help)" ;;
    *) [[ -z "$DIR" ]] || die "one backup directory only ('$DIR' and '$1')"; DIR="$1"; shift ;;
  esac
done
[[ -n "$DIR" ]] || usage
[[ -z "$SUFFIX" || -z "$PREFIX" ]] || die "--suffix or --prefix, not both"
! $SAME || [[ -z "$SUFFIX$PREFIX" ]] || die "--same-names takes no --suffix or --prefix"
[[ -z "$SUFFIX" || "$SUFFIX" =~ ^[A-Za-z0-9_]+$ ]] || die "--suffix may hold letters, digits and '_' only"
[[ -z "$PREFIX" || "$PREFIX" =~ ^[A-Za-z0-9_]+$ ]] || die "--prefix may hold letters, digits and '_' only"
$SAME || [[ -n "$PREFIX" || -n "$SUFFIX" ]] || SUFFIX="_restored_$(date -u +%Y%m%dT%H%MZ)"
[[ -d "$DIR" ]] || die "no backup directory $DIR"
DIR="$(cd "$DIR" && pwd)"
[[ -s "$DIR/backup.manifest" ]] || die "$DIR has no backup.manifest: not a backup written by scripts/backup.sh"
[[ -s "$DIR/SHA256SUMS" ]] || die "$DIR has no SHA256SUMS"
command -v "$MYSQL" >/dev/null || die "$MYSQL not found (Debian: apt-get install mariadb-client or default-mysql-client)"
grep -qx 'format 1' "$DIR/backup.manifest" || die "$DIR/backup.manifest is not format 1"

# 1. the files are the ones written (checksums) and complete (trailer)
say "checking $DIR"
(cd "$DIR" && sha256sum --quiet -c SHA256SUMS) || die "checksum mismatch in $DIR (see above): nothing restored"
services=() sources=() files=() tables=() targets=()
while read -r kind svc db file count; do
  [[ "$kind" == database ]] || continue
  if ((${#ONLY[@]})) && [[ " ${ONLY[*]} " != *" $svc "* ]]; then continue; fi
  [[ -f "$DIR/$file" ]] || die "$file is in the manifest but not in $DIR"
  grep -q " $file\$" "$DIR/SHA256SUMS" || die "$file has no checksum in SHA256SUMS"
  trailer="$(gzip -dc "$DIR/$file" | tail -n 1)"
  [[ "$trailer" == "-- motcua-backup: end of $svc" ]] || die "$file is cut short (no trailer): nothing restored"
  # a trigger, routine or view that names its database would, loaded under another name, still act on the
  # original (the services' migrations create none; this keeps a hand-made one from doing harm)
  if gzip -dc "$DIR/$file" | grep -v -e '^INSERT INTO ' -e '^--' | grep -qF -- "$db"; then
    die "$file names its database $db outside the data (a trigger, routine or view?): loaded under another name" \
      "it could act on $db; nothing restored"
  fi
  services+=("$svc"); sources+=("$db"); files+=("$file"); tables+=("$count")
  if [[ -n "$PREFIX" ]]; then targets+=("$PREFIX${svc//-/_}"); else targets+=("$db$SUFFIX"); fi
done <"$DIR/backup.manifest"
((${#services[@]})) || die "nothing to restore (manifest lists none${ONLY[*]:+ of: ${ONLY[*]}})"
for s in "${ONLY[@]}"; do
  [[ " ${services[*]} " == *" $s "* ]] || die "--only $s: the backup holds no database of $s"
done
for t in "${targets[@]}"; do ((${#t} <= 64)) || die "database name $t is longer than 64 characters"; done

# shellcheck source=mysql-options.sh
source "$(dirname "${BASH_SOURCE[0]}")/mysql-options.sh"
sql() { "$MYSQL" --defaults-extra-file="$CNF" --batch --skip-column-names "$@"; }
server="${MOTCUA_MYSQL_HOST:-127.0.0.1}:${MOTCUA_MYSQL_PORT:-3306}"

# 2. fresh databases only
existing="$(sql -e 'SHOW DATABASES')" || die "cannot reach the database server $server"
for t in "${targets[@]}"; do
  if grep -qxF -- "$t" <<<"$existing"; then
    die "database $t exists on $server: restore writes into fresh databases only (choose another --suffix/--prefix)"
  fi
done

# 3. load each one; a failed load leaves nothing behind
t0="$(date +%s%N)"
for i in "${!services[@]}"; do
  svc="${services[i]}" t="${targets[i]}"
  say "$svc: ${files[i]} -> $t"
  sql -e "CREATE DATABASE \`$t\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  if ! gzip -dc "$DIR/${files[i]}" | sql --default-character-set=utf8mb4 --database="$t"; then
    sql -e "DROP DATABASE \`$t\`" || true
    die "loading ${files[i]} into $t failed (see above); $t was dropped again$( ((i)) && echo ", the ones before it are restored: ${targets[*]:0:i}")"
  fi
  got="$(sql -e "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '$t' AND table_type = 'BASE TABLE'")"
  [[ "$got" == "${tables[i]}" ]] || die "$t has $got tables after the restore, the backup ${tables[i]}"
done
t1="$(date +%s%N)"
ms=$(((t1 - t0) / 1000000))
say "done in $((ms / 1000)).$(printf '%03d' $((ms % 1000))) s into $server"
if [[ -n "$PREFIX" ]]; then
  say "start the platform on them with MOTCUA_DB=mysql MOTCUA_MYSQL_DB_PREFIX=$PREFIX"
else
  for i in "${!services[@]}"; do say "  ${services[i]}: MOTCUA_MYSQL_DATABASE=${targets[i]}"; done
fi
