/* Unit and property tests of Problem 3 (book/lsq.nw), with cmocka.
   Linked against the chapter's method (lsq.o) and its program's options
   (lsq-cli.o). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <float.h>
#include <math.h>
#include <string.h>

#include "lsq.h"
#include "lsq-cli.h"
#include "cli.h"
#include "rng.h"

static const lsq_method methods[3] = {LSQ_SVD, LSQ_QR, LSQ_NORMAL};

static void test_one_by_one(void **state)
{
  (void)state;
  double xd[1] = {2}, y[1] = {6}, w[1];
  mat X = {1, 1, 1, xd};
  for (int k = 0; k < 3; k++) {
    lsq_info info;
    assert_int_equal(lsq_solve(&X, y, methods[k], 1e-12, w, &info, NULL), ERR_OK);
    assert_true(w[0] == 3.0);
    assert_true(info.resid == 0.0);
  }
}

static void test_min_norm_wide(void **state)
{
  (void)state;
  double xd[2] = {1, 2}, y[1] = {5}, w[2];
  mat X = {1, 2, 1, xd};
  for (int k = 0; k < 3; k++) {
    lsq_info info;
    assert_int_equal(lsq_solve(&X, y, methods[k], 1e-12, w, &info, NULL), ERR_OK);
    assert_true(fabs(w[0] - 1) < 1e-15 && fabs(w[1] - 2) < 1e-15);
  }
}

static void test_rank_deficient(void **state)
{
  (void)state;
  double xd[6] = {1, 2, 3, 1, 2, 3}, y[3] = {1, 2, 3}, w[2];
  mat X = {3, 2, 3, xd};
  lsq_info info;
  err e;
  assert_int_equal(lsq_solve(&X, y, LSQ_SVD, lsq_default_rcond(3, 2), w, &info, &e), ERR_OK);
  assert_int_equal(info.rank, 1);
  assert_true(fabs(w[0] - 0.5) < 1e-15 && fabs(w[1] - 0.5) < 1e-15);
  assert_int_equal(lsq_solve(&X, y, LSQ_QR, lsq_default_rcond(3, 2), w, &info, &e), ERR_NUMERIC);
  assert_non_null(strstr(e.msg, "--method svd"));
  assert_int_equal(lsq_solve(&X, y, LSQ_NORMAL, lsq_default_rcond(3, 2), w, &info, &e), ERR_NUMERIC);
  assert_non_null(strstr(e.msg, "--method svd"));
}

static void test_zero_matrix_and_bad_threshold(void **state)
{
  (void)state;
  double xd[4] = {0, 0, 0, 0}, y[2] = {1, 2}, w[2] = {7, 7};
  mat X = {2, 2, 2, xd};
  lsq_info info;
  err e;
  assert_int_equal(lsq_solve(&X, y, LSQ_SVD, 1e-12, w, &info, &e), ERR_OK);
  assert_true(w[0] == 0 && w[1] == 0);
  assert_int_equal(info.rank, 0);
  assert_int_equal(lsq_solve(&X, y, LSQ_SVD, -1, w, &info, &e), ERR_ARG);
  assert_int_equal(lsq_solve(&X, y, LSQ_SVD, 1, w, &info, &e), ERR_ARG);
  assert_int_equal(lsq_solve(&X, y, LSQ_SVD, NAN, w, &info, &e), ERR_ARG);
}

/* Property: on random full-rank problems of many shapes the three methods
   agree with each other and with the pseudoinverse, and the residual is
   orthogonal to the columns of X. */
static void test_random_shapes(void **state)
{
  (void)state;
  rng r;
  rng_seed(&r, 31);
  size_t shapes[][2] = {{1, 1}, {1, 5}, {5, 1}, {2, 2}, {9, 4}, {4, 9}, {30, 7},
                        {7, 30}, {16, 16}};
  for (size_t t = 0; t < sizeof shapes / sizeof shapes[0]; t++) {
    size_t m = shapes[t][0], n = shapes[t][1];
    mat X, P;
    double y[32], w[3][32], res[32], g[32];
    assert_int_equal(mat_alloc(&X, m, n, NULL), ERR_OK);
    mat_fill_normal(&X, &r);
    for (size_t i = 0; i < m; i++) y[i] = rng_normal(&r);
    for (int k = 0; k < 3; k++) {
      lsq_info info;
      assert_int_equal(lsq_solve(&X, y, methods[k], lsq_default_rcond(m, n), w[k], &info, NULL),
                       ERR_OK);
    }
    int rank;
    assert_int_equal(lsq_pinv(&X, lsq_default_rcond(m, n), &P, &rank, NULL), ERR_OK);
    assert_int_equal(rank, (int)(m < n ? m : n));
    mat_gemv(MAT_NOTRANS, 1.0, &P, y, g);
    double nw = mat_norm2(n, w[0]);
    for (size_t i = 0; i < n; i++) {
      assert_true(fabs(w[1][i] - w[0][i]) <= 1e-10 * nw);
      assert_true(fabs(w[2][i] - w[0][i]) <= 1e-8 * nw);
      assert_true(fabs(g[i] - w[0][i]) <= 1e-10 * nw);
    }
    mat_gemv(MAT_NOTRANS, 1.0, &X, w[0], res);
    for (size_t i = 0; i < m; i++) res[i] = y[i] - res[i];
    mat_gemv(MAT_TRANS, 1.0, &X, res, g);
    assert_true(mat_norm_inf(n, g) <= 1e-12 * (1 + mat_norm2(m, y)) * mat_max_abs(&X) * m);
    mat_free(&X); mat_free(&P);
  }
}

/* Numerical edge cases: a zero column, huge and tiny scales, a nearly
   singular matrix. */
static void test_zero_column(void **state)
{
  (void)state;
  double xd[6] = {1, 2, 3, 0, 0, 0}, y[3] = {2, 4, 6}, w[2];
  mat X = {3, 2, 3, xd};
  lsq_info info;
  err e;
  assert_int_equal(lsq_solve(&X, y, LSQ_SVD, lsq_default_rcond(3, 2), w, &info, &e), ERR_OK);
  assert_int_equal(info.rank, 1);
  assert_true(fabs(w[0] - 2) < 1e-15 && w[1] == 0);
  assert_int_equal(lsq_solve(&X, y, LSQ_QR, lsq_default_rcond(3, 2), w, &info, &e), ERR_NUMERIC);
}

static void test_extreme_scales(void **state)
{
  (void)state;
  for (int sgn = -1; sgn <= 1; sgn += 2) {
    double sc = pow(10.0, 150 * sgn);
    double xd[6] = {1 * sc, 1 * sc, 1 * sc, 0, 1 * sc, 2 * sc}, y[3] = {1, 2, 3}, w[2];
    mat X = {3, 2, 3, xd};              /* fit y = a + b t at t = 0, 1, 2 */
    for (int k = 0; k < 3; k++) {
      lsq_info info;
      assert_int_equal(lsq_solve(&X, y, methods[k], 1e-12, w, &info, NULL), ERR_OK);
      assert_true(fabs(w[0] * sc - 1) < 1e-12 && fabs(w[1] * sc - 1) < 1e-12);
    }
  }
}

static void test_nearly_singular(void **state)
{
  (void)state;
  enum { N = 12 };
  mat H;
  double y[N], w[N];
  assert_int_equal(mat_alloc(&H, N, N, NULL), ERR_OK);
  for (int j = 0; j < N; j++)
    for (int i = 0; i < N; i++) MAT(&H, i, j) = 1.0 / (i + j + 1);   /* Hilbert */
  for (int i = 0; i < N; i++) y[i] = 1;
  lsq_info info;
  err e;
  assert_int_equal(lsq_solve(&H, y, LSQ_SVD, lsq_default_rcond(N, N), w, &info, &e), ERR_OK);
  assert_true(info.rank < N);                      /* kappa ~ 1.7e16 */
  assert_true(info.smax / info.smin > 1e15);
  assert_int_equal(lsq_solve(&H, y, LSQ_NORMAL, lsq_default_rcond(N, N), w, &info, &e),
                   ERR_NUMERIC);
  assert_int_equal(lsq_solve(&H, y, LSQ_SVD, 0.0, w, &info, &e), ERR_OK);
  assert_int_equal(info.rank, N);                  /* R = 0 keeps them all */
  mat_free(&H);
}

static void test_default_threshold(void **state)
{
  (void)state;
  assert_true(lsq_default_rcond(4000, 400) == 4000 * DBL_EPSILON);
  assert_true(lsq_default_rcond(3, 7) == 7 * DBL_EPSILON);
}

/* lsq_solve_in_place gives what lsq_solve gives, by every method, leaving
   the residual to the caller (NaN). */
static void test_in_place_agrees(void **state)
{
  (void)state;
  rng r;
  rng_seed(&r, 57);
  size_t shapes[][2] = {{1, 1}, {9, 4}, {4, 9}, {30, 7}, {7, 30}};
  for (size_t t = 0; t < sizeof shapes / sizeof shapes[0]; t++) {
    size_t m = shapes[t][0], n = shapes[t][1];
    mat X, A;
    double y[32], w[32], wi[32];
    assert_int_equal(mat_alloc(&X, m, n, NULL), ERR_OK);
    mat_fill_normal(&X, &r);
    for (size_t i = 0; i < m; i++) y[i] = rng_normal(&r);
    for (int k = 0; k < 3; k++) {
      lsq_info info, info2;
      double rc = lsq_default_rcond(m, n);
      assert_int_equal(lsq_solve(&X, y, methods[k], rc, w, &info, NULL), ERR_OK);
      assert_int_equal(mat_copy(&A, &X, NULL), ERR_OK);
      assert_int_equal(lsq_solve_in_place(&A, y, methods[k], rc, wi, &info2, NULL), ERR_OK);
      for (size_t i = 0; i < n; i++) assert_true(wi[i] == w[i]);
      assert_int_equal(info2.rank, info.rank);
      assert_true(isnan(info2.resid) && !isnan(info.resid));
      mat_free(&A);
    }
    mat_free(&X);
  }
}

/* The options: each has one name for its text and one for its parsed value;
   --book is no longer one of them. */
static void test_parse_args(void **state)
{
  (void)state;
  char *argv[] = {"lsq", "--method", "qr", "--rcond", "1e-3", "X.csv", "y.csv",
                  NULL};
  lsq_args a = {.method = LSQ_SVD};
  err e;
  assert_int_equal(lsq_parse_args(7, argv, &a, &e), ERR_OK);
  assert_string_equal(a.method_text, "qr");
  assert_int_equal(a.method, LSQ_QR);
  assert_string_equal(a.rcond_text, "1e-3");
  assert_true(a.rcond == 1e-3);
  assert_string_equal(a.X, "X.csv");
  assert_string_equal(a.y, "y.csv");
  char *bare[] = {"lsq", "X.csv", "y.csv", NULL};
  lsq_args b = {.method = LSQ_QR};
  assert_int_equal(lsq_parse_args(3, bare, &b, &e), ERR_OK);
  assert_int_equal(b.method, LSQ_SVD);
  assert_null(b.rcond_text);
  char *book[] = {"lsq", "--book", "out", NULL};
  lsq_args c = {.method = LSQ_SVD};
  assert_int_equal(lsq_parse_args(3, book, &c, &e), ERR_ARG);
  assert_non_null(strstr(e.msg, "--book"));
}

static void test_retained_condition(void **state)
{
  (void)state;
  /* X = [c1 c2 c1+c2 2c1], rank 2: sigma = sqrt(2(4 +- sqrt 5)) */
  static const double rows[5][4] = {{1, 0, 1, 2}, {0, 1, 1, 0}, {0, 0, 0, 0},
                                    {0, 1, 1, 0}, {1, 0, 1, 2}};
  mat X;
  double y[5] = {1, 2, 3, 4, 5}, w[4];
  assert_int_equal(mat_alloc(&X, 5, 4, NULL), ERR_OK);
  for (int i = 0; i < 5; i++)
    for (int j = 0; j < 4; j++) MAT(&X, i, j) = rows[i][j];
  lsq_info info;
  assert_int_equal(lsq_solve(&X, y, LSQ_SVD, lsq_default_rcond(5, 4), w, &info, NULL),
                   ERR_OK);
  assert_int_equal(info.rank, 2);
  assert_true(fabs(info.smax - sqrt(2 * (4 + sqrt(5.0)))) < 1e-14);
  assert_true(fabs(info.skept - sqrt(2 * (4 - sqrt(5.0)))) < 1e-14);
  assert_true(info.smin < 1e-14);              /* a dropped one */
  assert_int_equal(lsq_solve(&X, y, LSQ_QR, 0.0, w, &info, NULL) != ERR_OK, 1);
  assert_true(isnan(info.skept));              /* the SVD's alone */
  mat_free(&X);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_one_by_one),
    cmocka_unit_test(test_in_place_agrees),
    cmocka_unit_test(test_min_norm_wide),
    cmocka_unit_test(test_rank_deficient),
    cmocka_unit_test(test_zero_matrix_and_bad_threshold),
    cmocka_unit_test(test_random_shapes),
    cmocka_unit_test(test_zero_column),
    cmocka_unit_test(test_extreme_scales),
    cmocka_unit_test(test_nearly_singular),
    cmocka_unit_test(test_retained_condition),
    cmocka_unit_test(test_default_threshold),
    cmocka_unit_test(test_parse_args),
  };
  return cmocka_run_group_tests_name("Problem 3", tests, NULL, NULL);
}
