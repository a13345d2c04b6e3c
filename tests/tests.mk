# Tests, included by the Makefile.  `make check` builds the book and the programs,
# then runs every test through tests/run, whose last line is "N passed, N failed".
#   tests/unit/test_lib.c       the support library (cmocka)
#   tests/unit/test_NAME.c      chapter NAME's functions, linked with its -nomain object
#   tests/cli/NAME.sh           the program NAME as a user runs it
#   tests/build/*.sh            the PDF, and rebuilds after edits on a copy of the tree

UNIT_TESTS := $(B)/tests/test_lib $(patsubst tests/unit/%.c,$(B)/tests/%,\
                $(filter-out tests/unit/test_lib.c,$(wildcard tests/unit/test_*.c)))
TEST_CFLAGS := $(filter-out -Wstrict-prototypes,$(CFLAGS))

$(B)/tests/test_lib: tests/unit/test_lib.c $(LIB) | $(STAMPS) $(B)/tests
	$(call say,CC,$<)
	$(Q)$(CC) $(CPPFLAGS) $(TEST_CFLAGS) -o $@ $< $(LIB) $(LDLIBS) $(TEST_LDLIBS)
$(B)/tests/test_%: tests/unit/test_%.c $(B)/obj/%-nomain.o $(LIB) | $(STAMPS) $(B)/tests
	$(call say,CC,$<)
	$(Q)$(CC) $(CPPFLAGS) $(TEST_CFLAGS) -o $@ $< $(B)/obj/$*-nomain.o $(LIB) $(LDLIBS) $(TEST_LDLIBS)
$(B)/tests:
	$(Q)mkdir -p $@

ifeq ($(SANITIZE),1)
# Under the sanitizers: the programs, their book modes (every claim), the unit
# and the command-line tests; the PDF and rebuild tests concern the normal build.
check: $(PROGRAMS) $(CHAPTERS:%=$(B)/out/%/stamp) $(UNIT_TESTS)
	@BUILD=$(B) tests/run $(UNIT_TESTS) $(wildcard tests/cli/*.sh)
else
check: all $(UNIT_TESTS)
	@BUILD=$(B) tests/run $(UNIT_TESTS) $(wildcard tests/cli/*.sh) $(wildcard tests/build/*.sh)
endif
