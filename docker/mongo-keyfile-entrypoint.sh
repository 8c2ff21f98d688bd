#!/bin/sh
# For replica set members: mongod refuses a keyfile that others may read, and a Docker secret keeps the host file's
# owner and mode. A private copy for the mongodb user, then the image's own entrypoint with the arguments.
set -eu
keyfile=${MONGO_KEYFILE_FILE:-/run/secrets/mongo_keyfile}
if [ ! -s "${keyfile}" ]; then
    echo "No replica set keyfile in ${keyfile} (docker/make-dev-certs.sh makes one for a trial)" >&2
    exit 64
fi
install -m 400 -o mongodb -g mongodb "${keyfile}" /tmp/mongo-keyfile
exec docker-entrypoint.sh "$@"
