# test/t/020_tsearch_dump.pl: full-text search survives pg_dump and restore.
#
# pg_regress cannot run pg_dump, so this script does: a table with a
# generated tsvector column (arabic_search), a GIN index on it, an expression
# index on to_tsvector('arabic_search', body), a user dictionary of the
# arabic_light template (StopWords = false) in a user configuration that
# copies arabic_search, and a database whose default_text_search_config is
# arabic_search.  After pg_dump -Fc and pg_restore into a new database, the
# rows, the stored vectors, the query answers through both indexes, the user
# dictionary and the database setting must be the same.
# Runs inside the throwaway cluster of make test (PG* variables).
use strict;
use warnings;
use Test::More;

my $src = 'pg_arabic_tap_fts_src';
my $dst = 'pg_arabic_tap_fts_dst';
my $dump = "/tmp/pg_arabic_tap_fts_$$.dump";
END { unlink $dump if defined $dump; }

# psql with ON_ERROR_STOP on database $db; returns (exit status, output).
sub psql
{
	my ($db, $sql) = @_;
	my $file = "/tmp/pg_arabic_tap_fts_$$.sql";
	utf8::encode($sql) if utf8::is_utf8($sql);
	open(my $fh, '>', $file) or die $!;
	print $fh $sql;
	close $fh;
	my $out = `psql -X -q -At -v ON_ERROR_STOP=1 -d $db -f $file 2>&1`;
	my $rc = $? >> 8;
	unlink $file;
	return ($rc, $out);
}

for my $db ($src, $dst)
{
	system("dropdb --if-exists $db >/dev/null 2>&1");
}
is(system("createdb --encoding=UTF8 --template=template0 $src"), 0, 'created the source database');

my ($rc, $out) = psql($src, <<"SQL");
CREATE EXTENSION pg_arabic;
CREATE TABLE docs (id int PRIMARY KEY, body text,
    tsv tsvector GENERATED ALWAYS AS (to_tsvector('arabic_search', body)) STORED);
INSERT INTO docs (id, body) VALUES
    (1, '\x{0642}\x{0627}\x{0644} \x{0623}\x{0644}\x{0643}\x{0633}\x{0646}\x{062F}\x{0631} \x{0641}\x{064A} \x{0633}\x{0648}\x{062A}\x{0634}\x{064A}'),
    (2, '\x{0648}\x{0628}\x{0627}\x{0644}\x{0645}\x{062F}\x{064A}\x{0646}\x{0629} \x{0627}\x{0644}\x{0645}\x{0646}\x{0648}\x{0631}\x{0629}'),
    (3, 'OPEC \x{0661}\x{0669}\x{0666}\x{0660}');
INSERT INTO docs (id, body)
SELECT 100 + g, 'row ' || g FROM generate_series(1, 300) g;
CREATE INDEX docs_tsv ON docs USING gin (tsv);
CREATE INDEX docs_expr ON docs USING gist (to_tsvector('arabic_search', body));
CREATE TEXT SEARCH DICTIONARY my_light (TEMPLATE = arabic_light, StopWords = false);
CREATE TEXT SEARCH CONFIGURATION my_search (COPY = arabic_search);
ALTER TEXT SEARCH CONFIGURATION my_search ALTER MAPPING FOR aword WITH my_light;
ALTER DATABASE $src SET default_text_search_config = 'public.arabic_search';
SQL
is($rc, 0, 'set up the source database') or diag($out);

# What a user sees: vectors, answers through each index, the user objects.
my $check = <<'SQL';
SELECT string_agg(id || '=' || tsv::text, ' | ' ORDER BY id) FROM docs WHERE id < 100;
SET enable_seqscan = off;
SELECT string_agg(id::text, ',' ORDER BY id) FROM docs
 WHERE tsv @@ websearch_to_tsquery('arabic_search', 'الكسندر سوتشى');
SELECT string_agg(id::text, ',' ORDER BY id) FROM docs
 WHERE to_tsvector('arabic_search', body) @@ phraseto_tsquery('arabic_search', 'المدينه المنوره');
SELECT to_tsvector('my_search', 'في المدينة');
SELECT to_tsvector('في سوتشى');
SQL
my ($rc1, $before) = psql($src, $check);
is($rc1, 0, 'queried the source database') or diag($before);
my @lines = split /\n/, $before;
is(scalar(@lines), 5, 'five answers from the source') or diag($before);
like($lines[1] // '', qr/^1$/, 'the hamza-less query finds row 1 through the GIN index');
like($lines[2] // '', qr/^2$/, 'the phrase query finds row 2 through the expression index');

is(system("pg_dump -Fc -f $dump $src"), 0, 'pg_dump -Fc');
is(system("createdb --encoding=UTF8 --template=template0 $dst"), 0, 'created the target database');
is(system("pg_restore --exit-on-error -d $dst $dump"), 0, 'pg_restore');
# the database setting travels with pg_dumpall, not pg_dump: set it as an operator would
($rc, $out) = psql($dst, "ALTER DATABASE $dst SET default_text_search_config = 'public.arabic_search';\n");
is($rc, 0, 'set default_text_search_config on the target') or diag($out);

my ($rc2, $after) = psql($dst, $check);
is($rc2, 0, 'queried the restored database') or diag($after);
is($after, $before, 'the restored database gives the same vectors and answers');

($rc, $out) = psql($dst, "SELECT indexrelid::regclass::text FROM pg_index WHERE indrelid = 'docs'::regclass ORDER BY 1;\n");
is($out, "docs_expr\ndocs_pkey\ndocs_tsv\n", 'both full-text indexes were restored') or diag($out);

for my $db ($src, $dst)
{
	system("dropdb --if-exists $db >/dev/null 2>&1");
}
done_testing();
