#!/bin/sh
# The application image's entrypoint (docker/Dockerfile): the *_FILE convention of the official database images,
# for an application that reads its settings from the environment (MicroProfile Config). For every variable
# NAME_FILE naming a file (a Docker secret under /run/secrets), NAME is set to the file's content, e.g.
# REDIS_PASSWORD_FILE=/run/secrets/redis_password gives redis.password. Then Payara Micro's own entrypoint runs
# with the arguments (the image's CMD, or a compose file's command).
#
# Why not Payara's directory config source (set-config-dir /run/secrets): its ordinal is 90, below the
# application's microprofile-config.properties (100), whose empty defaults (redis.password=) would hide the files.
set -eu

for variable in $(env | sed -n 's/^\([A-Za-z_][A-Za-z0-9_]*\)_FILE=.*/\1/p'); do
    file=$(printenv "${variable}_FILE")
    if [ ! -r "${file}" ]; then
        echo "app-entrypoint: ${variable}_FILE names ${file}, which cannot be read" >&2
        exit 64
    fi
    value=$(cat "${file}")
    export "${variable}=${value}"
    unset "${variable}_FILE"
done

exec /bin/sh /opt/payara/entrypoint.sh "$@"
