#!/usr/bin/env bash
# Backs up a running Redis: BGSAVE, waits until LASTSAVE moves past the time before it (a snapshot that finished,
# not one that was already there), copies the snapshot (and the AOF directory when AOF is on) into a new
# directory redis-<UTC time>/ under the backup directory with SHA256SUMS, then deletes backups older than the
# retention. The cache can always be rebuilt from MongoDB: a backup saves a warm start, not data.
set -euo pipefail

usage() {
    cat >&2 <<USAGE
usage: $0 -d DATA_DIR -o BACKUP_DIR [-h HOST] [-p PORT] [-k DAYS] [-t SECONDS]
  -d  where this script sees the Redis data directory (dump.rdb, appendonlydir); inside a container /data,
      on the host the volume's directory (docker volume inspect)
  -o  where the backups go (one redis-<UTC time>/ directory each)
  -h, -p  Redis' address (REDIS_HOST, REDIS_PORT; 127.0.0.1:6379)
  -k  keep backups for this many days (BACKUP_RETENTION_DAYS; 7)
  -t  give up when the snapshot takes longer (BGSAVE_TIMEOUT; 300 s)
environment: REDIS_PASSWORD_FILE (a file holding the password) or REDISCLI_AUTH; REDIS_USERNAME (the ACL user,
  issuetracker; empty: the default user, for a Redis without ACL users); REDIS_TLS_CA (a CA file: TLS)
USAGE
}

host=${REDIS_HOST:-127.0.0.1}
port=${REDIS_PORT:-6379}
keep_days=${BACKUP_RETENTION_DAYS:-7}
timeout=${BGSAVE_TIMEOUT:-300}
data_dir=""
backup_dir=""
while getopts ":d:o:h:p:k:t:" option; do
    case "${option}" in
        d) data_dir=${OPTARG} ;;
        o) backup_dir=${OPTARG} ;;
        h) host=${OPTARG} ;;
        p) port=${OPTARG} ;;
        k) keep_days=${OPTARG} ;;
        t) timeout=${OPTARG} ;;
        *) usage; exit 2 ;;
    esac
done
if [[ -z ${data_dir} || -z ${backup_dir} ]]; then
    usage
    exit 2
fi
if [[ ! -d ${data_dir} ]]; then
    echo "redis-backup: no data directory ${data_dir}" >&2
    exit 2
fi

# The password through REDISCLI_AUTH, never -a (ps would show it)
if [[ -n ${REDIS_PASSWORD_FILE:-} ]]; then
    REDISCLI_AUTH=$(<"${REDIS_PASSWORD_FILE}")
    export REDISCLI_AUTH
fi
cli=(redis-cli -h "${host}" -p "${port}")
# The shipped configurations turn the default user off: the application's user may BGSAVE, LASTSAVE and CONFIG GET
username=${REDIS_USERNAME-issuetracker}
if [[ -n ${username} ]]; then
    cli+=(--user "${username}")
fi
if [[ -n ${REDIS_TLS_CA:-} ]]; then
    cli+=(--tls --cacert "${REDIS_TLS_CA}")
fi

# redis-cli answers 0 even when Redis refused it: read what it said
redis() {
    local reply
    reply=$("${cli[@]}" "$@" 2>&1) || {
        echo "redis-backup: redis-cli $1 failed: ${reply}" >&2
        exit 1
    }
    case "${reply}" in
        *WRONGPASS* | *"AUTH failed"* | *NOPERM*)
            echo "redis-backup: Redis at ${host}:${port} refused the password (${reply//$'\n'/ })" >&2
            exit 3
            ;;
        *NOAUTH*)
            echo "redis-backup: Redis at ${host}:${port} wants a password (set REDIS_PASSWORD_FILE)" >&2
            exit 3
            ;;
        ERR* | *"Could not connect"*)
            echo "redis-backup: $1: ${reply}" >&2
            exit 1
            ;;
    esac
    printf '%s\n' "${reply}"
}

config() {
    redis CONFIG GET "$1" | sed -n 2p
}

redis PING >/dev/null
before=$(redis LASTSAVE)
# LASTSAVE counts whole seconds: a snapshot finishing in the second of the last one would look like no change
while [[ $(redis TIME | head -n 1) -le ${before} ]]; do
    sleep 0.2
done
# A snapshot already running (Redis' own save rule, an AOF rewrite) makes BGSAVE refuse; SCHEDULE runs it after
redis BGSAVE SCHEDULE >/dev/null
deadline=$((SECONDS + timeout))
until [[ $(redis LASTSAVE) -gt ${before} ]]; do
    if ((SECONDS >= deadline)); then
        echo "redis-backup: the snapshot did not finish within ${timeout} s (LASTSAVE still ${before})" >&2
        exit 4
    fi
    sleep 1
done
if ! redis INFO persistence | grep -q '^rdb_last_bgsave_status:ok'; then
    echo "redis-backup: the snapshot failed; Redis' log says why" >&2
    exit 4
fi

target="${backup_dir}/redis-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "${target}"
dbfilename=$(config dbfilename)
cp -p "${data_dir}/${dbfilename}" "${target}/dump.rdb"
files=(dump.rdb)
if [[ $(config appendonly) == yes ]]; then
    # the AOF as it is now, for a restore to a later point than the snapshot; the snapshot alone is consistent
    aof_dir=$(config appenddirname)
    cp -pr "${data_dir}/${aof_dir}" "${target}/appendonlydir"
    while IFS= read -r file; do
        files+=("${file}")
    done < <(cd "${target}" && find appendonlydir -type f | sort)
fi
(cd "${target}" && sha256sum "${files[@]}" >SHA256SUMS)

# Retention: whole backup directories older than keep_days days
find "${backup_dir}" -mindepth 1 -maxdepth 1 -type d -name 'redis-*' -mtime "+$((keep_days - 1))" \
    -exec rm -rf {} +

echo "redis-backup: ${target} ($(du -sh "${target}" | cut -f1), snapshot of $(date -u -d "@$(redis LASTSAVE)" +%FT%TZ))"
