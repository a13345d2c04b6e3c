/* Unit and property tests of Problem 4 (book/ridge.nw) and of the program's
   option parser (book/ridge-program.nw), with cmocka.  Linked against the
   method (ridge.o, lsq.o) and the command line (ridge-cli.o). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <float.h>
#include <math.h>
#include <string.h>

#include "ridge.h"
#include "ridge-cli.h"
#include "rng.h"

/* The five constructions agree on random problems of every shape. */
static void test_five_forms_agree(void **state)
{
  (void)state;
  rng r;
  rng_seed(&r, 17);
  size_t shapes[][2] = {{1, 1}, {7, 3}, {3, 7}, {12, 12}, {40, 9}, {9, 40}};
  double lambdas[] = {1e-3, 1.0, 1e3};
  for (size_t t = 0; t < sizeof shapes / sizeof shapes[0]; t++)
    for (size_t k = 0; k < 3; k++) {
      size_t n = shapes[t][0], d = shapes[t][1];
      mat X;
      double y[64], w0[64], w[64];
      assert_int_equal(mat_alloc(&X, n, d, NULL), ERR_OK);
      mat_fill_normal(&X, &r);
      for (size_t i = 0; i < n; i++) y[i] = rng_normal(&r);
      assert_int_equal(ridge_solve(&X, y, lambdas[k], RIDGE_SVD, w0, NULL), ERR_OK);
      double n0 = mat_norm2(d, w0);
      for (int m = 0; m < RIDGE_NMETHODS; m++) {
        assert_int_equal(ridge_solve(&X, y, lambdas[k], (ridge_method)m, w, NULL), ERR_OK);
        for (size_t i = 0; i < d; i++) assert_true(fabs(w[i] - w0[i]) <= 1e-9 * n0);
      }
      mat_free(&X);
    }
}

static void test_one_feature_by_hand(void **state)
{
  (void)state;
  double xd[2] = {1, 2}, y[2] = {3, 4}, w;
  mat X = {2, 1, 2, xd};
  for (int m = 0; m < RIDGE_NMETHODS; m++) {
    assert_int_equal(ridge_solve(&X, y, 5.0, (ridge_method)m, &w, NULL), ERR_OK);
    assert_true(fabs(w - 1.1) < 1e-15);       /* X'y / (X'X + 5) = 11 / 10 */
  }
}

static void test_bad_lambda_and_gain(void **state)
{
  (void)state;
  double xd[1] = {1}, y[1] = {1}, w;
  mat X = {1, 1, 1, xd};
  err e;
  double bad[] = {0.0, -1.0, NAN, INFINITY};
  for (int i = 0; i < 4; i++)
    assert_int_equal(ridge_solve(&X, y, bad[i], RIDGE_SVD, &w, &e), ERR_ARG);
  assert_true(ridge_gain(2.0, 4.0) == 0.25);  /* sigma = sqrt(lambda): 1/(2*2) */
  assert_true(ridge_filter(2.0, 4.0) == 0.5);
}

static void test_path_matches_single_solves(void **state)
{
  (void)state;
  rng r;
  rng_seed(&r, 5);
  mat X, W;
  double y[20], lam[4] = {1e-2, 1e-1, 1, 10}, w[6];
  assert_int_equal(mat_alloc(&X, 20, 6, NULL), ERR_OK);
  mat_fill_normal(&X, &r);
  for (int i = 0; i < 20; i++) y[i] = rng_normal(&r);
  assert_int_equal(ridge_svd_path(&X, y, lam, 4, &W, NULL), ERR_OK);
  for (int k = 0; k < 4; k++) {
    assert_int_equal(ridge_solve(&X, y, lam[k], RIDGE_NORMAL, w, NULL), ERR_OK);
    for (int i = 0; i < 6; i++) assert_true(fabs(MAT(&W, i, k) - w[i]) < 1e-12);
  }
  mat_free(&X); mat_free(&W);
}

/* The options: the texts as given and the values parsed from them. */
static void test_parse_args(void **state)
{
  (void)state;
  char *ok[] = {"ridge", "--lambda", "0.5", "--method", "kernel", "X", "y",
                NULL};
  ridge_args a;
  err e;
  memset(&a, 0, sizeof a);
  assert_int_equal(ridge_parse_args(7, ok, &a, &e), ERR_OK);
  assert_string_equal(a.lambda_text, "0.5");
  assert_string_equal(a.method_text, "kernel");
  assert_true(a.lambda == 0.5 && a.method == RIDGE_KERNEL && !a.path_text);
  assert_string_equal(a.X, "X");
  assert_string_equal(a.y, "y");
  char *path[] = {"ridge", "--path", "1e-2:1e2:5", "X", "y", NULL};
  memset(&a, 0, sizeof a);
  assert_int_equal(ridge_parse_args(5, path, &a, &e), ERR_OK);
  assert_true(a.lambda_min == 1e-2 && a.lambda_max == 1e2 && a.path_k == 5);
  char *book[] = {"ridge", "--book", "dir", NULL};   /* no longer an option */
  memset(&a, 0, sizeof a);
  assert_int_equal(ridge_parse_args(3, book, &a, &e), ERR_ARG);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_five_forms_agree),
    cmocka_unit_test(test_one_feature_by_hand),
    cmocka_unit_test(test_bad_lambda_and_gain),
    cmocka_unit_test(test_path_matches_single_solves),
    cmocka_unit_test(test_parse_args),
  };
  return cmocka_run_group_tests_name("Problem 4", tests, NULL, NULL);
}
