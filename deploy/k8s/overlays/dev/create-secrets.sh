#!/usr/bin/env bash
# Creates the Secrets the dev overlay reads, in namespace motcua, each only if it is missing (so a re-run keeps the
# passwords MySQL was initialised with). Values never touch git or a command line: random passwords from openssl,
# handed to kubectl on a pipe. Then: kubectl apply -k deploy/k8s/overlays/dev
#
#   <service>-db          username, password  (dossier-, payment-, digitization-, report-service, gateway)
#   <service>-keycloak    client-secret       the dev realm's demo secret of client motcua-<service> (gateway:
#                                             motcua-gateway-admin): the realm imported in dev carries those values
#   mysql-root            password
#   keycloak-admin        username, password  Keycloak's bootstrap admin (master realm)
#   payment-provider      secret              merchant signing secret (no provider runs in dev)
#   motcua-tls            a self-signed certificate for motcua.example.vn (the Ingress)
# and the ConfigMap digitization-trusted-roots: the demo signing CA's root (var/demo-signing/root-ca.pem, the CA
# `./motcua sign-pdf` signs with; made here with digitization-service's jar if it is not there yet)
#
# Environment: KUBECTL (default kubectl), MOTCUA_NAMESPACE (default motcua), MOTCUA_VAR_DIR (default <repo>/var),
# JAVA (default java).
set -euo pipefail

KUBECTL="${KUBECTL:-kubectl}"
NS="${MOTCUA_NAMESPACE:-motcua}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
DEMO_SIGNING_DIR="$(realpath -m "${MOTCUA_VAR_DIR:-$ROOT/var}")/demo-signing"

die() { echo "create-secrets.sh: $*" >&2; exit 1; }
command -v "$KUBECTL" >/dev/null || die "$KUBECTL not found"
command -v openssl >/dev/null || die "openssl not found"

random() { openssl rand -hex 24; }
exists() { "$KUBECTL" -n "$NS" get secret "$1" >/dev/null 2>&1; }

# create_secret NAME KEY=VALUE...: the pairs go to kubectl as an env file on a pipe, not as arguments
create_secret() {
  local name="$1"; shift
  if exists "$name"; then
    echo "secret $name: exists, kept"
    return 0
  fi
  printf '%s\n' "$@" | "$KUBECTL" -n "$NS" create secret generic "$name" --from-env-file=/dev/stdin >/dev/null
  echo "secret $name: created"
}

"$KUBECTL" get namespace "$NS" >/dev/null 2>&1 || "$KUBECTL" create namespace "$NS"

for svc in dossier-service payment-service digitization-service report-service gateway; do
  user="${svc%-service}"
  create_secret "$svc-db" "username=$user" "password=$(random)"
done
for svc in dossier-service payment-service digitization-service report-service; do
  create_secret "$svc-keycloak" "client-secret=motcua-$svc-demo-secret"
done
create_secret gateway-keycloak "client-secret=motcua-gateway-admin-demo-secret"
create_secret mysql-root "password=$(random)"
create_secret keycloak-admin "username=admin" "password=$(random)"
create_secret payment-provider "secret=$(random)"

if exists motcua-tls; then
  echo "secret motcua-tls: exists, kept"
else
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=motcua.example.vn" \
    -addext "subjectAltName=DNS:motcua.example.vn" -keyout "$tmp/tls.key" -out "$tmp/tls.crt" 2>/dev/null
  "$KUBECTL" -n "$NS" create secret tls motcua-tls --cert="$tmp/tls.crt" --key="$tmp/tls.key" >/dev/null
  echo "secret motcua-tls: created (self-signed)"
fi
if "$KUBECTL" -n "$NS" get configmap digitization-trusted-roots >/dev/null 2>&1; then
  echo "configmap digitization-trusted-roots: exists, kept"
else
  if [[ ! -s "$DEMO_SIGNING_DIR/root-ca.pem" ]]; then
    jar="$ROOT/digitization-service/target/digitization-service.jar"
    [[ -f "$jar" ]] || die "no demo signing CA in $DEMO_SIGNING_DIR and no $jar to make one (build with:" \
      "./mvnw -B -DskipTests package), or create the configmap digitization-trusted-roots from your own root CA"
    "${JAVA:-java}" -cp "$jar" vn.motcua.digitization.demo.DemoSigning init "$DEMO_SIGNING_DIR"
  fi
  "$KUBECTL" -n "$NS" create configmap digitization-trusted-roots --from-file="root-ca.pem=$DEMO_SIGNING_DIR/root-ca.pem" \
    >/dev/null
  echo "configmap digitization-trusted-roots: created from $DEMO_SIGNING_DIR/root-ca.pem (sign with ./motcua sign-pdf)"
fi
echo "Keycloak admin password: kubectl -n $NS get secret keycloak-admin -o jsonpath='{.data.password}' | base64 -d"
