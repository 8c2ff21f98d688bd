#!/bin/sh
# Starts a Redis Sentinel for docker-compose.redis-sentinel.yml. Sentinel rewrites its own configuration (the
# current primary, the other sentinels), so the file is written once, into the sentinel's volume, and kept after:
# a restarted sentinel remembers a failover. To change the password or the user, delete the volumes of the sentinels.
# The sentinels, the servers they watch and the application share one ACL user (REDIS_USERNAME, issuetracker; the
# default user is off): the application asks the sentinels as it, and the sentinels speak to the servers and to each
# other as it (the servers give it Sentinel's commands: REDIS_MONITORED_BY_SENTINEL, redis-entrypoint.sh).
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
    username=${REDIS_USERNAME:-issuetracker}
    hash=$(printf '%s' "${password}" | sha256sum | cut -d' ' -f1)
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
sentinel auth-user issuetracker ${username}
sentinel auth-pass issuetracker "${password}"
sentinel sentinel-user ${username}
sentinel sentinel-pass "${password}"
# a sentinel holds no data, only the topology: the user may run every command Sentinel has
user default off resetpass -@all
user ${username} on resetpass #${hash} allchannels +@all
# a primary that has not answered for 5 s is down; a failover may take a minute
sentinel down-after-milliseconds issuetracker 5000
sentinel failover-timeout issuetracker 60000
CONF
fi
if [ "$(id -u)" = 0 ]; then
    chown redis:redis "${conf}"
fi
exec docker-entrypoint.sh redis-server "${conf}" --sentinel
