# test/bench/lib.sh: set-up shared by the benchmark scripts, sourced right
# after they set $here (their folder); $db (the benchmark database's name)
# must be set before the psql helpers run.
#   root, shared, news_xz the repository, the shared folder (PG_ARABIC_SHARED,
#                         default ../shared beside the repository), the news corpus
#   bench_need_news       exits 0 with "skipped: ..." when the news corpus is absent
#   bench_need_tools T... exits 1 naming the first command T that is missing
#   psql_db, psql_admin   psql on $db or on postgres, stopping at the first error
#   bench_begin PREFIX    makes the scratch directory $tmp; on any exit the
#                         database is dropped (once bench_createdb made it)
#                         and $tmp removed; Ctrl-C exits 130
#   bench_createdb        (re)creates $db: UTF-8, locale C.UTF-8

root=$(cd "$here/../.." && pwd)
shared=${PG_ARABIC_SHARED:-$root/../shared}
news_xz=$shared/data/news/news_paragraphs.txt.xz

bench_need_news() {
	if [ ! -f "$news_xz" ]; then
		echo "skipped: ../shared/data/news not found (looked for $news_xz; set PG_ARABIC_SHARED)"
		exit 0
	fi
}

bench_need_tools() {
	for tool; do
		command -v "$tool" >/dev/null || { echo "$(basename "$0"): $tool not found" >&2; exit 1; }
	done
}

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
