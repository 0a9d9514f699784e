# Sourced by backup.sh and restore.sh: writes the connection (MOTCUA_MYSQL_HOST, _PORT, _USER, _PASSWORD) into an
# option file readable by this user only, removed on exit, and sets CNF to its path. The password goes to the clients
# through that file, never on a command line (ps shows those).
CNF="$(mktemp)"
trap 'rm -f "$CNF"' EXIT
chmod 600 "$CNF"
{
  echo "[client]"
  echo "host=${MOTCUA_MYSQL_HOST:-127.0.0.1}"
  echo "port=${MOTCUA_MYSQL_PORT:-3306}"
  echo "user=${MOTCUA_MYSQL_USER:-root}"
  [[ -z "${MOTCUA_MYSQL_PASSWORD:-}" ]] || echo "password=${MOTCUA_MYSQL_PASSWORD}"
} >"$CNF"
