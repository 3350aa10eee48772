#!/bin/bash
# First start: a cluster owned by POSTGRES_USER (SCRAM password), the POSTGRES_DB database, and
# password logins from the network. Then PostgreSQL itself, as the postgres user, as PID 1.
set -euo pipefail
: "${POSTGRES_USER:=postgres}" "${POSTGRES_DB:=$POSTGRES_USER}"
: "${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}"
as_postgres() { setpriv --reuid=postgres --regid=postgres --init-groups "$@"; }
mkdir -p "$PGDATA" /run/postgresql
chown postgres:postgres "$PGDATA" /run/postgresql
chmod 700 "$PGDATA"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  password_file=$(mktemp)
  printf '%s\n' "$POSTGRES_PASSWORD" >"$password_file"
  chown postgres "$password_file"
  as_postgres initdb -D "$PGDATA" -U "$POSTGRES_USER" --pwfile="$password_file" \
    --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$password_file"
  echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
  # The set-up server listens on a private socket only: pg_isready (the healthcheck) must not
  # report it ready and then see it stop.
  setup_socket=$(mktemp -d)
  chown postgres "$setup_socket"
  as_postgres pg_ctl -D "$PGDATA" -w start \
    -o "-c listen_addresses='' -c unix_socket_directories=$setup_socket" >/dev/null
  if [ "$POSTGRES_DB" != postgres ]; then
    as_postgres psql -q -v ON_ERROR_STOP=1 -h "$setup_socket" -U "$POSTGRES_USER" -d postgres \
      -c "create database \"$POSTGRES_DB\""
  fi
  as_postgres pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
  rm -rf "$setup_socket"
fi
exec setpriv --reuid=postgres --regid=postgres --init-groups postgres -D "$PGDATA" -c listen_addresses='*'
