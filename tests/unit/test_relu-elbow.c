/* Unit and property tests of Problem 5 (book/relu-elbow.nw), with cmocka.
   Linked with the method's object relu-elbow.o and the command line's
   relu-elbow-cli.o (book/relu-elbow-program.nw). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <float.h>
#include <math.h>
#include <string.h>

#include "cli.h"
#include "relu-elbow.h"
#include "relu-elbow-cli.h"
#include "rng.h"

/* The closed form e' - e = c (1 + e x) / w' against the elbow recomputed from
   the updated parameters, on random active steps of every sign pattern. */
static void test_closed_form_matches_the_update(void **state)
{
  (void)state;
  rng g;
  rng_seed(&g, 5);
  int seen[2][2][2] = {{{0}}};
  for (int k = 0; k < 20000; k++) {
    double w = 4 * rng_uniform(&g) - 2, e = 6 * rng_uniform(&g) - 3;
    double x = 6 * rng_uniform(&g) - 3, y = 4 * rng_uniform(&g) - 2;
    double lr = rng_uniform(&g), b = -e * w;
    if (!(w * x + b > 0) || fabs(w) < 0.05) continue;
    e = -b / w;
    relu_unit u = {w, b, 1.0};
    double r = relu_unit_step(&u, x, y, lr, 0), c = lr * r;
    if (u.w == 0) continue;
    seen[w > 0][x > 0][c > 0] = 1;
    double actual = -u.b / u.w - e, formula = relu_elbow_shift(e, x, c, u.w);
    double scale = fabs(e) + (fabs(b) + fabs(c) + fabs(e) * (fabs(w) + fabs(c * x)))
                             / fabs(u.w);
    assert_true(fabs(actual - formula) <= 16 * DBL_EPSILON * scale);
    if (fabs(actual) > 1e-9 * scale)
      assert_int_equal(relu_direction(w, b, x, c), actual > 0 ? 1 : -1);
  }
  for (int i = 0; i < 8; i++) assert_true(seen[i >> 2][(i >> 1) & 1][i & 1]);
}

/* The seed's claims, each against a concrete step. */
static void test_the_seeds_cases(void **state)
{
  (void)state;
  /* w > 0, x > 0 and e < -1/x: the elbow moves left, not right */
  relu_unit u = {1, 3, 1};
  relu_unit_step(&u, 1, 3, 0.1, 0);                 /* r = 1, c = 0.1 */
  assert_true(-u.b / u.w < -3.0);
  assert_int_equal(relu_direction(1, 3, 1, 0.1), RELU_LEFT);
  /* w > 0, x < 0: always right, never ambiguous */
  assert_int_equal(relu_direction(1, 2, -1, 0.5), RELU_RIGHT);
  assert_int_equal(relu_direction(0.1, 5, -3, 2.0), RELU_RIGHT);
  /* w < 0, x > 0: always left */
  assert_int_equal(relu_direction(-1, 3, 1, 0.5), RELU_LEFT);
  /* the missing case w < 0, x < 0, both ways */
  assert_int_equal(relu_direction(-1, -0.5, -1, 0.1), RELU_LEFT);   /* e = -0.5 */
  assert_int_equal(relu_direction(-1, 2, -1, 0.1), RELU_RIGHT);     /* e = 2 */
  /* a step that flips the slope reverses the direction */
  assert_int_equal(relu_direction(1, 0, 1, 0.5), RELU_RIGHT);
  assert_int_equal(relu_direction(1, 0, 1, 2.0), RELU_LEFT);
  /* x = 0 moves the elbow by c / w; w' = 0 removes it */
  assert_int_equal(relu_direction(-2, 1, 0, 1), RELU_LEFT);
  assert_int_equal(relu_direction(0.5, 0.5, 1, 0.5), RELU_NO_ELBOW);
  assert_true(relu_elbow_shift(-0.5, 0, 0.5, 1) == 0.5);
}

/* An inactive unit, including one exactly on its elbow, changes not a bit. */
static void test_inactive_units_do_not_move(void **state)
{
  (void)state;
  const double pts[][3] = {{1, -1, 0.5}, {2, -1, 0.5}, {-1, 1, 2}, {3, 0, 0},
                           {0, -1, 7}, {-0.5, -0.25, -0.5}};
  for (size_t k = 0; k < sizeof pts / sizeof pts[0]; k++) {
    relu_unit u = {pts[k][0], pts[k][1], 0.7}, u0 = u;
    assert_false(u.w * pts[k][2] + u.b > 0);
    relu_unit_step(&u, pts[k][2], 5.0, 0.3, 1);
    assert_memory_equal(&u, &u0, sizeof u);
    assert_int_equal(relu_direction(pts[k][0], pts[k][1], pts[k][2], 0.3),
                     pts[k][0] == 0 ? RELU_NO_ELBOW : RELU_STAYS);
  }
  double e;
  assert_int_equal(relu_elbow(0, 1, &e), 0);
  assert_true(isnan(e));
  assert_int_equal(relu_elbow(2, 0, &e), 1);
  assert_false(signbit(e));                          /* never -0 */
}

static double loss1(const relu_net *n, double x, double y)
{ double r = relu_net_eval(n, x) - y; return 0.5 * r * r; }

/* The network's SGD step moves each parameter by -lr times its gradient, and
   the gradient agrees with central differences of the loss. */
static void test_network_gradients(void **state)
{
  (void)state;
  enum { D = 7 };
  relu_net n, m;
  assert_int_equal(relu_net_alloc(&n, D, NULL), ERR_OK);
  assert_int_equal(relu_net_alloc(&m, D, NULL), ERR_OK);
  rng g;
  rng_seed(&g, 6);
  for (int t = 0; t < 300; t++) {
    relu_net_init(&n, &g, -1, 1);
    double x = 2 * rng_uniform(&g) - 1, y = rng_normal(&g), lr = 1e-3;
    int near = 0;
    for (int i = 0; i < D; i++) near |= fabs(n.w[i] * x + n.b[i]) < 1e-3;
    if (near) continue;
    memcpy(m.w, n.w, 3 * D * sizeof *n.w);
    relu_net_sgd(&m, x, y, lr);
    double *p[3] = {n.w, n.b, n.v}, *q[3] = {m.w, m.b, m.v};
    for (int j = 0; j < 3; j++)
      for (int i = 0; i < D; i++) {
        double keep = p[j][i], h = 1e-6;
        p[j][i] = keep + h; double lp = loss1(&n, x, y);
        p[j][i] = keep - h; double lm = loss1(&n, x, y);
        p[j][i] = keep;
        double fd = (lp - lm) / (2 * h), g_step = (keep - q[j][i]) / lr;
        assert_true(fabs(fd - g_step) <= 1e-6 * (1 + fabs(fd)));
      }
  }
  relu_net_free(&n);
  relu_net_free(&m);
}

/* Training is deterministic for a seed, and the seed matters. */
static void test_training_is_deterministic(void **state)
{
  (void)state;
  double out[3][3];
  for (int run = 0; run < 3; run++) {
    relu_net n;
    assert_int_equal(relu_net_alloc(&n, 5, NULL), ERR_OK);
    rng g;
    rng_seed(&g, run < 2 ? 42 : 43);
    relu_net_init(&n, &g, 0, 1);
    for (int t = 0; t < 5000; t++) {
      double x = rng_uniform(&g);
      relu_net_sgd(&n, x, fabs(x - 0.5), 0.1);
    }
    out[run][0] = n.w[0]; out[run][1] = n.b[2]; out[run][2] = n.v[4];
    relu_net_free(&n);
  }
  assert_memory_equal(out[0], out[1], sizeof out[0]);
  assert_memory_not_equal(out[0], out[2], sizeof out[0]);
}

static int parse(relu_args *a, err *e, int argc, char **argv)
{
  memset(a, 0, sizeof *a);
  e->msg[0] = '\0';
  return relu_parse_args(argc, argv, a, e);
}

static void test_parser(void **state)
{
  (void)state;
  relu_args a;
  err e;
  char *ok[] = {"relu-elbow", "step", "--w", "1", "--b", "3", "--x", "1",
                "--y", "3", "--lr", "0.1"};
  assert_int_equal(parse(&a, &e, 12, ok), ERR_OK);
  assert_int_equal(a.mode, RELU_STEP);
  assert_true(a.b == 3);
  assert_false(a.has_v);
  char *tr[] = {"relu-elbow", "train", "--units", "4"};
  assert_int_equal(parse(&a, &e, 4, tr), ERR_OK);
  assert_int_equal(a.units, 4);
  assert_int_equal(a.steps, 1000000);
  assert_int_equal(a.every, 1000);
  char *missing[] = {"relu-elbow", "step", "--w", "1"};
  assert_int_equal(parse(&a, &e, 4, missing), ERR_ARG);
  assert_non_null(strstr(e.msg, "--b"));
  char *zero[] = {"relu-elbow", "train", "--lr", "0"};
  assert_int_equal(parse(&a, &e, 4, zero), ERR_ARG);
  char *mixed[] = {"relu-elbow", "step", "--units", "3"};
  assert_int_equal(parse(&a, &e, 4, mixed), ERR_ARG);
  assert_non_null(strstr(e.msg, "option of train"));
  char *none[] = {"relu-elbow"};
  assert_int_equal(parse(&a, &e, 1, none), ERR_ARG);
  char *help[] = {"relu-elbow", "--help"};
  assert_int_equal(parse(&a, &e, 2, help), CLI_HELP);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_closed_form_matches_the_update),
    cmocka_unit_test(test_the_seeds_cases),
    cmocka_unit_test(test_inactive_units_do_not_move),
    cmocka_unit_test(test_network_gradients),
    cmocka_unit_test(test_training_is_deterministic),
    cmocka_unit_test(test_parser),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
