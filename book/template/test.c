/* Unit tests of the method of @NAME@ (book/@NAME@.nw), with cmocka. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "@NAME@.h"
#include "@NAME@-cli.h"

static void test_mean(void **state)
{
  (void)state;
  const double x[] = {1, 2, 6};
  assert_true(@ID@_mean(3, x) == 3.0);
}

static void test_parse_args(void **state)
{
  (void)state;
  char *ok[] = {"@NAME@", "data.csv", NULL}, *none[] = {"@NAME@", NULL};
  const char *file = NULL;
  err e = {0, ""};
  assert_int_equal(@ID@_parse_args(2, ok, &file, &e), ERR_OK);
  assert_string_equal(file, "data.csv");
  assert_int_equal(@ID@_parse_args(1, none, &file, &e), ERR_ARG);
}

int main(void)
{
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_mean),
                                     cmocka_unit_test(test_parse_args)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
