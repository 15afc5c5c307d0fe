-- test/bench/linear.sql: time and memory of arabic_normalize(v, 'search')
-- on one value of each size in :sizes (MB = 10^6 bytes), on the fast path
-- (a real paragraph repeated) and on the ICU path (its slow-path variant,
-- as in setup.sql, repeated).  The values are built into a temporary table
-- first, so their construction is not timed; the detoast of the stored
-- value is measured separately as length(v) and subtracted.  The table is
-- UNLOGGED rather than TEMP so that run.sh can measure the memory of each
-- query in a fresh backend (bench_peak_kb), where glibc has not yet kept
-- freed memory from earlier runs; linear_report.sql prints the results.
\set ON_ERROR_STOP on
SET client_min_messages = warning;

-- bench_peak_kb(q): the peak memory of one query (see measure.sql)
\ir measure.sql

CREATE TEMP TABLE lin_src AS
SELECT body AS fast,
       'ﻋﺎﺟـــﻞ: ' || replace(replace(body, 'لا', 'ﻻ'), 'ة ', 'ةٌ ') AS icu
FROM bench_news
WHERE NOT slow AND octet_length(body) BETWEEN 600 AND 1500
  AND body IS NFC NORMALIZED AND body IS NFKC NORMALIZED
  AND body !~ '[\uFB50-\uFDFF\uFE70-\uFEFF]'
ORDER BY id LIMIT 1;

-- Each value is the paragraph and a space repeated until it reaches mb MB
-- (it ends up to one paragraph longer; per-MB figures use its real size).
CREATE UNLOGGED TABLE lin (path text, mb int, v text);
INSERT INTO lin
SELECT p.path, s.mb,
       repeat(p.x || ' ', ceil(s.mb * 1e6 / (octet_length(p.x) + 1))::int)
FROM lin_src,
     LATERAL (VALUES ('fast', fast), ('icu', icu)) AS p(path, x),
     unnest(:'sizes'::int[]) AS s(mb);

CREATE TABLE lin_t (path text, mb int, what text, ms double precision);
CREATE TABLE lin_m (path text, mb int, what text, kb bigint);

DO $$
DECLARE
    l record;
    base text;
    norm text;
BEGIN
    FOR l IN SELECT path, mb FROM lin ORDER BY mb, path LOOP
        base := format('SELECT length(v) FROM lin WHERE path = %L AND mb = %s', l.path, l.mb);
        norm := format('SELECT length(arabic_normalize(v, ''search'')) FROM lin WHERE path = %L AND mb = %s', l.path, l.mb);
        PERFORM bench_ms(norm);     -- warm up
        FOR r IN 1..3 LOOP
            INSERT INTO lin_t VALUES (l.path, l.mb, 'base', bench_ms(base)),
                                     (l.path, l.mb, 'norm', bench_ms(norm));
        END LOOP;
    END LOOP;
END
$$;

-- the queries run.sh times for memory, one fresh backend each
CREATE VIEW lin_q AS
SELECT path, mb, w.what, w.q
FROM lin, LATERAL (VALUES
    ('base', format('SELECT length(v) FROM lin WHERE path = %L AND mb = %s', path, mb)),
    ('norm', format('SELECT length(arabic_normalize(v, ''search'')) FROM lin WHERE path = %L AND mb = %s', path, mb))) AS w(what, q);
