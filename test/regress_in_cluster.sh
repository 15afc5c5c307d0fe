#!/bin/bash
# test/regress_in_cluster.sh: runs inside pg_virtualenv (PGHOST, PGPORT, PGUSER,
# PGPASSWORD, PGDATABASE point at the throwaway cluster).
#  1. proves that CREATE EXTENSION maps the staged module ($EXPECTED_SO), not
#     some system copy;
#  2. runs "make installcheck" (pg_regress over sql/*.sql);
#  3. runs the TAP scripts test/t/*.pl, if any, against the same cluster: they
#     reach it through the libpq variables above (psql, or DBI if they bring it)
#     and find the staging install in $STAGE, fixtures in $PG_ARABIC_SHARED.
set -u -o pipefail
db=pg_arabic_stage_check
createdb --encoding=UTF8 --template=template0 "$db" || { echo "stage-check: FAILED (createdb)"; exit 1; }
# Creating the C functions loads the module (the validator resolves symbols);
# the backend's own memory map then names the file it loaded.
mapped=$(psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" <<'SQL'
CREATE EXTENSION pg_arabic;
SELECT regexp_replace(l, '^.* ', '')
  FROM regexp_split_to_table(pg_read_file('/proc/self/maps'), E'\n') AS l
 WHERE l LIKE '%/pg_arabic.so' LIMIT 1;
SQL
)
dropdb "$db"
if [ "$mapped" = "$EXPECTED_SO" ]; then
	echo "stage-check: ok, the backend loaded $mapped"
else
	echo "stage-check: FAILED, expected $EXPECTED_SO, the backend loaded '${mapped:-nothing}'"
	exit 1
fi

status=0
${M:-make --no-print-directory} installcheck || status=1

shopt -s nullglob
tap=(test/t/*.pl)
if [ ${#tap[@]} -gt 0 ]; then
	echo
	echo "== TAP tests (test/t)"
	sh test/run_tap.sh tap "${tap[@]}" || status=1
fi
exit "$status"
