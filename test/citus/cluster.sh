# test/citus/cluster.sh: a throwaway Citus cluster on this machine, sourced
# by test/citus/run.sh (the suite) and test/bench/citus.sh (the benchmark).
#
#   citus_cluster_up CACHE DB SHARDS WORKERS
#       starts a coordinator and two workers (w1, w2) on free localhost
#       ports, from the staged pg_arabic ($STAGE) plus the Citus build in
#       CACHE (test/citus/build.sh), with pg_arabic preloaded after citus;
#       creates DB with Citus on each node, and makes the coordinator and
#       the first WORKERS workers (1 or 2) members.  Sets BASE, PORT_coord,
#       PORT_w1, PORT_w2 and the helpers as_pg (run as the servers' user)
#       and q PORT DB SQL.  On any exit, every server stops and BASE goes.
# Needs BINDIR and PG_CONFIG.

citus_cluster_down() {
	for n in coord w1 w2; do
		[ -f "$BASE/$n/postmaster.pid" ] && as_pg "$BINDIR/pg_ctl" -D "$BASE/$n" -m immediate -w stop >/dev/null 2>&1
	done
	rm -rf "$BASE"
}

as_pg() { "$@"; }
if [ "$(id -u)" = 0 ]; then
	as_pg() { runuser -u postgres -- "$@"; }
fi
q() { as_pg "$BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -p "$1" -d "$2" -c "$3"; }

# A free port: nothing listens on it now (a race with another starter is
# caught by pg_ctl failing, and then another port is tried).
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

citus_start_node() {
	local n=$1 shards=$2 tries=0 p
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
shared_buffers = ${CITUS_SHARED_BUFFERS:-32MB}
work_mem = ${CITUS_WORK_MEM:-4MB}
max_worker_processes = 16
max_parallel_workers_per_gather = 0
jit = off
citus.shard_count = $shards
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
	echo "citus: no free port found"
	return 1
}

citus_cluster_up() {
	local cache=$1 db=$2 shards=$3 workers=$4 n p
	# One folder for everything: the combined stage (pg_arabic + Citus, for
	# extension_destdir), the three data folders, sockets and logs.
	BASE=$(mktemp -d "${STAGE_BASE:-/tmp}/pg_arabic_citus.XXXXXX")
	trap 'citus_cluster_down' EXIT
	trap 'exit 130' INT TERM
	chmod 755 "$BASE"
	mkdir -p "$BASE/stage"
	cp -a "$STAGE/." "$BASE/stage/"
	cp -a "$cache/root/." "$BASE/stage/"
	chmod -R a+rX "$BASE/stage"
	[ "$(id -u)" = 0 ] && chown -R postgres: "$BASE"
	for n in coord w1 w2; do
		citus_start_node "$n" "$shards" || { echo "citus: FAILED to start node $n"; return 1; }
	done
	for n in coord w1 w2; do
		eval "p=\$PORT_$n"
		q "$p" postgres "CREATE DATABASE $db TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'" >/dev/null &&
			q "$p" "$db" "SET client_min_messages = warning; CREATE EXTENSION citus" >/dev/null ||
			{ echo "citus: FAILED to prepare node $n"; return 1; }
	done
	q "$PORT_coord" "$db" "SELECT citus_set_coordinator_host('127.0.0.1', $PORT_coord); SELECT citus_add_node('127.0.0.1', $PORT_w1)" >/dev/null ||
		{ echo "citus: FAILED to add worker 1"; return 1; }
	if [ "$workers" = 2 ]; then
		q "$PORT_coord" "$db" "SELECT citus_add_node('127.0.0.1', $PORT_w2)" >/dev/null ||
			{ echo "citus: FAILED to add worker 2"; return 1; }
	fi
}
