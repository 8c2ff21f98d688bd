#!/bin/sh
# The application images' entrypoint (docker/Dockerfile for Payara Micro, docker/Dockerfile.liberty for
# OpenLiberty): the *_FILE convention of the official database images, for an application that reads its settings
# from the environment (MicroProfile Config; Liberty's session store reads REDIS_PASSWORD the same way). For every
# variable NAME_FILE naming a file (a Docker secret under /run/secrets), NAME is set to the file's content, e.g.
# REDIS_PASSWORD_FILE=/run/secrets/redis_password gives redis.password. Then the arguments run as the command: the
# server's own start, which each image puts first (its ENTRYPOINT), followed by its CMD or a compose file's command:
#   Payara Micro: /bin/sh /opt/payara/entrypoint.sh --deploy ...
#   OpenLiberty:  /opt/ol/helpers/runtime/docker-server.sh /opt/ol/wlp/bin/server run defaultServer
#
# Why not Payara's directory config source (set-config-dir /run/secrets): its ordinal is 90, below the
# application's microprofile-config.properties (100), whose empty defaults (redis.password=) would hide the files.
set -eu

case "${1:-}" in
    "" | -*)
        # arguments alone (an entrypoint of an older compose file that named this script with Payara's options)
        echo "app-entrypoint: the server's start command must come first, e.g. /bin/sh /opt/payara/entrypoint.sh --deploy ..." >&2
        exit 64
        ;;
esac

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

exec "$@"
