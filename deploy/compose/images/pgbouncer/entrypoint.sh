#!/bin/bash
# Writes pgbouncer.ini and the auth file from the environment into the container's /run/pgbouncer
# (the auth file readable by the postgres user only; never in the image), then runs PgBouncer as
# the postgres user (it refuses root).
set -euo pipefail
: "${DB_HOST:?set DB_HOST}" "${DB_USER:?set DB_USER}" "${DB_PASSWORD:?set DB_PASSWORD}"
dir=/run/pgbouncer
mkdir -p "$dir"
printf '"%s" "%s"\n' "$DB_USER" "$DB_PASSWORD" >"$dir/userlist.txt"
cat >"$dir/pgbouncer.ini" <<INI
[databases]
* = host=${DB_HOST} port=${DB_PORT:-5432}
[pgbouncer]
listen_addr = *
listen_port = ${LISTEN_PORT:-6432}
unix_socket_dir =
auth_type = ${AUTH_TYPE:-scram-sha-256}
auth_file = ${dir}/userlist.txt
pool_mode = ${POOL_MODE:-transaction}
max_client_conn = ${MAX_CLIENT_CONN:-1000}
default_pool_size = ${DEFAULT_POOL_SIZE:-20}
server_reset_query =
ignore_startup_parameters = extra_float_digits
INI
chown -R postgres:postgres "$dir"
chmod 600 "$dir/userlist.txt"
exec setpriv --reuid=postgres --regid=postgres --init-groups pgbouncer "$dir/pgbouncer.ini"
