#!/bin/bash
# The application's own MongoDB user, least privilege: readWrite on the tracker's database and on its scratch
# database <name>-drill, where the application's restore drills restore and compare (docs/operations.md); no admin
# rights, no other database. Run by the mongo image once, on the first start of an empty data directory (it sources every *.sh
# in /docker-entrypoint-initdb.d after creating the root user from MONGO_INITDB_ROOT_USERNAME and
# MONGO_INITDB_ROOT_PASSWORD(_FILE)), against the temporary mongod it runs on 127.0.0.1 for that. Its password is the
# Docker secret the application reads too (MONGO_APP_PASSWORD_FILE). The user lives in the tracker's database, so the
# application authenticates there (authSource=issuetracker).
# In a replica set every member runs this on its own empty directory; the primary's users replace the others' at
# their initial sync, and they are the same anyway.

app_database=${MONGO_APP_DATABASE:-issuetracker}
app_username=${MONGO_APP_USERNAME:-issuetracker}
app_password_file=${MONGO_APP_PASSWORD_FILE:-/run/secrets/mongo_app_password}
if [[ ! -s ${app_password_file} ]]; then
    echo "create-app-user: no password in ${app_password_file}" >&2
    exit 64 # sourced: stops the container's first start, loudly
fi

# The new user's password passes through the environment of mongosh, not its command line
APP_DATABASE=${app_database} APP_USERNAME=${app_username} APP_PASSWORD=$(cat "${app_password_file}") \
    mongosh --quiet --host 127.0.0.1 --port 27017 --authenticationDatabase admin \
    --username "${MONGO_INITDB_ROOT_USERNAME}" --password "${MONGO_INITDB_ROOT_PASSWORD}" \
    --eval 'db.getSiblingDB(process.env.APP_DATABASE).createUser({
        user: process.env.APP_USERNAME,
        pwd: process.env.APP_PASSWORD,
        roles: [
            { role: "readWrite", db: process.env.APP_DATABASE },
            { role: "readWrite", db: process.env.APP_DATABASE + "-drill" }
        ]
    })'
echo "create-app-user: ${app_username} may read and write ${app_database} and ${app_database}-drill, nothing else"
