#!/bin/bash
# test/citus/run.sh: the Citus suite of "make test".  Builds Citus once into a
# cache (test/citus/build.sh), starts a coordinator and two workers on free
# localhost ports from a staged pg_arabic plus the cached Citus, runs the
# pg_regress tests of test/citus/schedule against the coordinator, and stops
# and removes every server and folder it started, also on failure or interrupt.
#
# Prints "citus: skipped, ..." and exits 0 when the Citus archive is absent.
# Expects STAGE (the staged pg_arabic install) and PG_CONFIG; as root the
# servers run as the postgres user.
set -u -o pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
: "${STAGE:?STAGE must be set (run through make test)}"
BINDIR=$("$PG_CONFIG" --bindir)
PGXS_DIR=$(dirname "$(dirname "$(dirname "$("$PG_CONFIG" --pgxs)")")")
PG_REGRESS=$PGXS_DIR/src/test/regress/pg_regress

t0=$(date +%s)
cache=$(bash test/citus/build.sh)
rc=$?
if [ "$rc" -eq 3 ]; then
	echo "citus: skipped, no Citus archive (../shared/deps/citus-13.2.2.tar.gz); the Citus suite did not run"
	exit 0
elif [ "$rc" -ne 0 ] || [ -z "$cache" ]; then
	echo "citus: FAILED to build Citus (status $rc)"
	exit 1
fi
t1=$(date +%s)
echo "citus: Citus 13.2.2 from $cache ($(cat "$cache/done"); this run: $((t1 - t0)) s)"

# One folder for everything: the combined stage (pg_arabic + Citus, for
# extension_destdir), the three data folders, sockets and logs.
BASE=$(mktemp -d "${STAGE_BASE:-/tmp}/pg_arabic_citus.XXXXXX")
as_pg() { "$@"; }
if [ "$(id -u)" = 0 ]; then
	chown postgres: "$BASE"
	as_pg() { runuser -u postgres -- "$@"; }
fi
chmod 755 "$BASE"
NODES="coord w1 w2"
stop_all() {
	for n in $NODES; do
		[ -f "$BASE/$n/postmaster.pid" ] && as_pg "$BINDIR/pg_ctl" -D "$BASE/$n" -m immediate -w stop >/dev/null 2>&1
	done
	rm -rf "$BASE"
}
trap 'stop_all' EXIT
trap 'exit 130' INT TERM

mkdir -p "$BASE/stage"
cp -a "$STAGE/." "$BASE/stage/"
cp -a "$cache/root/." "$BASE/stage/"
chmod -R a+rX "$BASE/stage"
[ "$(id -u)" = 0 ] && chown -R postgres: "$BASE/stage"

# A free port: nothing listens on it now (a race with another starter is
# caught by pg_ctl failing, and then the next port is tried).
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
start_node() {
	local n=$1 tries=0 p
	as_pg "$BINDIR/initdb" -D "$BASE/$n" -E UTF8 --no-locale -A trust -U postgres >"$BASE/initdb_$n.log" 2>&1 ||
		{ cat "$BASE/initdb_$n.log"; return 1; }
	while [ $tries -lt 20 ]; do
		p=$((20000 + RANDOM % 30000))
		tries=$((tries + 1))
		port_free "$p" || continue
		cat >"$BASE/$n/postgresql.auto.conf" <<CONF
port = $p
listen_addresses = '127.0.0.1'
unix_socket_directories = '$BASE'
shared_preload_libraries = 'citus,pg_arabic'
extension_destdir = '$BASE/stage'
dynamic_library_path = '$BASE/stage$("$PG_CONFIG" --pkglibdir):\$libdir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 60
shared_buffers = 32MB
max_worker_processes = 16
citus.shard_count = 8
# pg_available_extensions does not look in extension_destdir, where Citus is
citus.enable_version_checks = off
log_min_messages = warning
CONF
		if as_pg "$BINDIR/pg_ctl" -D "$BASE/$n" -l "$BASE/$n.log" -w -t 60 start >/dev/null 2>&1; then
			eval "PORT_$n=$p"
			return 0
		fi
		grep -q 'already in use' "$BASE/$n.log" 2>/dev/null || { tail -n 20 "$BASE/$n.log"; return 1; }
	done
	echo "citus: no free port found"; return 1
}
for n in $NODES; do
	start_node "$n" || { echo "citus: FAILED to start node $n"; exit 1; }
done
q() { as_pg "$BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -p "$1" -d "$2" -c "$3"; }
# The test database on each node, with Citus; the coordinator knows worker 1
# now, and the suite adds worker 2 itself (a node added after pg_arabic).
for n in $NODES; do
	eval "p=\$PORT_$n"
	q "$p" postgres "CREATE DATABASE regression TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'" >/dev/null &&
		q "$p" regression "SET client_min_messages = warning; CREATE EXTENSION citus" >/dev/null ||
		{ echo "citus: FAILED to prepare node $n"; exit 1; }
done
q "$PORT_coord" regression "SELECT citus_set_coordinator_host('127.0.0.1', $PORT_coord); SELECT citus_add_node('127.0.0.1', $PORT_w1)" >/dev/null ||
	{ echo "citus: FAILED to add worker 1"; exit 1; }
t2=$(date +%s)
echo "citus: coordinator and two workers up in $((t2 - t1)) s"

export PG_ARABIC_CITUS_W2_PORT=$PORT_w2
export PG_ARABIC_SHARED=${PG_ARABIC_SHARED:-}
# The servers' user may not enter the checkout: the suite runs from a copy.
mkdir -p "$BASE/out" "$BASE/suite"
cp -r test/citus/sql test/citus/expected test/citus/schedule test/data/sample_corpus.sql "$BASE/suite/"
[ "$(id -u)" = 0 ] && chown -R postgres: "$BASE/out" "$BASE/suite"
as_pg env PG_ARABIC_CITUS_W2_PORT="$PORT_w2" PG_ARABIC_SHARED="${PG_ARABIC_SHARED:-}" \
	PG_ARABIC_CITUS_CORPUS="$BASE/suite/sample_corpus.sql" \
	"$PG_REGRESS" --use-existing --host=127.0.0.1 --port="$PORT_coord" --user=postgres \
	--dbname=regression --inputdir="$BASE/suite" --outputdir="$BASE/out" \
	--schedule="$BASE/suite/schedule" --bindir="$BINDIR"
rc=$?
# results/ beside the inputs, for reading (never copied into expected/ unread)
rm -rf test/citus/results
cp -r "$BASE/out/results" test/citus/results 2>/dev/null
if [ -s "$BASE/out/regression.diffs" ]; then
	rm -rf "$ROOT/test/citus/regression.diffs"
	cp "$BASE/out/regression.diffs" "$ROOT/test/citus/regression.diffs"
	echo "citus: differences in $ROOT/test/citus/regression.diffs (first 150 lines):"
	head -n 150 "$BASE/out/regression.diffs"
fi
echo "citus: suite ran in $(( $(date +%s) - t2 )) s; Citus part $(( $(date +%s) - t0 )) s in all"
exit $rc
