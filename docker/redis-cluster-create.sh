#!/bin/sh
# The one-shot job of docker-compose.redis-cluster.yml: forms the cluster of six nodes (three primaries, each with a
# replica) once every node answers, and does nothing when the cluster is already formed (a second `up`).
#   REDIS_CLUSTER_NODES  the nodes' names on the compose network, space-separated
#   REDIS_USERNAME       the ACL user (issuetracker) whose password is the secret; the nodes' default user is off
set -eu

password_file=${REDIS_PASSWORD_FILE:-/run/secrets/redis_password}
REDISCLI_AUTH=$(cat "${password_file}")
export REDISCLI_AUTH
tls="--tls --cacert /tls/ca.crt --user ${REDIS_USERNAME:-issuetracker}"

addresses=""
for node in ${REDIS_CLUSTER_NODES:?name the nodes}; do
    tries=0
    # shellcheck disable=SC2086 # $tls is several options
    until redis-cli ${tls} -h "${node}" ping 2>/dev/null | grep -q PONG; do
        tries=$((tries + 1))
        if [ "${tries}" -ge 60 ]; then
            echo "redis-cluster-create: ${node} did not answer within 120 s" >&2
            exit 1
        fi
        sleep 2
    done
    # --cluster create wants addresses; the nodes announce their names afterwards (cluster-announce-hostname)
    address=$(getent hosts "${node}" | cut -d' ' -f1)
    addresses="${addresses} ${address}:6379"
    first=${first:-${node}}
done

# shellcheck disable=SC2086
if redis-cli ${tls} -h "${first}" cluster info | grep -q '^cluster_state:ok'; then
    echo "redis-cluster-create: the cluster is already formed"
    exit 0
fi
# shellcheck disable=SC2086 # one address per word
redis-cli ${tls} --cluster create ${addresses} --cluster-replicas 1 --cluster-yes
