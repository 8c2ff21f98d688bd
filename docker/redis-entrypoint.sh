#!/bin/sh
# Starts Redis for the compose shapes: the persistence variant named by REDIS_PERSISTENCE, TLS
# (server-config/redis/tls.conf), and the application's ACL user with the password from the Docker secret
# REDIS_PASSWORD_FILE, which Redis itself cannot read from a file or the environment. Extra arguments are passed to
# redis-server (a replica's --replicaof, a cluster node's --cluster-enabled). Ends in the image's own entrypoint,
# which drops root for the redis user.
#   REDIS_PERSISTENCE=rdb|aof|hybrid   server-config/redis/redis.conf | redis-aof.conf | redis-hybrid.conf
#   REDIS_USERNAME (issuetracker)      the one ACL user; the application, replicas, sentinels, health checks and
#                                      backups all authenticate as it (the default user is off)
#   REDIS_MONITORED_BY_SENTINEL=yes    the user may also do what Sentinel does to the servers it watches
#   REDIS_AUTH_FILE                    where the generated lines go (/tmp/redis-auth.conf; the tests set it)
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
password=$(cat "${password_file}")
case "${password}" in
    *'"'* | *\\* | *"
"*)
        echo "The Redis password in ${password_file} must be one line without \" or \\ (the generated file quotes it)" >&2
        exit 64
        ;;
esac
username=${REDIS_USERNAME:-issuetracker}
case "${username}" in
    "" | default | -* | *[!A-Za-z0-9_.-]*)
        echo "REDIS_USERNAME must be letters, digits, '_', '.' or '-', and not 'default', not '${username}'" >&2
        exit 64
        ;;
esac

# What the application does, measured against Redis 7 with Redisson's JCache (RedisTopologiesIT): its regions are
# hashes named issuetracker:<region>; Redisson keeps each region's expiry times, listener counts and event channels
# under jcache_<what>:{issuetracker:<region>}; the health probe reads issuetracker:health. Commands: everything but
# @dangerous (no FLUSHALL, KEYS, CONFIG SET, MODULE, DEBUG, REPLICAOF, MIGRATE...), then back the few dangerous ones
# it needs: INFO and CONFIG GET (operations page, preflight), PSYNC and REPLCONF (a replica replicating as this
# user), BGSAVE and LASTSAVE (server-config/backup/redis-backup.sh). Keys and channels outside the patterns: NOPERM.
rules="~issuetracker:* ~jcache_*:{issuetracker:*} resetchannels &jcache_*:{issuetracker:*}"
# OpenLiberty's HTTP sessions (sessionCache-1.0, Redisson's JCache; docker/Dockerfile.liberty): two caches per web
# module, com.ibm.ws.session.meta.<module> and com.ibm.ws.session.attr.<module> (hashes), and Redisson's keys and
# event channels of each under jcache_<what>:{<cache>}, the channels also named as keys of its scripts
for cache in 'com.ibm.ws.session.meta.*' 'com.ibm.ws.session.attr.*'; do
    rules="${rules} ~${cache} ~jcache_*:{${cache}} &jcache_*:{${cache}}"
done
rules="${rules} +@all -@dangerous +info +config|get +psync +replconf +bgsave +lastsave"
# Sentinel's own list (redis.io, "Sentinel and ACL"): it demotes and promotes servers, rewrites their
# configuration and ends clients' connections on a failover, and talks to the other sentinels on a channel
if [ "${REDIS_MONITORED_BY_SENTINEL:-no}" = yes ]; then
    rules="${rules} +multi +exec +slaveof +replicaof +config|rewrite +role +client|kill +script|kill &__sentinel__:hello"
fi
# redis-cli --cluster create (docker/redis-cluster-create.sh) assigns the slots and introduces the nodes
for argument in "$@"; do
    if [ "${argument}" = --cluster-enabled ]; then
        rules="${rules} +cluster|addslots +cluster|addslotsrange +cluster|meet +cluster|replicate"
        rules="${rules} +cluster|set-config-epoch"
    fi
done
# The password as its SHA-256 (the ACL line holds no clear text); masterauth has to hold it, hence the file's mode.
hash=$(printf '%s' "${password}" | sha256sum | cut -d' ' -f1)

# A file only redis can read, not the command line (ps, /proc/*/cmdline would show it). masteruser/masterauth: a
# replica, or a primary demoted by Sentinel, authenticates to its primary as the same user.
auth=${REDIS_AUTH_FILE:-/tmp/redis-auth.conf}
umask 077
{
    echo "user default off resetpass -@all"
    echo "user ${username} on resetpass #${hash} ${rules}"
    echo "masteruser ${username}"
    printf 'masterauth "%s"\n' "${password}"
} >"${auth}"
if [ "$(id -u)" = 0 ] && id redis >/dev/null 2>&1; then
    chown redis:redis "${auth}"
fi

exec docker-entrypoint.sh redis-server "/usr/local/etc/redis/${variant}" \
    --include /usr/local/etc/redis/tls.conf --include "${auth}" "$@"
