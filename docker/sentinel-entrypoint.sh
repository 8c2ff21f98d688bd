#!/bin/sh
# Starts a Redis Sentinel for docker-compose.redis-sentinel.yml. Sentinel rewrites its own configuration (the
# current primary, the other sentinels), so the file is written once, into the sentinel's volume, and kept after:
# a restarted sentinel remembers a failover. To change the password, delete the volumes of the sentinels.
#   SENTINEL_ANNOUNCE  this sentinel's name on the compose network; SENTINEL_QUORUM (2) of 3 agree on a failure
set -eu

password_file=${REDIS_PASSWORD_FILE:-/run/secrets/redis_password}
if [ ! -s "${password_file}" ]; then
    echo "No Redis password in ${password_file} (docker/make-dev-certs.sh makes one for a trial)" >&2
    exit 64
fi
conf=/data/sentinel.conf
if [ ! -s "${conf}" ]; then
    umask 077
    password=$(cat "${password_file}")
    cat >"${conf}" <<CONF
port 0
tls-port 26379
tls-cert-file /tls/tls.crt
tls-key-file /tls/tls.key
tls-ca-cert-file /tls/ca.crt
tls-auth-clients no
tls-replication yes
# names, not container addresses: they survive a recreated container and match the certificates
sentinel resolve-hostnames yes
sentinel announce-hostnames yes
sentinel announce-ip ${SENTINEL_ANNOUNCE:?name this sentinel}
sentinel monitor issuetracker redis 6379 ${SENTINEL_QUORUM:-2}
sentinel auth-pass issuetracker "${password}"
sentinel sentinel-pass "${password}"
requirepass "${password}"
# a primary that has not answered for 5 s is down; a failover may take a minute
sentinel down-after-milliseconds issuetracker 5000
sentinel failover-timeout issuetracker 60000
CONF
fi
if [ "$(id -u)" = 0 ]; then
    chown redis:redis "${conf}"
fi
exec docker-entrypoint.sh redis-server "${conf}" --sentinel
