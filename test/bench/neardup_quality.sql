-- test/bench/neardup_quality.sql: scores and metrics for neardup_quality.sh.
--
-- Expects nd_pairs(set, id, a, b, label, kind) loaded (pairs_dev.tsv as set
-- 'dev', the make_pairs.py set as 'own').  Computes, per pair, the scores of
-- pg_arabic and pg_trgm and the flag of the operators at the settings of
-- this session, then creates the views the shell script prints:
--   nd_method  (set, id, label, kind, method, score) the four scorers, long form
--   nd_rank    AUC and best F1 (with threshold) per set and scorer
--   nd_grid    F1 per set at each (similarity, containment) threshold pair
-- A flag from the scores reproduces the C operators exactly: score > 0 and
-- score >= the threshold as float4 (passes() in src/similarity.c); nd_check
-- counts disagreements at the session's settings.

CREATE TABLE nd_scores AS
SELECT set, id, label, kind,
       arabic_similarity(a, b) AS sim,
       arabic_containment(a, b) AS cab,
       arabic_containment(b, a) AS cba,
       (a ~= b OR a <@~ b OR b <@~ a) AS flag,
       similarity(a, b)::real AS trgm,
       greatest(word_similarity(a, b), word_similarity(b, a))::real AS wtrgm,
       length(a) AS len_a, length(b) AS len_b
FROM nd_pairs;

CREATE FUNCTION nd_flag(sim real, cab real, cba real, ts float8, tc float8)
RETURNS bool LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN (sim > 0 AND sim >= ts::real) OR (cab > 0 AND cab >= tc::real)
       OR (cba > 0 AND cba >= tc::real);

CREATE VIEW nd_check AS
SELECT set, count(*) FILTER (WHERE flag IS DISTINCT FROM
         nd_flag(sim, cab, cba, current_setting('pg_arabic.similarity_threshold')::float8,
                 current_setting('pg_arabic.containment_threshold')::float8)) AS disagree
FROM nd_scores GROUP BY set;

CREATE VIEW nd_method AS
SELECT set, id, label, kind, m.ord, m.method, m.score
FROM nd_scores,
LATERAL (VALUES (1, 'arabic_similarity', sim),
                (2, 'max(arabic_similarity, arabic_containment both ways)', greatest(sim, cab, cba)),
                (3, 'pg_trgm similarity()', trgm),
                (4, 'pg_trgm word_similarity(), max of both directions', wtrgm)) AS m(ord, method, score);

-- ROC AUC (Mann-Whitney, ties count one half) and the best F1 over all
-- thresholds "score >= t"; t is reported halfway between the best cut's score
-- and the next lower score seen.
CREATE VIEW nd_rank AS
WITH r AS (
    SELECT set, ord, method, label,
           rank() OVER (PARTITION BY set, ord ORDER BY score)
             + (count(*) OVER (PARTITION BY set, ord, score) - 1) / 2.0 AS rk
    FROM nd_method
), auc AS (
    SELECT set, ord, method,
           (sum(rk) FILTER (WHERE label = 1)
              - count(*) FILTER (WHERE label = 1) * (count(*) FILTER (WHERE label = 1) + 1) / 2.0)
             / (count(*) FILTER (WHERE label = 1) * count(*) FILTER (WHERE label = 0)) AS auc
    FROM r GROUP BY set, ord, method
), g AS (
    SELECT set, ord, score, count(*) FILTER (WHERE label = 1) AS p, count(*) AS n
    FROM nd_method GROUP BY set, ord, score
), c AS (
    SELECT set, ord, score,
           lead(score) OVER w AS next_score,
           sum(p) OVER w AS tp, sum(n) OVER w AS flagged,
           sum(p) OVER (PARTITION BY set, ord) AS npos
    FROM g WINDOW w AS (PARTITION BY set, ord ORDER BY score DESC)
), best AS (
    SELECT DISTINCT ON (set, ord) set, ord, tp, flagged, npos,
           2.0 * tp / (flagged + npos) AS f1,
           (score + coalesce(next_score, 0)) / 2 AS thr
    FROM c ORDER BY set, ord, 2.0 * tp / (flagged + npos) DESC, score DESC
)
SELECT set, ord, method, auc, f1, thr, tp::float8 / flagged AS prec, tp::float8 / npos AS rec
FROM auc JOIN best USING (set, ord);

-- F1 at each threshold pair of a grid (similarity ts, containment tc).
CREATE FUNCTION nd_grid(ts_lo numeric, ts_hi numeric, ts_step numeric,
                        tc_lo numeric, tc_hi numeric, tc_step numeric)
RETURNS TABLE (set text, ts numeric, tc numeric, tp bigint, fp bigint, fn bigint, f1 float8)
LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT s.set, t.ts, c.tc,
           count(*) FILTER (WHERE f AND label = 1),
           count(*) FILTER (WHERE f AND label = 0),
           count(*) FILTER (WHERE NOT f AND label = 1),
           2.0 * count(*) FILTER (WHERE f AND label = 1)
             / nullif(count(*) FILTER (WHERE f) + count(*) FILTER (WHERE label = 1), 0)
    FROM generate_series(ts_lo, ts_hi, ts_step) AS t(ts),
         generate_series(tc_lo, tc_hi, tc_step) AS c(tc),
         LATERAL (SELECT set, label, nd_flag(sim, cab, cba, t.ts, c.tc) AS f FROM nd_scores) s
    GROUP BY s.set, t.ts, c.tc;
END;
