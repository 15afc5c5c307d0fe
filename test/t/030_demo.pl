# test/t/030_demo.pl: `make demo` shows what the README says it shows.
#
# Runs test/demo.sh (the body of make demo) in the throwaway cluster of
# make test and checks its output as a reader would see it: it ends without
# an error, every line fits a 100-column terminal (test/check_width.py),
# psql prints no command tags (CREATE TABLE, INSERT 0 13, SET ...), and each
# capability the README promises in the demo is there.
use strict;
use warnings;
use Test::More;

my $out = `sh test/demo.sh 2>&1`;
my $rc = $? >> 8;
is($rc, 0, 'the demo runs to the end') or diag(substr($out, -2000));
unlike($out, qr/^(?:psql:.*)?ERROR:/m, 'no error in the output');

open(my $w, '|-', 'python3 test/check_width.py 100') or die "check_width: $!";
print $w $out;
close($w);
is($? >> 8, 0, 'every line fits 100 columns');

my @tags = grep { /^(?:CREATE [A-Z ]+|INSERT 0 \d+|SELECT \d+|UPDATE \d+|DELETE \d+|SET|RESET|ANALYZE)$/ } split /\n/, $out;
is(scalar @tags, 0, 'no psql command tags') or diag(join("\n", @tags));

# what the README says the demo shows, by the query or plan line that shows it
my %shows = (
	'every normalization profile'   => qr/FROM arabic_profiles\(\)/,
	'the step functions'            => qr/arabic_normalize_teh_marbuta\('/,
	'tokens'                        => qr/SELECT arabic_tokens\('/,
	'the trigger'                   => qr/arabic_normalize_trigger\('display'/,
	'a word index on bodies'        => qr/Bitmap Index Scan on clean_articles_words_idx/,
	'fingerprints'                  => qr/arabic_fingerprint\(paragraph\)/,
	'~= through the index'          => qr/ON x\.paragraph ~= y\.paragraph/,
	'<@~ and ~@>'                   => qr/y\.paragraph ~@> x\.paragraph/,
	'GiST nearest neighbours'       => qr/Index Scan using paragraphs_gist/,
	'groups'                        => qr/arabic_duplicate_groups\(/,
	'the entity model'              => qr/FROM arabic_entity_model\(\)/,
	'entities by LATERAL join'      => qr/CROSS JOIN LATERAL arabic_entities/,
	'a join by key'                 => qr/e\.key = arabic_entity_key\(p\.name\)/,
	'a per-week count'              => qr/date_trunc\('week'/,
	'the user gazetteer'            => qr/INSERT INTO arabic_gazetteer/,
	'entities without the gazetteer' => qr/FROM arabic_builtin_entities\(/,
);
for my $what (sort keys %shows) {
	like($out, $shows{$what}, "the demo shows $what");
}
done_testing();
