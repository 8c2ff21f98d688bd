#!/bin/sh
# Starts Redis for the compose shapes: the persistence variant named by REDIS_PERSISTENCE, TLS
# (server-config/redis/tls.conf), and the password from the Docker secret REDIS_PASSWORD_FILE, which Redis itself
# cannot read from a file. Extra arguments are passed to redis-server (a replica's --replicaof, a cluster node's
# --cluster-enabled). Ends in the image's own entrypoint, which drops root for the redis user.
#   REDIS_PERSISTENCE=rdb|aof|hybrid   server-config/redis/redis.conf | redis-aof.conf | redis-hybrid.conf
set -eu

case "${REDIS_PERSISTENCE:-rdb}" in
    rdb) variant=redis.conf ;;
    aof) variant=redis-aof.conf ;;
    hybrid) variant=redis-hybrid.conf ;;
    *)
        echo "REDIS_PERSISTENCE must be rdb, aof or hybrid, not '${REDIS_PERSISTENCE}'" >&2
        exit 64
        ;;
esac

password_file=${REDIS_PASSWORD_FILE:-/run/secrets/redis_password}
if [ ! -s "${password_file}" ]; then
    echo "No Redis password in ${password_file} (docker/make-dev-certs.sh makes one for a trial)" >&2
    exit 64
fi

# The password goes into a file only redis can read, not onto the command line (ps, /proc/*/cmdline would show
# it). masterauth too: a replica, or a primary demoted by Sentinel, authenticates to its primary with it.
auth=/tmp/redis-auth.conf
umask 077
password=$(cat "${password_file}")
printf 'requirepass "%s"\nmasterauth "%s"\n' "${password}" "${password}" >"${auth}"
if [ "$(id -u)" = 0 ]; then
    chown redis:redis "${auth}"
fi

exec docker-entrypoint.sh redis-server "/usr/local/etc/redis/${variant}" \
    --include /usr/local/etc/redis/tls.conf --include "${auth}" "$@"
