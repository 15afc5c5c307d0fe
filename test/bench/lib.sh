# test/bench/lib.sh: set-up shared by the benchmark scripts, sourced once
# they have set $db (the benchmark database's name).
#   psql_db, psql_admin   psql on $db or on postgres, stopping at the first error
#   bench_begin PREFIX    makes the scratch directory $tmp; on any exit the
#                         database is dropped (once bench_createdb made it)
#                         and $tmp removed; Ctrl-C exits 130
#   bench_createdb        (re)creates $db: UTF-8, locale C.UTF-8

psql_db() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }
psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -d postgres "$@"; }

bench_cleanup() {
	rc=$?
	if [ "$db_created" = 1 ]; then
		psql_admin -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
	fi
	rm -rf "$tmp"
	exit $rc
}

bench_begin() {
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")
	db_created=0
	trap bench_cleanup EXIT
	trap 'exit 130' INT TERM
}

bench_createdb() {
	psql_admin -c "DROP DATABASE IF EXISTS $db" >/dev/null
	psql_admin -c "CREATE DATABASE $db ENCODING 'UTF8' TEMPLATE template0 LOCALE 'C.UTF-8'" >/dev/null
	db_created=1
}
