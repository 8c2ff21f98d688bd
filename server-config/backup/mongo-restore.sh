#!/usr/bin/env bash
# Restores an archive of mongo-backup.sh with mongorestore after checking its .sha256: the collections in the
# archive replace the ones in the database (--drop), nothing else is touched. Stop the application instances
# first (docker compose stop app), so that nothing writes while the collections are replaced, and start them after:
# they rebuild the indexes they need at start, and Redis (the cache) must be flushed or it serves entries of before
# the restore (redis-cli FLUSHALL, or restart Redis without its data).
set -euo pipefail

usage() {
    cat >&2 <<USAGE
usage: $0 -a ARCHIVE --yes [-u URI] [-n DATABASE]
  -a  an archive of mongo-backup.sh (issuetracker-<UTC time>.archive.gz, with its .sha256 next to it)
  -u  the MongoDB URI without credentials (MONGODB_URI; mongodb://127.0.0.1:27017/?authSource=admin)
  -n  the database to restore (MONGODB_DATABASE; issuetracker)
  --yes  the restore replaces the database's collections: say so
environment: MONGODB_USERNAME and MONGODB_PASSWORD_FILE, as for mongo-backup.sh (a user with the restore role,
or readWrite on the database)
USAGE
}

uri=${MONGODB_URI:-mongodb://127.0.0.1:27017/?authSource=admin}
database=${MONGODB_DATABASE:-issuetracker}
archive=""
confirmed=false
while [[ $# -gt 0 ]]; do
    case "$1" in
        -a) archive=${2:?}; shift 2 ;;
        -u) uri=${2:?}; shift 2 ;;
        -n) database=${2:?}; shift 2 ;;
        --yes) confirmed=true; shift ;;
        -h | --help) usage; exit 0 ;;
        *) usage; exit 2 ;;
    esac
done
if [[ -z ${archive} || ${confirmed} != true ]]; then
    usage
    exit 2
fi
if [[ ! -f ${archive} || ! -f ${archive}.sha256 ]]; then
    echo "mongo-restore: ${archive} or its .sha256 is missing" >&2
    exit 2
fi
if ! (cd "$(dirname "${archive}")" && sha256sum --check --strict --quiet "$(basename "${archive}").sha256"); then
    echo "mongo-restore: ${archive} does not match its checksum, nothing restored" >&2
    exit 5
fi
command -v mongorestore >/dev/null || { echo "mongo-restore: mongorestore not found (MongoDB Database Tools)" >&2; exit 2; }

config=$(mktemp)
trap 'rm -f "${config}"' EXIT
chmod 600 "${config}"
{
    printf 'uri: "%s"\n' "${uri}"
    if [[ -n ${MONGODB_USERNAME:-} ]]; then
        printf 'username: "%s"\n' "${MONGODB_USERNAME}"
        printf 'password: "%s"\n' "$(sed 's/["\\]/\\&/g' "${MONGODB_PASSWORD_FILE:?MONGODB_PASSWORD_FILE names the password file}")"
    fi
} >"${config}"

mongorestore --config "${config}" --archive="${archive}" --gzip --drop --nsInclude "${database}.*"
echo "mongo-restore: ${archive} restored into ${database}; flush Redis and start the application"
