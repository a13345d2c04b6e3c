# Tests, included by the Makefile.  `make check` builds the book and the programs,
# then runs every test through tests/run, whose last line is "N passed, N failed".
#   tests/unit/test_lib.c       the support library (cmocka)
#   tests/unit/test_NAME.c      chapter NAME's functions, linked with its method
#                               and its program's command line (NAME-cli.o)
#   tests/cli/NAME.sh           the program NAME as a user runs it
#   tests/build/*.sh            the PDF, the HTML edition (in headless Chromium), and
#                               rebuilds after edits on a copy of the tree

UNIT_TESTS := $(B)/tests/test_lib $(patsubst tests/unit/%.c,$(B)/tests/%,\
                $(filter-out tests/unit/test_lib.c,$(wildcard tests/unit/test_*.c)))
TEST_CFLAGS := $(filter-out -Wstrict-prototypes,$(CFLAGS))
REPLAY      := $(B)/tests/replay_csv $(B)/tests/replay_number $(B)/tests/replay_options  # fuzz corpus replay

$(B)/tests/test_lib: tests/unit/test_lib.c $(LIB) | $(STAMPS) $(B)/tests
	$(call say,CC,$<)
	$(Q)$(CC) $(CPPFLAGS) $(TEST_CFLAGS) -o $@ $< $(LIB) $(LDLIBS) $(TEST_LDLIBS)
$(B)/tests/test_%: tests/unit/test_%.c $(B)/obj/%-cli.o $$(call methods,$$*) $(LIB) | $(STAMPS) $(B)/tests
	$(call say,CC,$<)
	$(Q)$(CC) $(CPPFLAGS) $(TEST_CFLAGS) -o $@ $< $(filter %.o,$^) $(LIB) $(LDLIBS) $(TEST_LDLIBS)
$(B)/tests:
	$(Q)mkdir -p $@

ifeq ($(SANITIZE),1)
# Under the sanitizers: the programs, their book modes (every claim), the unit
# and the command-line tests; the PDF and rebuild tests concern the normal build.
check: $(PROGRAMS) $(EXPERIMENTS) $(CHAPTERS:%=$(B)/out/%/stamp) $(UNIT_TESTS) $(REPLAY)
	@BUILD=$(B) CHAPTERS='$(CHAPTERS)' tests/run $(UNIT_TESTS) tests/fuzz/replay.sh $(wildcard tests/cli/*.sh)
else
# BUILD_TESTS: the build tests to run (a nested make check, such as the one
# tests/build/new-chapter.sh runs on a copy of the tree, names the quick ones).
BUILD_TESTS ?= $(wildcard tests/build/*.sh)
check: all $(if $(filter tests/build/html.sh,$(BUILD_TESTS)),html) $(UNIT_TESTS) $(REPLAY)
	@BUILD=$(B) CHAPTERS='$(CHAPTERS)' tests/run $(UNIT_TESTS) tests/fuzz/replay.sh $(wildcard tests/cli/*.sh) \
	  $(BUILD_TESTS)
endif

# ---- fuzzing ------------------------------------------------------------------------
# make fuzz [FUZZ_SECONDS=60]: libFuzzer (clang) on the CSV reader, on its numbers
# against strtod bit for bit, and on every program's option parser, seeded with
# tests/fuzz/corpus/; new inputs go to build/fuzz/corpus-*, crashes to
# build/fuzz/crash-* (make each a corpus file in tests/fuzz/corpus/ once fixed:
# make check replays them all).
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := csv number options
FUZZ_SRCS    := $(MODULES:%=$(B)/src/%.c) $(CHAPTERS:%=$(B)/src/%.c) $(CHAPTERS:%=$(B)/src/%-cli.c)
FUZZ_FLAGS   := -std=c11 -O1 -g -ffp-contract=off -I$(B)/src -fno-omit-frame-pointer \
                -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all

$(B)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_SRCS) | $(STAMPS)
	$(call say,CC,$< [libFuzzer])
	$(Q)mkdir -p $(@D) && clang $(FUZZ_FLAGS) -o $@ $< $(FUZZ_SRCS) $(LDLIBS)

.PHONY: fuzz
fuzz: $(FUZZ_TARGETS:%=$(B)/fuzz/fuzz_%)
	$(Q)for t in $(FUZZ_TARGETS); do \
	  echo "  FUZZ    $$t for $(FUZZ_SECONDS) s"; mkdir -p $(B)/fuzz/corpus-$$t; \
	  $(B)/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
	    -print_final_stats=1 -artifact_prefix=$(B)/fuzz/crash-$$t- \
	    $(B)/fuzz/corpus-$$t tests/fuzz/corpus/$$t 2>&1 \
	    | grep -E '^(Done [0-9]+ runs|stat::new_units_added|==.*ERROR|SUMMARY)' \
	    | sed 's/^/          /'; \
	  s=$${PIPESTATUS[0]}; [ $$s -eq 0 ] || { echo "  FUZZ    $$t FOUND A CRASH: $(B)/fuzz/crash-$$t-*" >&2; exit 1; }; \
	done

# The corpus replayed by make check, with the ordinary compiler.
$(B)/tests/replay_csv $(B)/tests/replay_number: $(B)/tests/replay_%: tests/fuzz/replay.c tests/fuzz/fuzz_%.c \
                                                 $(LIB) | $(STAMPS) $(B)/tests
	$(call say,CC,$@)
	$(Q)$(CC) $(CPPFLAGS) $(TEST_CFLAGS) -D_POSIX_C_SOURCE=200809L -o $@ $(filter %.c,$^) $(LIB) $(LDLIBS)
$(B)/tests/replay_options: tests/fuzz/replay.c tests/fuzz/fuzz_options.c \
                           $(CHAPTERS:%=$(B)/obj/%.o) $(CHAPTERS:%=$(B)/obj/%-cli.o) $(LIB) \
                           | $(STAMPS) $(B)/tests
	$(call say,CC,$@)
	$(Q)$(CC) $(CPPFLAGS) $(TEST_CFLAGS) -o $@ $(filter %.c,$^) $(filter %.o,$^) $(LIB) $(LDLIBS)

# ---- benchmarks ------------------------------------------------------------------------
# make bench: how long a build takes and how fast the programs run, each against
# the best this machine does in the same run (tests/bench/run.sh; not part of
# make check, since timings vary).  The table lands in build/bench/results.md.
BENCH_BIN := $(B)/bench/bench $(B)/bench/measure
$(B)/bench/bench: tests/bench/bench.c $(B)/obj/lsq.o $(B)/obj/ridge.o $(LIB) \
                  | $(STAMPS) $(B)/bench
	$(call say,CC,$<)
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(filter %.o,$^) $(LIB) $(LDLIBS)
$(B)/bench/measure: tests/bench/measure.c | $(B)/bench
	$(call say,CC,$<)
	$(Q)$(CC) $(CFLAGS) -o $@ $<
$(B)/bench:
	$(Q)mkdir -p $@

.PHONY: bench
bench: $(PROGRAMS) $(BENCH_BIN)
	@BUILD=$(B) CHAPTERS='$(CHAPTERS)' tests/bench/run.sh
