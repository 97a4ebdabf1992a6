#!/usr/bin/env bash
# A private PostgreSQL cluster for the integration suite: `tests/postgres.sh start` prints the connection string to
# use as CORM_TEST_POSTGRES; `tests/postgres.sh stop` stops it and removes its files. Installs Debian's postgresql
# package when missing. Runs the server as the postgres user when started as root (initdb refuses root).
set -euo pipefail
PORT="${CORM_PG_PORT:-55432}"
DIR="${CORM_PG_DIR:-/tmp/corm-postgres}"

bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

as_owner() {
    if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
start)
    if [ -z "$(bin_dir)" ] || [ ! -x "$(bin_dir)/initdb" ]; then
        echo "Installing Debian's postgresql for the integration suite on a real server..." >&2
        SUDO=""; if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
        $SUDO apt-get update -q >&2
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q postgresql >&2
    fi
    BIN="$(bin_dir)"
    if [ -f "$DIR/data/postmaster.pid" ]; then as_owner "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >&2 || true; fi
    rm -rf "$DIR"
    mkdir -p "$DIR"
    if [ "$(id -u)" = "0" ]; then chown postgres:postgres "$DIR"; fi
    as_owner "$BIN/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --no-sync >/dev/null
    # Durability off: a test database is thrown away; speed matters more than surviving a power cut.
    # A busy machine (a browser suite just ended) can take longer than pg_ctl's default minute; if it still fails, say why.
    if ! as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 300 \
        -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" start >&2; then
        echo "PostgreSQL did not start on port $PORT; its log:" >&2
        tail -n 30 "$DIR/server.log" >&2 || true
        exit 1
    fi
    echo "Host=127.0.0.1;Port=$PORT;Username=postgres"
    ;;
stop)
    BIN="$(bin_dir)"
    if [ -n "$BIN" ] && [ -f "$DIR/data/postmaster.pid" ]; then as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast stop >&2 || true; fi
    rm -rf "$DIR"
    ;;
*)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
