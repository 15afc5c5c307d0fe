# Makefile: builds, stages and tests the pg_arabic extension with PGXS.
#
# Quick start on a fresh Debian 12 machine:  make deps && make test
# Every test runs against a throwaway PostgreSQL 15 cluster (pg_virtualenv) that
# loads the extension from a staging install (extension_destdir), so nothing is
# ever installed into the system folders.  Run "make help" for the targets.

PG_CONFIG ?= /usr/lib/postgresql/15/bin/pg_config
PG_MAJOR  ?= 15

MODULE_big = pg_arabic
OBJS       = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c src/core/*.c)))
EXTENSION  = pg_arabic
# The entity tagger's model (written by "make model", committed) installs
# beside the SQL scripts, in SHAREDIR/extension.
MODEL      = src/model/pg_arabic_ner.model
DATA       = $(wildcard sql/pg_arabic--*.sql) $(MODEL)

# Every sql/*.sql that is not an install/upgrade script is a regress test.
REGRESS      = $(sort $(basename $(notdir $(filter-out sql/pg_arabic--%.sql,$(wildcard sql/*.sql)))))
REGRESS_OPTS = --inputdir=.
# Isolation tests (two sessions at once): test/isolation/specs/*.spec with
# their expected output in test/isolation/expected/.
ISOLATION      = $(sort $(basename $(notdir $(wildcard test/isolation/specs/*.spec))))
ISOLATION_OPTS = --inputdir=test/isolation --encoding=UTF8 --no-locale
ENCODING     = UTF8
NO_LOCALE    = 1

# The server's ICU (libicu-dev matches the libicu the Debian server links).
ICU_CFLAGS := $(shell pkg-config --cflags icu-uc 2>/dev/null)
ICU_LIBS   := $(shell pkg-config --libs icu-uc icu-i18n 2>/dev/null)
PG_CPPFLAGS += -Isrc/core $(ICU_CFLAGS)
SHLIB_LINK  += $(ICU_LIBS)

# Shared fixtures beside the checkout (../shared); empty when absent.
SHARED_DIR := $(abspath $(CURDIR)/../shared)
PG_ARABIC_SHARED      ?= $(if $(wildcard $(SHARED_DIR)/.),$(SHARED_DIR),)
PG_ARABIC_CONFORMANCE ?= $(if $(wildcard $(SHARED_DIR)/data/norm/conformance.tsv),$(SHARED_DIR)/data/norm/conformance.tsv,)
export PG_ARABIC_SHARED PG_ARABIC_CONFORMANCE

# Staging install: world-readable and outside the checkout, because as root the
# cluster runs as "postgres", which may not be allowed into the checkout (/root/...).
# Root ignores TMPDIR (it may be private); the hash keeps two checkouts apart.
UID        := $(shell id -u)
STAGE_BASE := $(if $(filter 0,$(UID)),/tmp,$(or $(TMPDIR),/tmp))
STAGE      ?= $(STAGE_BASE)/pg_arabic_stage-$(UID)-$(shell printf '%s' '$(CURDIR)' | cksum | cut -d' ' -f1)
export STAGE STAGE_BASE PG_CONFIG PG_MAJOR

# Throwaway cluster: temporary directory even as root (-t), staged extension;
# TMPDIR because as root that folder must be reachable by postgres too.
PG_VIRTUALENV = TMPDIR=$(STAGE_BASE) pg_virtualenv -t -v $(PG_MAJOR) -o "extension_destdir=$(STAGE)"

# Unit tests and fuzzers: src/core only, no PostgreSQL headers.
CORE_SRCS  = $(sort $(wildcard src/core/*.c))
CORE_HDRS  = $(wildcard src/core/*.h)
UNIT_SRCS  = $(sort $(wildcard test/unit/test_*.c))
UNIT_BINS  = $(UNIT_SRCS:.c=)
UNIT_CC   ?= gcc
# Sanitizers when the compiler can link them (probed once, only when needed).
UNIT_SAN   = $(eval UNIT_SAN := $$(shell printf 'int main(void){return 0;}' | $(UNIT_CC) -fsanitize=address,undefined -x c - -o /dev/null 2>/dev/null && echo '-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined'))$(UNIT_SAN)
UNIT_CFLAGS ?= -O1 -g -Wall -Wextra
FUZZ_CC    ?= clang
FUZZ_SRCS  = $(sort $(wildcard test/fuzz/fuzz_*.c))
FUZZ_BINS  = $(FUZZ_SRCS:.c=)
FUZZ_SECONDS ?= 60
BENCH      ?= test/bench/run.sh
BENCH_ARGS ?=
# Training data of the entity tagger (ANERcorp, CC BY-SA 4.0) and settings.
ANERCORP     ?= $(SHARED_DIR)/data/anercorp/train.txt
WIKIFANE     ?= $(SHARED_DIR)/data/wikifane/WikiFANE_Gold_2014_500K.txt
MODEL_EPOCHS ?= 15
MODEL_WINDOW ?= 20
MODEL_ARGS   ?=
# Unlabelled text for the word clusters (Arabic Wikipedia, CC BY-SA 4.0).
WIKI_TEXT    ?= $(SHARED_DIR)/data/wiki/arwiki_2017_10k.txt.xz
CLUSTER_ARGS  = --classes 64,256,1024 --min-count 5 --vocab 150000 --context 10000 --iterations 10
BENCH_PGOPTS ?= -o shared_buffers=512MB -o work_mem=64MB -o maintenance_work_mem=512MB -o max_parallel_workers_per_gather=2

EXTRA_CLEAN = $(UNIT_BINS) test/unit/*.log $(FUZZ_BINS) test/fuzz/*.log src/model/train src/model/clusters

.DEFAULT_GOAL := all
.DELETE_ON_ERROR:
.PHONY: help deps stage unit test demo bench fuzz model model-cv model-data clusters clean-stage

# help: list the targets
help:
	@echo "make deps    install missing Debian packages (apt-get, via sudo when not root)"
	@echo "make         build pg_arabic.so"
	@echo "make stage   install into the staging folder $(STAGE)"
	@echo "make unit    build and run the core unit tests (test/unit/test_*.c)"
	@echo "make test    deps + build + stage + unit + pg_regress (+ test/t/*.pl) in a throwaway cluster"
	@echo "make demo    run test/demo/demo.sql on test/data/sample_corpus.sql in a throwaway cluster"
	@echo "make bench   run BENCH=$(BENCH) in a throwaway cluster (BENCH_ARGS=...)"
	@echo "make model   train the entity tagger from ANERCORP=$(ANERCORP) into $(MODEL)"
	@echo "make model-cv  score the same training by 9-fold cross-validation (compares settings)"
	@echo "make clusters  regenerate src/model/clusters.tsv from WIKI_TEXT=$(WIKI_TEXT) (3 minutes)"
	@echo "make fuzz    run each test/fuzz/fuzz_*.c with libFuzzer for FUZZ_SECONDS=$(FUZZ_SECONDS)"
	@echo "make clean   remove build products, unit/fuzz binaries, results and the stage"

# deps: install whatever Debian packages are missing (no apt call when all are present)
deps:
	@sh test/deps.sh

# The PGXS rules need pg_config; without it only deps/help/clean work.
# all (the PGXS default goal): builds pg_arabic.so from $(OBJS).
ifneq ($(shell command -v $(PG_CONFIG) 2>/dev/null),)
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# Objects also depend on every header (PGXS does not track them here).
$(OBJS): $(wildcard src/*.h src/core/*.h)

# stage: install into $(STAGE) (fresh each time) and make it readable by the cluster
stage: all
	@case '$(STAGE)' in /?*) ;; *) echo "STAGE must be an absolute path, got '$(STAGE)'" >&2; exit 1;; esac
	@rm -rf '$(STAGE)'
	@$(MAKE) --no-print-directory -s install DESTDIR='$(STAGE)' >/dev/null
	@chmod -R a+rX '$(STAGE)'
	@sh test/check_stage.sh '$(STAGE)$(datadir)/extension/$(EXTENSION).control' '$(STAGE)$(pkglibdir)/$(MODULE_big)$(DLSUFFIX)'
else
all install installcheck stage:
	@echo "error: $(PG_CONFIG) not found; run 'make deps' first (or pass PG_CONFIG=...)" >&2; exit 1
clean:
	rm -f $(OBJS) $(OBJS:.o=.bc) $(MODULE_big).so $(EXTRA_CLEAN)
	rm -rf results regression.diffs regression.out log tmp_check
endif

# unit: build each test/unit/test_*.c with src/core/*.c (sanitizers on) and run them
unit:
	@$(MAKE) --no-print-directory -k $(UNIT_BINS) || true
	@sh test/run_tap.sh unit $(UNIT_BINS)

test/unit/test_%: test/unit/test_%.c $(wildcard test/unit/*.h) $(CORE_SRCS) $(CORE_HDRS)
	$(UNIT_CC) $(UNIT_CFLAGS) $(UNIT_SAN) $(PG_CFLAGS) -Isrc/core $(ICU_CFLAGS) -o $@ $< $(CORE_SRCS) $(ICU_LIBS)

# test: everything, against a throwaway cluster; last line "N passed, N failed"
test: deps
	@MAKE='$(MAKE)' bash test/run_tests.sh

# demo: load test/data/sample_corpus.sql and run test/demo/demo.sql in a throwaway cluster
demo: deps
	@for f in test/data/sample_corpus.sql test/demo/demo.sql; do \
	  [ -f $$f ] || { echo "make demo: $$f does not exist yet" >&2; exit 1; }; done
	@$(MAKE) --no-print-directory -s all stage
	@$(PG_VIRTUALENV) sh test/demo.sh; rc=$$?; $(MAKE) --no-print-directory -s clean-stage; exit $$rc

# bench: run $(BENCH) $(BENCH_ARGS) in a throwaway cluster with bigger buffers
# (BENCH=test/bench/entities_speed.sh, test/bench/entities_quality.sh, ...)
bench: deps
	@[ -f '$(BENCH)' ] || { echo "make bench: $(BENCH) does not exist"; exit 1; }; \
	$(MAKE) --no-print-directory -s all stage && \
	$(PG_VIRTUALENV) $(BENCH_PGOPTS) sh -c 'cd "$$1" && shift && bash "$$@"' sh '$(CURDIR)' '$(BENCH)' $(BENCH_ARGS); \
	rc=$$?; $(MAKE) --no-print-directory -s clean-stage; exit $$rc

# model: train the entity tagger (deterministic) on all but the last 10% of
# ANERcorp's sentences, with the gazetteers src/model/gazetteer.tsv,
# src/model/gazetteer_open.tsv and
# src/model/known_names.tsv plus the names WikiFANE annotates and the word
# clusters src/model/clusters.tsv (make clusters), write $(MODEL) and score it on that last 10%
# (src/model/accuracy.md).  MODEL_ARGS=--dev scores on the 10% before instead
# (for tuning; do not commit that model).
MODEL_TRAIN_ARGS = --data '$(ANERCORP)' --gazetteer src/model/gazetteer.tsv --gazetteer src/model/gazetteer_open.tsv --clusters src/model/clusters.tsv --sure-gazetteer src/model/known_names.tsv --sure-words src/model/known_places.tsv \
	  --context-words src/model/context_names.tsv \
	  --wikifane-names '$(WIKIFANE)' --epochs $(MODEL_EPOCHS) --window $(MODEL_WINDOW)

model: src/model/train model-data
	src/model/train $(MODEL_TRAIN_ARGS) --out $(MODEL) --report src/model/accuracy.md $(MODEL_ARGS)

# model-cv: the same training, scored by 9-fold cross-validation on the
# training part (for comparing settings; writes nothing in the tree)
model-cv: src/model/train model-data
	src/model/cv.sh $(MODEL_TRAIN_ARGS) $(MODEL_ARGS)

model-data:
	@for f in '$(ANERCORP)' '$(WIKIFANE)'; do [ -f "$$f" ] || { \
	  echo "make model: $$f not found; set ANERCORP=... and WIKIFANE=... (see ../shared/data/README.md)" >&2; exit 1; }; done

# clusters: the word clusters make model reads (src/model/clusters.tsv,
# committed), from the Wikipedia text; same input, byte-identical table
clusters: src/model/clusters
	@[ -f '$(WIKI_TEXT)' ] || { echo "make clusters: $(WIKI_TEXT) not found; set WIKI_TEXT=... (see ../shared/data/README.md)" >&2; exit 1; }
	xz -t '$(WIKI_TEXT)'
	xz -dc '$(WIKI_TEXT)' | src/model/clusters $(CLUSTER_ARGS) > src/model/clusters.tsv.tmp
	mv src/model/clusters.tsv.tmp src/model/clusters.tsv

src/model/clusters: src/model/clusters.c $(CORE_SRCS) $(CORE_HDRS)
	$(UNIT_CC) -O2 -Wall -Wextra $(PG_CFLAGS) -Isrc/core $(ICU_CFLAGS) -o $@ src/model/train.c src/model/train_data.c $(CORE_SRCS) $(ICU_LIBS) -lm

src/model/train: src/model/train.c src/model/train_data.c src/model/train.h $(CORE_SRCS) $(CORE_HDRS)
	$(UNIT_CC) -O2 -Wall -Wextra $(PG_CFLAGS) -Isrc/core $(ICU_CFLAGS) -o $@ src/model/train.c src/model/train_data.c $(CORE_SRCS) $(ICU_LIBS) -lm

# fuzz: build each test/fuzz/fuzz_*.c with libFuzzer and run it FUZZ_SECONDS seconds
fuzz:
	@FUZZ_CC='$(FUZZ_CC)' FUZZ_SECONDS='$(FUZZ_SECONDS)' FUZZ_CFLAGS='$(PG_CFLAGS) -Isrc/core $(ICU_CFLAGS)' \
	  FUZZ_LIBS='$(ICU_LIBS)' sh test/run_fuzz.sh $(FUZZ_SRCS) -- $(CORE_SRCS)

# clean: PGXS clean plus unit/fuzz binaries, results and the stage
clean: clean-stage
clean-stage:
	@case '$(STAGE)' in /?*) rm -rf '$(STAGE)';; esac
