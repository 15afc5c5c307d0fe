-- test/bench/setup.sql: loads the news paragraphs into the benchmark table.
--
-- Reads the decompressed paragraphs, one per line, from psql's standard
-- input (psql -f setup.sql < news_paragraphs.txt); psql variable slow_lines:
-- how many of them get a second, slow-path copy.
--
-- bench_news holds every paragraph once as is (slow = false), then the
-- first :slow_lines paragraphs again (slow = true) edited so that every
-- profile has to run its ICU stage:
--   'ﻋﺎﺟـــﻞ: ' || replace(replace(body, 'لا', 'ﻻ'), 'ة ', 'ةٌ ')
-- i.e. a lead-in word written in presentation forms with tatweel
-- (U+FECB U+FE8E U+FE9F, 3 x U+0640, U+FEDE), every lam-alef as the
-- ligature U+FEFB, and a tanween (U+064C) after every word-final teh
-- marbuta.  The presentation forms are NFC/NFKC quick-check "no", so the
-- whole row goes through ICU.
\set ON_ERROR_STOP on
SET client_min_messages = warning;

CREATE UNLOGGED TABLE bench_news (
    id   bigint GENERATED ALWAYS AS IDENTITY,
    slow boolean NOT NULL DEFAULT false,
    body text
);

-- CSV with a quote and a delimiter that never occur: each line is one
-- field, backslashes and everything else taken literally.
\copy bench_news(body) FROM pstdin WITH (FORMAT csv, QUOTE E'\x01', DELIMITER E'\x02')
DELETE FROM bench_news WHERE body IS NULL OR body = '';

INSERT INTO bench_news (slow, body)
SELECT true,
       'ﻋﺎﺟـــﻞ: ' || replace(replace(body, 'لا', 'ﻻ'), 'ة ', 'ةٌ ')
FROM bench_news
WHERE id <= :slow_lines
ORDER BY id;

VACUUM (ANALYZE) bench_news;

-- One timed execution of a query that returns a single number; the
-- planning time is included (well under a millisecond here).
CREATE FUNCTION bench_ms(q text) RETURNS double precision
LANGUAGE plpgsql AS $$
DECLARE
    t0 timestamptz;
    r  numeric;
BEGIN
    t0 := clock_timestamp();
    EXECUTE q INTO r;
    RETURN 1000 * extract(epoch FROM clock_timestamp() - t0);
END
$$;

CREATE TABLE bench_timing (
    ord   int NOT NULL,             -- bench_expr.ord
    round int NOT NULL,
    ms    double precision NOT NULL
);
