#!/bin/sh
# The one-shot job of docker-compose.mongo-replica-set.yml: makes the three members one replica set (rs.initiate)
# and does nothing when they already are one (a second `up`). mongo, listed first with a higher priority, becomes
# the primary. The root password goes from the secret into mongosh's environment, never onto a command line.
#   MONGO_REPLICA_SET  the set's name (rs0); MONGO_MEMBERS  the members' names, space-separated
set -eu

ROOT_USERNAME=${MONGO_ROOT_USERNAME:-root}
ROOT_PASSWORD=$(cat "${MONGO_ROOT_PASSWORD_FILE:-/run/secrets/mongo_root_password}")
REPLICA_SET=${MONGO_REPLICA_SET:-rs0}
MEMBERS=${MONGO_MEMBERS:?name the members}
export ROOT_USERNAME ROOT_PASSWORD REPLICA_SET MEMBERS

exec mongosh --nodb --quiet --eval '
const [first] = process.env.MEMBERS.split(" ");
const credentials = encodeURIComponent(process.env.ROOT_USERNAME) + ":" + encodeURIComponent(process.env.ROOT_PASSWORD);
const admin = connect("mongodb://" + credentials + "@" + first + ":27017/admin?tls=true&tlsCAFile=/tls/ca.crt&directConnection=true");
try {
    const status = admin.adminCommand({ replSetGetStatus: 1 });
    if (status.ok) {
        print("mongo-replica-set-initiate: " + process.env.REPLICA_SET + " exists: " + status.members.map(m => m.name + " " + m.stateStr).join(", "));
        quit(0);
    }
} catch (e) {
    if (!String(e).includes("no replset config")) { throw e; }
}
const members = process.env.MEMBERS.split(" ").map((name, i) => ({ _id: i, host: name + ":27017", priority: i === 0 ? 2 : 1 }));
printjson(admin.adminCommand({ replSetInitiate: { _id: process.env.REPLICA_SET, members: members } }));
'
