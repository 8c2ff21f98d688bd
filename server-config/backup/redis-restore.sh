#!/usr/bin/env bash
# Restores a backup of redis-backup.sh into a Redis data directory, after checking its SHA256SUMS: the snapshot
# (dump.rdb), and with -a the AOF directory too. Redis must be stopped first: a running Redis would overwrite the
# files with its own at its next snapshot or shutdown. The drill (docs/deployment.md):
#   1. stop Redis (docker compose stop redis)
#   2. redis-restore.sh -b BACKUP -d DATA_DIR   (the volume's directory, or a new empty one)
#   3. start Redis on DATA_DIR. With AOF on, Redis loads the AOF, not the snapshot: restore without -a into a
#      directory without appendonlydir, start with --appendonly no, then CONFIG SET appendonly yes (Redis writes
#      the AOF from what it loaded) and set appendonly yes in its configuration again.
set -euo pipefail

usage() {
    cat >&2 <<USAGE
usage: $0 -b BACKUP -d DATA_DIR [-a] [-f]
  -b  a backup directory of redis-backup.sh (redis-<UTC time>/, with dump.rdb and SHA256SUMS)
  -d  the data directory of the stopped Redis (made when missing)
  -a  also restore the AOF directory (appendonlydir), when the backup has one
  -f  replace a dump.rdb or appendonlydir already in DATA_DIR (they are moved aside, not deleted)
USAGE
}

backup=""
data_dir=""
with_aof=false
force=false
while getopts ":b:d:af" option; do
    case "${option}" in
        b) backup=${OPTARG} ;;
        d) data_dir=${OPTARG} ;;
        a) with_aof=true ;;
        f) force=true ;;
        *) usage; exit 2 ;;
    esac
done
if [[ -z ${backup} || -z ${data_dir} ]]; then
    usage
    exit 2
fi
if [[ ! -f ${backup}/dump.rdb || ! -f ${backup}/SHA256SUMS ]]; then
    echo "redis-restore: ${backup} is not a backup of redis-backup.sh (no dump.rdb and SHA256SUMS)" >&2
    exit 2
fi

# Every file as it was backed up, or nothing is restored
if ! check=$(cd "${backup}" && sha256sum --check --strict SHA256SUMS 2>&1); then
    echo "redis-restore: checksum mismatch in ${backup}, nothing restored:" >&2
    echo "${check}" | grep -v ': OK$' >&2
    exit 5
fi

mkdir -p "${data_dir}"
if [[ -e ${data_dir}/dump.rdb || -e ${data_dir}/appendonlydir ]]; then
    if [[ ${force} != true ]]; then
        echo "redis-restore: ${data_dir} already holds Redis files; -f moves them aside and restores" >&2
        exit 6
    fi
    aside="${data_dir}/before-restore-$(date -u +%Y%m%dT%H%M%SZ)"
    mkdir -p "${aside}"
    for file in dump.rdb appendonlydir; do
        if [[ -e ${data_dir}/${file} ]]; then
            mv "${data_dir}/${file}" "${aside}/"
        fi
    done
    echo "redis-restore: what was in ${data_dir} is now in ${aside}"
fi

cp -p "${backup}/dump.rdb" "${data_dir}/dump.rdb"
if [[ ${with_aof} == true ]]; then
    if [[ ! -d ${backup}/appendonlydir ]]; then
        echo "redis-restore: ${backup} has no appendonlydir (Redis ran without AOF)" >&2
        exit 2
    fi
    cp -pr "${backup}/appendonlydir" "${data_dir}/appendonlydir"
fi
echo "redis-restore: ${backup} checked (SHA256SUMS) and restored into ${data_dir}; start Redis on it now"
