-- test/bench/linear_report.sql: prints the results of linear.sql and of
-- run.sh's memory measurements, one line per path and size:
--   path|MB|length ms|normalize ms|net ms|net ms/MB|raw ms/MB|peak extra MB|peak/input
\pset format unaligned
\pset tuples_only on
WITH t AS (
    SELECT path, mb, (SELECT octet_length(v) / 1e6 FROM lin
                      WHERE lin.path = lin_t.path AND lin.mb = lin_t.mb) AS real_mb,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) FILTER (WHERE what = 'base') AS base,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) FILTER (WHERE what = 'norm') AS norm
    FROM lin_t GROUP BY path, mb
), m AS (
    SELECT path, mb, max(kb) FILTER (WHERE what = 'norm') AS kb
    FROM lin_m GROUP BY path, mb
)
SELECT t.path, t.mb, round(base::numeric, 1), round(norm::numeric, 1),
       round((norm - base)::numeric, 1),
       round(((norm - base) / real_mb)::numeric, 2),
       round((norm / real_mb)::numeric, 2),
       coalesce(round(m.kb / 1024.0, 1)::text, 'n/a'),
       coalesce(round(m.kb * 1024.0 / (real_mb * 1e6), 2)::text, 'n/a')
FROM t LEFT JOIN m USING (path, mb)
ORDER BY t.path, t.mb;
