#!/usr/bin/env bash
# Makes everything the compose shapes read but git must never hold, for trying them out on one machine:
#   docker/tls/      ca.crt (a self-signed CA), tls.crt + tls.key + tls.pem (one server certificate for every
#                    service name of every shape, plus localhost/127.0.0.1 and any names given as arguments),
#                    truststore.p12 (the CA, for the application's JVM: MongoDB driver and Redisson)
#   docker/secrets/  mongo_root_password, mongo_app_password, redis_password, truststore_password,
#                    grafana_admin_password (random),
#                    mongo_keyfile (the replica set members' shared key)
# From the repository root:
#   docker/make-dev-certs.sh [public-host-name ...]      add --force to replace what is already there
# (--out DIR writes DIR/tls and DIR/secrets instead: the test of the TLS configuration uses it)
# A self-signed CA is for trying the shapes out: in production put certificates from your own CA into docker/tls/
# under the same names and your own passwords into docker/secrets/.
set -euo pipefail

usage() {
    echo "usage: $0 [--force] [--out DIR] [public-host-name ...]" >&2
    echo "  makes docker/tls/ (CA, server certificate, Java trust store) and docker/secrets/ (passwords, keyfile)" >&2
}

force=false
out=$(cd "$(dirname "$0")" && pwd)
names=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --force) force=true; shift ;;
        --out) out=${2:?--out names a directory}; shift 2 ;;
        -h | --help) usage; exit 0 ;;
        -*) usage; exit 2 ;;
        *) names+=("$1"); shift ;;
    esac
done

tls="${out}/tls"
secrets="${out}/secrets"
# The directories keep other users of this host out; the files inside stay readable by the containers' own users
# (redis and mongodb are uid 999, payara 1000), since a compose secret or bind mount keeps the host's file mode.
mkdir -p "${tls}" "${secrets}"
chmod 700 "${tls}" "${secrets}"

# One name per service of every shape: each client checks the name it connected to against the certificate
dns=(localhost nginx app app-1 app-2 app-3 mongo mongo-2 mongo-3 redis redis-replica
    redis-sentinel-1 redis-sentinel-2 redis-sentinel-3
    redis-node-1 redis-node-2 redis-node-3 redis-node-4 redis-node-5 redis-node-6
    prometheus alertmanager grafana otel-collector "${names[@]}")
san="IP:127.0.0.1"
for name in "${dns[@]}"; do
    san+=",DNS:${name}"
done

secret() {
    local file="${secrets}/$1"
    if [[ ! -s "${file}" || ${force} == true ]]; then
        # hex: no character that a configuration file or a URI would have to quote
        openssl rand -hex 24 >"${file}"
    fi
    chmod 644 "${file}"
}
secret mongo_root_password
secret mongo_app_password
secret redis_password
secret truststore_password
secret grafana_admin_password
if [[ ! -s "${secrets}/mongo_keyfile" || ${force} == true ]]; then
    openssl rand -base64 756 >"${secrets}/mongo_keyfile"
fi
# mongod wants its keyfile private to itself: docker/mongo-keyfile-entrypoint.sh copies it with mode 400
chmod 644 "${secrets}/mongo_keyfile"

if [[ -e "${tls}/ca.crt" && ${force} == false ]]; then
    echo "docker/tls/ca.crt exists; certificates kept (--force makes everything anew)" >&2
    echo "docker/secrets: missing ones made, existing ones kept"
    exit 0
fi

openssl req -x509 -new -newkey rsa:3072 -nodes -days 825 -subj "/CN=issuetracker dev CA" \
    -keyout "${tls}/ca.key" -out "${tls}/ca.crt" 2>/dev/null
openssl req -new -newkey rsa:2048 -nodes -subj "/CN=issuetracker" \
    -keyout "${tls}/tls.key" -out "${tls}/tls.csr" 2>/dev/null
openssl x509 -req -in "${tls}/tls.csr" -CA "${tls}/ca.crt" -CAkey "${tls}/ca.key" -CAcreateserial -days 825 \
    -extfile <(printf 'subjectAltName=%s\nextendedKeyUsage=serverAuth,clientAuth\n' "${san}") \
    -out "${tls}/tls.crt" 2>/dev/null
# mongod reads certificate and key from one file
cat "${tls}/tls.crt" "${tls}/tls.key" >"${tls}/tls.pem"
rm -f "${tls}/tls.csr" "${tls}/ca.srl"
chmod 600 "${tls}/ca.key"
chmod 644 "${tls}/ca.crt" "${tls}/tls.crt" "${tls}/tls.key" "${tls}/tls.pem"

rm -f "${tls}/truststore.p12"
keytool -importcert -noprompt -alias issuetracker-ca -file "${tls}/ca.crt" -keystore "${tls}/truststore.p12" \
    -storetype PKCS12 -storepass:file "${secrets}/truststore_password" >/dev/null
chmod 644 "${tls}/truststore.p12"

echo "docker/tls: ca.crt, tls.crt, tls.key, tls.pem, truststore.p12 (names: ${dns[*]})"
echo "docker/secrets: mongo_root_password, mongo_app_password, redis_password, truststore_password,"
echo "  grafana_admin_password, mongo_keyfile"
