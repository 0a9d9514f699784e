# Sourced by the mysql image's entrypoint (bash) on MySQL's first start only (empty data directory), after the root
# password is set: one database and one account per MotCua service, each account allowed its own database only.
# Names and passwords come from the Secrets <service>-db (create-secrets.sh) through the StatefulSet's environment.
# Flyway creates the tables when each service starts.

# a value inside a single-quoted SQL string literal: backslash, newline and quote escaped
motcua_sql_literal() {
  local escaped="${1//\\/\\\\}"
  escaped="${escaped//$'\n'/\\n}"
  printf '%s' "${escaped//\'/\\\'}"
}

for motcua_db in dossier payment digitization report gateway; do
  motcua_user_var="MOTCUA_${motcua_db^^}_DB_USER"
  motcua_password_var="MOTCUA_${motcua_db^^}_DB_PASSWORD"
  motcua_user="$(motcua_sql_literal "${!motcua_user_var:?missing $motcua_user_var}")"
  motcua_password="$(motcua_sql_literal "${!motcua_password_var:?missing $motcua_password_var}")"
  mysql_note "MotCua: database motcua_${motcua_db}, account ${!motcua_user_var}"
  # in GRANT's database name _ is a wildcard: escaped, so the account gets this database and no look-alike
  docker_process_sql --database=mysql <<EOSQL
CREATE DATABASE IF NOT EXISTS \`motcua_${motcua_db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '${motcua_user}'@'%' IDENTIFIED BY '${motcua_password}';
GRANT ALL PRIVILEGES ON \`motcua\\_${motcua_db}\`.* TO '${motcua_user}'@'%';
EOSQL
done
unset -f motcua_sql_literal
unset motcua_db motcua_user_var motcua_password_var motcua_user motcua_password
