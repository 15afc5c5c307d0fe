#!/bin/sh
# test/demo.sh: runs inside pg_virtualenv (see "make demo").  Creates a UTF8
# database from template0, installs pg_arabic, loads the sample corpus quietly,
# then runs test/demo/demo.sql echoing each query before its result (-e),
# without command tags (-q).  Drops its database again when it ends.
set -eu
cd "$(dirname "$0")/.."
export PGCLIENTENCODING=UTF8
db=pg_arabic_demo
dropdb --if-exists "$db" >/dev/null 2>&1 || true
createdb --encoding=UTF8 --template=template0 "$db"
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c 'CREATE EXTENSION pg_arabic'
echo "loading test/data/sample_corpus.sql ..."
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -f test/data/sample_corpus.sql >/dev/null
echo
trap 'dropdb --if-exists "$db" >/dev/null 2>&1' EXIT
psql -X -q -e -v ON_ERROR_STOP=1 -P pager=off -d "$db" -f test/demo/demo.sql
