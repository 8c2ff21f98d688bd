#!/usr/bin/env bash
# Backs up the tracker's MongoDB database with mongodump: one gzipped archive per run (mongodump --archive --gzip,
# consistent per collection; with --oplog on a replica set, consistent as a whole) with its SHA256 in a .sha256
# file, then deletes archives older than the retention. The password comes from a file and reaches mongodump through
# a private --config file, never its command line (ps would show it).
set -euo pipefail

usage() {
    cat >&2 <<USAGE
usage: $0 -o BACKUP_DIR [-u URI] [-n DATABASE] [-k DAYS] [--oplog]
  -o  where the archives go (issuetracker-<UTC time>.archive.gz and .sha256)
  -u  the MongoDB URI without credentials (MONGODB_URI; mongodb://127.0.0.1:27017/?authSource=admin)
      e.g. mongodb://mongo:27017/?tls=true&tlsCAFile=/tls/ca.crt&authSource=admin
  -n  the database (MONGODB_DATABASE; issuetracker)
  -k  keep archives for this many days (BACKUP_RETENTION_DAYS; 14)
  --oplog  a point-in-time archive of a replica set member (the whole instance, not one database)
environment: MONGODB_USERNAME and MONGODB_PASSWORD_FILE (a file holding the password); a user with the backup
role, or root, for --oplog; readWrite on the database is enough for one database
USAGE
}

uri=${MONGODB_URI:-mongodb://127.0.0.1:27017/?authSource=admin}
database=${MONGODB_DATABASE:-issuetracker}
keep_days=${BACKUP_RETENTION_DAYS:-14}
backup_dir=""
oplog=false
while [[ $# -gt 0 ]]; do
    case "$1" in
        -o) backup_dir=${2:?}; shift 2 ;;
        -u) uri=${2:?}; shift 2 ;;
        -n) database=${2:?}; shift 2 ;;
        -k) keep_days=${2:?}; shift 2 ;;
        --oplog) oplog=true; shift ;;
        -h | --help) usage; exit 0 ;;
        *) usage; exit 2 ;;
    esac
done
if [[ -z ${backup_dir} ]]; then
    usage
    exit 2
fi
command -v mongodump >/dev/null || { echo "mongo-backup: mongodump not found (MongoDB Database Tools)" >&2; exit 2; }

mkdir -p "${backup_dir}"
config=$(mktemp)
trap 'rm -f "${config}"' EXIT
chmod 600 "${config}"
{
    printf 'uri: "%s"\n' "${uri}"
    if [[ -n ${MONGODB_USERNAME:-} ]]; then
        printf 'username: "%s"\n' "${MONGODB_USERNAME}"
        # the file's content, quoted for YAML
        printf 'password: "%s"\n' "$(sed 's/["\\]/\\&/g' "${MONGODB_PASSWORD_FILE:?MONGODB_PASSWORD_FILE names the password file}")"
    fi
} >"${config}"

archive="${backup_dir}/issuetracker-$(date -u +%Y%m%dT%H%M%SZ).archive.gz"
scope=(--db "${database}")
if [[ ${oplog} == true ]]; then
    scope=(--oplog)
fi
if ! mongodump --config "${config}" "${scope[@]}" --archive="${archive}" --gzip; then
    rm -f "${archive}"
    echo "mongo-backup: mongodump failed; nothing kept" >&2
    exit 1
fi
(cd "${backup_dir}" && sha256sum "$(basename "${archive}")" >"$(basename "${archive}").sha256")

find "${backup_dir}" -maxdepth 1 -type f -name 'issuetracker-*.archive.gz*' -mtime "+$((keep_days - 1))" -delete
echo "mongo-backup: ${archive} ($(du -h "${archive}" | cut -f1))"
