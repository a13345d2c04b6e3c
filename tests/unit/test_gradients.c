/* Unit tests of the functions of Problem 2 (book/gradients.nw), with cmocka.
   Linked against the method (gradients.o) and the program's command line
   (gradients-cli.o). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <float.h>
#include <math.h>
#include <string.h>

#include "gradients.h"
#include "rng.h"

enum { PART_A, PART_B, PART_C, PART_D };

/* A 3x3 example worked by hand. */
static double Adata[9] = {2, -1, 0.5,  /* column 1 */
                          1, 3, 0,     /* column 2 */
                          0, 4, 1};    /* column 3 */
static mat A = {3, 3, 3, Adata};
static double x[3] = {1, -2, 0.5}, c[3] = {3, 0, -1};

static void jac(int part, mat *J)
{
  grad_data d = {3, &A, c};
  const grad_fn *f = &grad_parts[part];
  assert_int_equal(mat_alloc(J, f->vector ? 3 : 1, 3, NULL), ERR_OK);
  f->jacobian(&d, x, J);
}

static void test_parts_by_hand(void **state)
{
  (void)state;
  mat J;
  jac(PART_A, &J);
  assert_true(MAT(&J, 0, 0) == 3 && MAT(&J, 0, 1) == 0 && MAT(&J, 0, 2) == -1);
  mat_free(&J);
  jac(PART_B, &J);
  assert_true(MAT(&J, 0, 0) == 2 && MAT(&J, 0, 1) == -4 && MAT(&J, 0, 2) == 1);
  mat_free(&J);
  jac(PART_C, &J);
  for (int i = 0; i < 3; i++)
    for (int j = 0; j < 3; j++) assert_true(MAT(&J, i, j) == MAT(&A, i, j));
  mat_free(&J);
  /* Ax = (0, -5, 1), A'x = (4.25, -5, -7.5): the sum is x'(A + A') */
  jac(PART_D, &J);
  assert_true(MAT(&J, 0, 0) == 4.25 && MAT(&J, 0, 1) == -10 && MAT(&J, 0, 2) == -6.5);
  mat_free(&J);
}

static void test_values_by_hand(void **state)
{
  (void)state;
  grad_data d = {3, &A, c};
  double y[3];
  grad_parts[PART_A].eval(&d, x, y);
  assert_true(y[0] == 2.5);
  grad_parts[PART_B].eval(&d, x, y);
  assert_true(y[0] == 5.25);
  grad_parts[PART_C].eval(&d, x, y);
  assert_true(y[0] == 0 && y[1] == -5 && y[2] == 1);
  grad_parts[PART_D].eval(&d, x, y);
  assert_true(y[0] == 10.5); /* x'(Ax) = 0 + 10 + 0.5 */
}

static void test_two_xA_and_symmetry_gap(void **state)
{
  (void)state;
  double two[3];
  grad_two_xA(&A, x, two);
  assert_true(two[0] == 8.5 && two[1] == -10 && two[2] == -15);
  /* the gap x'(A + A') - 2x'A equals ((A - A')x)' */
  mat J;
  jac(PART_D, &J);
  for (int k = 0; k < 3; k++) {
    double kx = 0;
    for (int j = 0; j < 3; j++) kx += (MAT(&A, k, j) - MAT(&A, j, k)) * x[j];
    assert_true(MAT(&J, 0, k) - two[k] == kx);
  }
  mat_free(&J);
}

/* Central differences and the complex step are exact on these quadratics, and
   the forward difference errs by exactly gamma*h, on integer data. */
static void test_difference_formulas_exact(void **state)
{
  (void)state;
  grad_data d = {3, &A, c};
  for (int p = 0; p < 4; p++) {
    const grad_fn *f = &grad_parts[p];
    mat J, D;
    jac(p, &J);
    for (int meth = GRAD_FORWARD; meth <= GRAD_COMPLEX; meth++) {
      double h = 2.0;
      assert_int_equal(grad_fd_jacobian(f, &d, x, meth, h, &D, NULL), ERR_OK);
      for (size_t k = 0; k < 3; k++)
        for (size_t i = 0; i < J.rows; i++) {
          double g = meth == GRAD_FORWARD ? h * f->gamma(&d, i, k) : 0.0;
          assert_true(MAT(&D, i, k) == MAT(&J, i, k) + g);
        }
      mat_free(&D);
    }
    mat_free(&J);
  }
}

static void test_fd_rejects_bad_step(void **state)
{
  (void)state;
  grad_data d = {3, &A, c};
  mat D;
  err e;
  assert_int_equal(grad_fd_jacobian(&grad_parts[0], &d, x, GRAD_CENTRAL, 0.0, &D, &e), ERR_ARG);
  assert_int_equal(grad_fd_jacobian(&grad_parts[0], &d, x, GRAD_CENTRAL, NAN, &D, &e), ERR_ARG);
  assert_int_equal(grad_fd_jacobian(&grad_parts[0], &d, x, GRAD_CENTRAL, -1, &D, &e), ERR_ARG);
}

/* On random Gaussian data the complex step agrees with the analytic
   Jacobian of every part to a few units of roundoff. */
static void test_complex_step_random(void **state)
{
  (void)state;
  rng r;
  rng_seed(&r, 99);
  for (size_t n = 1; n <= 40; n += 13) {
    mat M, J, D;
    double xs[40], cs[40];
    mat_alloc(&M, n, n, NULL);
    mat_fill_normal(&M, &r);
    for (size_t i = 0; i < n; i++) { xs[i] = rng_normal(&r); cs[i] = rng_normal(&r); }
    grad_data d = {n, &M, cs};
    for (int p = 0; p < 4; p++) {
      const grad_fn *f = &grad_parts[p];
      mat_alloc(&J, f->vector ? n : 1, n, NULL);
      f->jacobian(&d, xs, &J);
      assert_int_equal(grad_fd_jacobian(f, &d, xs, GRAD_COMPLEX, 1e-20, &D, NULL), ERR_OK);
      double scale = mat_max_abs(&J), worst = 0;
      for (size_t k = 0; k < n; k++)
        for (size_t i = 0; i < J.rows; i++)
          worst = fmax(worst, fabs(MAT(&D, i, k) - MAT(&J, i, k)));
      assert_true(worst <= 8 * n * DBL_EPSILON * scale);
      mat_free(&J); mat_free(&D);
    }
    mat_free(&M);
  }
}

/* Edge cases: 1 x 1, a zero matrix, scales of 1e+-150 whose products are 1. */
static void test_edge_cases(void **state)
{
  (void)state;
  double z[4] = {0, 0, 0, 0}, xz[2] = {3, -4}, a1[1] = {1e150}, x1[1] = {1e-150};
  mat Z = {2, 2, 2, z}, A1 = {1, 1, 1, a1};
  double row[2];
  mat J = {1, 2, 1, row};
  grad_data dz = {2, &Z, xz};
  grad_parts[3].jacobian(&dz, xz, &J);
  assert_true(row[0] == 0 && row[1] == 0);
  mat J1 = {1, 1, 1, row};
  grad_data d1 = {1, &A1, x1};
  grad_parts[3].jacobian(&d1, x1, &J1);
  assert_true(fabs(row[0] - 2.0) < 1e-15);          /* (A + A')x = 2 */
  double y;
  grad_parts[3].eval(&d1, x1, &y);
  assert_true(fabs(y - 1e-150) < 1e-165);           /* x'Ax */
}

/* The Hessian of x'Ax is A + A', symmetric even when A is not. */
static void test_q_hessian(void **state)
{
  (void)state;
  double h[9];
  mat H = {3, 3, 3, h};
  grad_q_hessian(&A, &H);
  for (int i = 0; i < 3; i++)
    for (int j = 0; j < 3; j++) {
      assert_true(MAT(&H, i, j) == MAT(&A, i, j) + MAT(&A, j, i));
      assert_true(MAT(&H, i, j) == MAT(&H, j, i));
    }
  assert_true(MAT(&H, 0, 1) == 0 && MAT(&H, 1, 2) == 4 && MAT(&H, 2, 2) == 2);
}

/* |Xw - y|^2 by hand: X = [1 2; 3 4; 5 6], w = (1, -1), y = (0, 1, 2):
   r = (-1, -2, -3), 2r'X = (-44, -56), 2X'X = [70 88; 88 112]. */
static void test_lsq_by_hand(void **state)
{
  (void)state;
  double xd[6] = {1, 3, 5, 2, 4, 6}, w[2] = {1, -1}, y[3] = {0, 1, 2};
  double r[3], row[2], hd[4];
  mat X = {3, 2, 3, xd}, H = {2, 2, 2, hd};
  grad_lsq_gradient(&X, w, y, r, row);
  assert_true(r[0] == -1 && r[1] == -2 && r[2] == -3);
  assert_true(row[0] == -44 && row[1] == -56);
  grad_lsq_hessian(&X, &H);
  assert_true(hd[0] == 70 && hd[1] == 88 && hd[2] == 88 && hd[3] == 112);
  /* a zero residual has a zero gradient */
  double y0[3] = {-1, -1, -1};
  grad_lsq_gradient(&X, w, y0, r, row);
  assert_true(row[0] == 0 && row[1] == 0);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_parts_by_hand),
    cmocka_unit_test(test_values_by_hand),
    cmocka_unit_test(test_two_xA_and_symmetry_gap),
    cmocka_unit_test(test_difference_formulas_exact),
    cmocka_unit_test(test_fd_rejects_bad_step),
    cmocka_unit_test(test_complex_step_random),
    cmocka_unit_test(test_edge_cases),
    cmocka_unit_test(test_q_hessian),
    cmocka_unit_test(test_lsq_by_hand),
  };
  return cmocka_run_group_tests_name("Problem 2", tests, NULL, NULL);
}
