/* The measurements of `make bench` on the programs, each against the best
   the same machine does in the same run (tests/bench/run.sh adds the build
   timings and writes build/bench/results.md).

   usage: bench OUTDIR BINDIR TINYDIR RUNS

   For each problem (4000 x 400, 400 x 4000, 20000 x 50) it writes X.csv and
   y.csv into OUTDIR/data from the library's seeded generator, and measures,
   as the median of RUNS runs, ours and the reference alternately:
   - csv_read and csv_read_vector on the two files, against read() of the
     same bytes;
   - lsq_solve_in_place (what `lsq` calls) against a bare LAPACKE_dgelsd,
     and ridge_svd_path_in_place (what `ridge --lambda` calls) against a bare
     LAPACKE_dgesdd and the two products of the filter form, each on the
     same matrix, with its GFLOP/s beside dgemm's;
   - ridge_svd_path with K = 100 against 100 calls of ridge_solve;
   - the whole programs BINDIR/lsq and BINDIR/ridge on the files, through
     the helper `measure` beside this program: wall time and peak memory.
   It writes OUTDIR/machine.md and OUTDIR/programs.md (Markdown), and one
   line "target<TAB>goal<TAB>measured<TAB>verdict" per target checked to
   OUTDIR/targets.tsv.  TINYDIR holds lsq-X.csv and lsq-y.csv, a small
   problem that gives the programs' baseline memory. */
#define _GNU_SOURCE            /* dlsym's RTLD_DEFAULT */
#include <cblas.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <lapacke.h>
#include <malloc.h>
#include <math.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "csv.h"
#include "lsq.h"
#include "mat.h"
#include "ridge.h"
#include "rng.h"

extern char **environ;

enum { MAXRUNS = 51, KPATH = 100 };
typedef struct problem { size_t m, n; } problem;
static const problem problems[] = {{4000, 400}, {400, 4000}, {20000, 50}};
enum { NPROB = sizeof problems / sizeof problems[0] };
#define LAMBDA "1"             /* ridge --lambda, and ridge_solve's */
static int runs = 5;
static double dgemm_gflops;
static FILE *md, *targets;
static char measure_exe[4096], errpath[4096];

/* ---- small tools ------------------------------------------------------ */

static double now(void)
{
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static double median(const double *t, int n)
{
  double s[MAXRUNS];
  memcpy(s, t, (size_t)n * sizeof *t);
  qsort(s, (size_t)n, sizeof *s, cmp_double);
  return n % 2 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
}

static void die(const char *what, const err *e)
{
  fprintf(stderr, "bench: %s%s%s\n", what, e ? ": " : "", e ? e->msg : "");
  exit(1);
}

static void *xmalloc(size_t n)
{
  void *p = malloc(n ? n : 1);
  if (!p) die("out of memory", NULL);
  return p;
}

static FILE *xfopen(const char *dir, const char *name, const char *mode)
{
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, mode);
  if (!f) { perror(path); exit(1); }
  return f;
}

/* max |a - b| / max |b| */
static double rel_diff(size_t n, const double *a, const double *b)
{
  double d = 0, s = 0;
  for (size_t i = 0; i < n; i++) {
    d = fmax(d, fabs(a[i] - b[i]));
    s = fmax(s, fabs(b[i]));
  }
  return s > 0 ? d / s : d;
}

static double file_mb(const char *path)
{
  struct stat st;
  return stat(path, &st) ? 0.0 : (double)st.st_size / 1e6;
}

static const char *verdict(int ok) { return ok ? "met" : "**missed**"; }

static void target(const char *what, const char *goal, double value,
                   const char *unit, int ok)
{
  fprintf(targets, "%s\t%s\t%.3g%s\t%s\n", what, goal, value, unit,
          verdict(ok));
}

/* ---- the machine ------------------------------------------------------- */

/* OpenBLAS's own functions, looked up at run time: the BLAS the programs
   load is whatever libblas.so.3 points to, which need not be OpenBLAS. */
static const char *openblas_string(const char *name)
{
  void *sym = dlsym(RTLD_DEFAULT, name);
  char *(*f)(void);
  if (!sym) return "not OpenBLAS";
  memcpy(&f, &sym, sizeof f);
  return f();
}

static int openblas_threads(void)
{
  void *sym = dlsym(RTLD_DEFAULT, "openblas_get_num_threads");
  int (*f)(void);
  if (!sym) return 0;
  memcpy(&f, &sym, sizeof f);
  return f();
}

static void first_line(const char *path, const char *key, char *buf,
                       size_t size)
{
  FILE *f = fopen(path, "r");
  char line[512];
  snprintf(buf, size, "unknown");
  while (f && fgets(line, sizeof line, f))
    if (!strncmp(line, key, strlen(key))) {
      const char *c = strchr(line, ':');
      snprintf(buf, size, "%.200s", c ? c + 2 : line);
      buf[strcspn(buf, "\n")] = '\0';
      break;
    }
  if (f) fclose(f);
}

/* C = A B for N x N matrices, 2 N^3 flops; the better of two sizes is the
   machine's practical ceiling. */
static void measure_dgemm(void)
{
  static const int sizes[] = {1000, 2000};
  for (int z = 0; z < 2; z++) {
    int N = sizes[z];
    size_t nn = (size_t)N * (size_t)N;
    double *a = xmalloc(nn * sizeof *a), *b = xmalloc(nn * sizeof *b),
           *c = xmalloc(nn * sizeof *c), t[MAXRUNS];
    rng r;
    rng_seed(&r, 7);
    for (size_t i = 0; i < nn; i++) { a[i] = rng_normal(&r); b[i] = a[i]; }
    for (int k = -1; k < runs; k++) {        /* run -1 warms up */
      double t0 = now();
      cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, N, N, N, 1.0, a,
                  N, b, N, 0.0, c, N);
      if (k >= 0) t[k] = now() - t0;
    }
    double g = 2.0 * N * (double)N * N / median(t, runs) / 1e9;
    fprintf(md, "| dgemm, N = %d | %.3f s | %.1f GFLOP/s |\n", N,
            median(t, runs), g);
    if (g > dgemm_gflops) dgemm_gflops = g;
    free(a); free(b); free(c);
  }
}

/* Writing fresh memory costs a page fault per 4 KiB page on top of the
   write: the price every new large matrix pays once. */
static void measure_first_touch(void)
{
  size_t bytes = (size_t)64 << 20;
  double tf[MAXRUNS], tw[MAXRUNS];
  for (int k = 0; k < runs; k++) {
    char *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) die("mmap failed", NULL);
    double t0 = now();
    memset(p, 1, bytes);
    double t1 = now();
    memset(p, 2, bytes);
    tw[k] = now() - t1;
    tf[k] = t1 - t0;
    munmap(p, bytes);
  }
  double f = median(tf, runs), w = median(tw, runs), pages = bytes / 4096.0;
  fprintf(md, "| writing 64 MiB of fresh memory | %.3f s | %.2f GB/s, "
          "%.2f us per 4 KiB page |\n", f, bytes / f / 1e9, f / pages * 1e6);
  fprintf(md, "| writing it again | %.3f s | %.1f GB/s |\n", w,
          bytes / w / 1e9);
}

static void print_machine(void)
{
  char cpu[256], thp[256];
  first_line("/proc/cpuinfo", "model name", cpu, sizeof cpu);
  first_line("/sys/kernel/mm/transparent_hugepage/enabled", "", thp,
             sizeof thp);
  fprintf(md, "- CPU: %s, %ld cores online\n", cpu,
          sysconf(_SC_NPROCESSORS_ONLN));
  fprintf(md, "- BLAS: %s; kernel in use (`openblas_get_corename`): "
          "**%s**; %d threads\n", openblas_string("openblas_get_config"),
          openblas_string("openblas_get_corename"), openblas_threads());
  fprintf(md, "- transparent huge pages: %s\n\n", thp);
  fprintf(md, "| the machine's best | median of %d | rate |\n"
          "|---|--:|--:|\n", runs);
  measure_dgemm();
  measure_first_touch();
}

/* ---- the data ------------------------------------------------------------ */

static void paths(const char *dir, const problem *p, char *x, char *y,
                  size_t size)
{
  snprintf(x, size, "%s/data/X-%zux%zu.csv", dir, p->m, p->n);
  snprintf(y, size, "%s/data/y-%zux%zu.csv", dir, p->m, p->n);
}

/* Every number with 17 significant digits, as the programs print them: the
   hardest case for a parser, and the exact matrix when read back. */
static void write_csv(const char *path, const mat *a)
{
  static char buf[1 << 20];
  FILE *f = fopen(path, "w");
  if (!f) { perror(path); exit(1); }
  setvbuf(f, buf, _IOFBF, sizeof buf);
  for (size_t i = 0; i < a->rows; i++)
    for (size_t j = 0; j < a->cols; j++)
      fprintf(f, "%.17g%c", MAT(a, i, j), j + 1 < a->cols ? ',' : '\n');
  if (fclose(f)) { perror(path); exit(1); }
}

static void generate(const char *xp, const char *yp, const problem *p)
{
  mat X, y;
  rng r;
  err e;
  rng_seed(&r, 2024 + p->m + p->n);
  if (mat_alloc(&X, p->m, p->n, &e) || mat_alloc(&y, p->m, 1, &e))
    die("generate", &e);
  mat_fill_normal(&X, &r);
  mat_fill_normal(&y, &r);
  write_csv(xp, &X);
  write_csv(yp, &y);
  mat_free(&X); mat_free(&y);
}

/* ---- reading ---------------------------------------------------------- */

/* The raw speed: the bytes of the file through read() into a buffer that
   stays in the cache, as the CSV reader gets them. */
static double raw_read(const char *path, char *buf, size_t size)
{
  double t0 = now();
  int fd = open(path, O_RDONLY);
  if (fd < 0) { perror(path); exit(1); }
  ssize_t k;
  while ((k = read(fd, buf, size)) > 0) {}
  close(fd);
  if (k < 0) { perror(path); exit(1); }
  return now() - t0;
}

typedef struct reading { double ours, raw, mb; } reading;

/* X and y as the programs read them, and the same bytes by read(); X and y
   are left holding the data. */
static reading measure_reading(const char *xp, const char *yp, mat *X, mat *y)
{
  enum { RAWBUF = 1 << 20 };
  double tr[MAXRUNS], to[MAXRUNS];
  char *buf = xmalloc(RAWBUF);
  err e;
  for (int k = -1; k < runs; k++) {         /* run -1 warms the page cache */
    double t = raw_read(xp, buf, RAWBUF) + raw_read(yp, buf, RAWBUF);
    double t0 = now();
    if (csv_read(xp, X, &e) || csv_read_vector(yp, y, &e)) die("read", &e);
    double t1 = now();
    if (k >= 0) { tr[k] = t; to[k] = t1 - t0; }
    if (k + 1 < runs) { mat_free(X); mat_free(y); }
  }
  free(buf);
  return (reading){median(to, runs), median(tr, runs),
                   file_mb(xp) + file_mb(yp)};
}

/* ---- computing ---------------------------------------------------------- */

typedef struct compute { double ours, bare, diff; } compute;

/* lsq overwrites the X it read (lsq_solve_in_place), as dgelsd overwrites
   its A: both get a fresh copy made before the clock starts. */
static compute measure_lsq(const mat *X, const mat *y)
{
  size_t m = X->rows, n = X->cols, q = m > n ? m : n, p = m < n ? m : n;
  double rcond = lsq_default_rcond(m, n), to[MAXRUNS], tb[MAXRUNS];
  double *b = xmalloc(q * sizeof *b), *s = xmalloc(p * sizeof *s),
         *w = xmalloc(n * sizeof *w);
  mat A;
  lsq_info info;
  err e;
  for (int k = 0; k < runs; k++) {
    lapack_int rank;
    if (mat_copy(&A, X, &e)) die("copy", &e);
    memcpy(b, y->data, m * sizeof *b);
    double t0 = now();
    lapack_int st = LAPACKE_dgelsd(LAPACK_COL_MAJOR, (lapack_int)m,
                                   (lapack_int)n, 1, A.data, (lapack_int)m,
                                   b, (lapack_int)q, s, rcond, &rank);
    tb[k] = now() - t0;
    mat_free(&A);
    if (st) die("dgelsd failed", NULL);
    if (mat_copy(&A, X, &e)) die("copy", &e);
    t0 = now();
    if (lsq_solve_in_place(&A, y->data, LSQ_SVD, rcond, w, &info, &e))
      die("lsq", &e);
    to[k] = now() - t0;
    mat_free(&A);
  }
  compute c = {median(to, runs), median(tb, runs), rel_diff(n, w, b)};
  free(b); free(s); free(w);
  return c;
}

/* ridge overwrites the X it read (ridge_svd_path_in_place), as dgesdd
   overwrites its A: both get a fresh copy made before the clock starts.
   The bare filter form: dgesdd on A (a copy of X made beforehand), with
   jobz O, which leaves U (m >= n) or V' (m < n) in A and so needs the least
   new memory, then b = U'y, c_l = g(s_l) b_l and w = V c by dgemv. */
static void bare_ridge(int m, int n, double *A, const double *y,
                       double lambda, double *w)
{
  int p = m < n ? m : n;
  double *U = m >= n ? A : xmalloc((size_t)m * (size_t)m * sizeof *U),
         *Vt = m < n ? A : xmalloc((size_t)n * (size_t)n * sizeof *Vt),
         *s = xmalloc((size_t)p * sizeof *s),
         *b = xmalloc((size_t)p * sizeof *b);
  if (LAPACKE_dgesdd(LAPACK_COL_MAJOR, 'O', m, n, A, m, s, m >= n ? A : U,
                     m, m < n ? A : Vt, m < n ? m : n))
    die("dgesdd failed", NULL);
  int ldvt = m < n ? m : n;
  cblas_dgemv(CblasColMajor, CblasTrans, m, p, 1.0, U, m, y, 1, 0.0, b, 1);
  for (int l = 0; l < p; l++) b[l] *= s[l] / (s[l] * s[l] + lambda);
  cblas_dgemv(CblasColMajor, CblasTrans, p, n, 1.0, Vt, ldvt, b, 1, 0.0, w,
              1);
  if (U != A) free(U);
  if (Vt != A) free(Vt);
  free(s); free(b);
}

static compute measure_ridge(const mat *X, const mat *y)
{
  size_t n = X->cols;
  double to[MAXRUNS], tb[MAXRUNS], lambda = atof(LAMBDA);
  double *wb = xmalloc(n * sizeof *wb), *w = xmalloc(n * sizeof *w);
  mat A;
  err e;
  for (int k = 0; k < runs; k++) {
    if (mat_copy(&A, X, &e)) die("copy", &e);
    double t0 = now();
    bare_ridge((int)X->rows, (int)n, A.data, y->data, lambda, wb);
    tb[k] = now() - t0;
    mat_free(&A);
    mat W;
    if (mat_copy(&A, X, &e)) die("copy", &e);
    t0 = now();
    if (ridge_svd_path_in_place(&A, y->data, &lambda, 1, &W, &e))
      die("ridge", &e);
    to[k] = now() - t0;
    memcpy(w, W.data, n * sizeof *w);
    mat_free(&W); mat_free(&A);
  }
  compute c = {median(to, runs), median(tb, runs), rel_diff(n, w, wb)};
  free(wb); free(w);
  return c;
}

/* ridge_svd_path for K lambdas against K calls of ridge_solve.  The K
   solves are timed once: their total is already a sum over K runs. */
typedef struct pathtime { double path, separate, diff; } pathtime;

static pathtime measure_path(const mat *X, const mat *y)
{
  size_t n = X->cols;
  double lam[KPATH], t[MAXRUNS], diff = 0;
  double *w = xmalloc(n * sizeof *w);
  mat W;
  err e;
  for (int j = 0; j < KPATH; j++)
    lam[j] = pow(10.0, -3 + 6.0 * j / (KPATH - 1));
  for (int k = 0; k < runs; k++) {
    double t0 = now();
    if (ridge_svd_path(X, y->data, lam, KPATH, &W, &e)) die("path", &e);
    t[k] = now() - t0;
    if (k + 1 < runs) mat_free(&W);
  }
  double sep = 0;
  for (int j = 0; j < KPATH; j++) {
    double t0 = now();
    if (ridge_solve(X, y->data, lam[j], RIDGE_SVD, w, &e)) die("ridge", &e);
    sep += now() - t0;
    diff = fmax(diff, rel_diff(n, &MAT(&W, 0, j), w));
  }
  pathtime pt = {median(t, runs), sep, diff};
  mat_free(&W); free(w);
  return pt;
}

/* ---- whole programs ------------------------------------------------------ */

typedef struct wholerun { double wall, rss_mb; } wholerun;

/* Run argv through `measure` (standard output to /dev/null, standard error
   to errpath), with one more environment entry unless extra is NULL; stop
   the benchmark if it fails.  Wall time, and peak resident memory in MB. */
static wholerun run_once(char *const argv[], char *extra)
{
  char *args[16], *env[1024];
  int a = 0, v = 0;
  args[a++] = measure_exe;
  args[a++] = "/dev/null";
  args[a++] = errpath;
  for (int i = 0; argv[i] && a < 15; i++) args[a++] = argv[i];
  args[a] = NULL;
  for (char **ep = environ; *ep && v < 1022; ep++) env[v++] = *ep;
  if (extra) env[v++] = extra;
  env[v] = NULL;
  int fd[2];
  if (pipe(fd)) { perror("pipe"); exit(1); }
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, fd[1], 1);
  posix_spawn_file_actions_addclose(&fa, fd[0]);
  posix_spawn_file_actions_addclose(&fa, fd[1]);
  pid_t pid;
  if (posix_spawn(&pid, measure_exe, &fa, NULL, args, env)) {
    perror(measure_exe);
    exit(1);
  }
  posix_spawn_file_actions_destroy(&fa);
  close(fd[1]);
  char buf[128] = "";
  FILE *f = fdopen(fd[0], "r");
  if (!f || !fgets(buf, sizeof buf, f)) buf[0] = '\0';
  if (f) fclose(f);
  int status;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
  double wall;
  long kb;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0
      || sscanf(buf, "%lf %ld", &wall, &kb) != 2) {
    fprintf(stderr, "bench: %s failed (see %s)\n", argv[0], errpath);
    exit(1);
  }
  return (wholerun){wall, (double)kb * 1024 / 1e6};
}

static wholerun run_program(char *const argv[], char *extra)
{
  double t[MAXRUNS], r[MAXRUNS];
  for (int k = 0; k < runs; k++) {
    wholerun w = run_once(argv, extra);
    t[k] = w.wall;
    r[k] = w.rss_mb;
  }
  return (wholerun){median(t, runs), median(r, runs)};
}

/* ---- the report ------------------------------------------------------- */

typedef struct result {
  reading rd;
  compute lsq, ridge;
  wholerun wl, wr, wp;
  pathtime path;
} result;

/* Flop counts of the R-SVD (QR first, then the SVD of the triangle), the
   route LAPACK takes for these shapes: Golub and Van Loan, Matrix
   Computations, 3rd ed., Section 5.4.5, with p = min(m,n), q = max(m,n).
   Least squares needs Sigma, V and U'y; the filter form Sigma, U_1, V. */
static double flops_lsq(const problem *p)
{
  double a = (double)(p->m < p->n ? p->m : p->n);
  double q = (double)(p->m > p->n ? p->m : p->n);
  return 2 * q * a * a + 11 * a * a * a;
}

static double flops_ridge(const problem *p)
{
  double a = (double)(p->m < p->n ? p->m : p->n);
  double q = (double)(p->m > p->n ? p->m : p->n);
  return 6 * q * a * a + 20 * a * a * a;
}

static void print_programs(const result *res, double base_rss, wholerun thp)
{
  fprintf(md, "### The programs on generated problems\n\n"
          "Read: `csv_read` of X.csv and `csv_read_vector` of y.csv, in "
          "process.  Compute: the function the program calls, in process "
          "(`lsq_solve_in_place`, method svd; `ridge_svd_path_in_place`, "
          "lambda " LAMBDA ").  Whole: `lsq X.csv y.csv` and `ridge --lambda "
          LAMBDA " X.csv y.csv`, output to /dev/null, with the peak resident "
          "memory (on a 6 x 3 problem it is %.1f MB: the libraries).\n\n",
          base_rss);
  fprintf(md, "| program | X | X in memory | read | compute | whole run "
          "| rest | peak RSS | RSS / X |\n"
          "|---|---|--:|--:|--:|--:|--:|--:|--:|\n");
  for (int i = 0; i < NPROB; i++) {
    const problem *p = &problems[i];
    const result *r = &res[i];
    double xmb = 8e-6 * (double)(p->m * p->n);
    const compute *c[2] = {&r->lsq, &r->ridge};
    const wholerun *w[2] = {&r->wl, &r->wr};
    for (int k = 0; k < 2; k++)
      fprintf(md, "| %s | %zu x %zu | %.1f MB | %.3f s | %.3f s | %.3f s "
              "| %.3f s | %.1f MB | %.2f |\n", k ? "ridge" : "lsq", p->m,
              p->n, xmb, r->rd.ours, c[k]->ours, w[k]->wall,
              w[k]->wall - r->rd.ours - c[k]->ours, w[k]->rss_mb,
              w[k]->rss_mb / xmb);
    if (i == 0)
      target("peak memory of lsq on 4000 x 400, / size of X", "<= 1.7",
             r->wl.rss_mb / xmb, "", r->wl.rss_mb <= 1.7 * xmb);
  }
  fprintf(md, "\nRest: the whole run less read and compute (starting the "
          "process, first touches of fresh memory, printing).  The same "
          "`lsq` 4000 x 400 run with transparent huge pages for malloc "
          "(`GLIBC_TUNABLES=glibc.malloc.hugetlb=1`), which takes 512 times "
          "fewer page faults: %.3f s, %.1f MB.\n\n", thp.wall, thp.rss_mb);
}

static void print_compute(const result *res)
{
  fprintf(md, "### Compute against the bare LAPACK driver and dgemm\n\n"
          "Bare: `LAPACKE_dgelsd` on a copy of X made before the clock "
          "starts (lsq); `LAPACKE_dgesdd` with jobz O on such a copy, then "
          "b = U'y and w = V diag(g) b by two dgemv (ridge).  Overhead: "
          "ours / bare, target <= 1.1.  GFLOP/s from R-SVD flop counts "
          "(Golub & Van Loan, 3rd ed., 5.4.5; p = min(m,n), q = max(m,n)): "
          "lsq 2qp^2 + 11p^3 (Sigma, V, U'y), ridge 6qp^2 + 20p^3 (Sigma, "
          "U_1, V), beside dgemm's %.1f GFLOP/s.  Diff: max |w - w_bare| / "
          "max |w_bare|.\n\n", dgemm_gflops);
  fprintf(md, "| program | X | bare | ours | overhead | GFLOP/s "
          "| of dgemm | diff |\n|---|---|--:|--:|--:|--:|--:|--:|\n");
  for (int i = 0; i < NPROB; i++) {
    const problem *p = &problems[i];
    const compute *c[2] = {&res[i].lsq, &res[i].ridge};
    double fl[2] = {flops_lsq(p), flops_ridge(p)};
    for (int k = 0; k < 2; k++) {
      double g = fl[k] / c[k]->ours / 1e9, ratio = c[k]->ours / c[k]->bare;
      char what[128];
      fprintf(md, "| %s | %zu x %zu | %.3f s | %.3f s | %.2f %s | %.1f "
              "| %.0f%% | %.0e |\n", k ? "ridge" : "lsq", p->m, p->n,
              c[k]->bare, c[k]->ours, ratio, verdict(ratio <= 1.1), g,
              100 * g / dgemm_gflops, c[k]->diff);
      snprintf(what, sizeof what, "compute overhead of %s on %zu x %zu, "
               "/ bare driver", k ? "ridge" : "lsq", p->m, p->n);
      target(what, "<= 1.1", ratio, "", ratio <= 1.1);
    }
  }
}

static void print_path_and_csv(const result *res)
{
  fprintf(md, "\n### ridge --path, K = %d, against %d separate solves\n\n"
          "`ridge_svd_path` for %d lambdas from 1e-3 to 1e3 against %d calls "
          "of `ridge_solve` (one run of all %d), in process; target "
          "speedup >= 10.  Whole: `ridge --path 1e-3:1e3:%d X.csv y.csv`.  "
          "Diff: the largest max-norm relative difference of a column of "
          "the path from its separate solve.\n\n", KPATH, KPATH, KPATH,
          KPATH, KPATH, KPATH);
  fprintf(md, "| X | path | %d solves | speedup | whole run | diff |\n"
          "|---|--:|--:|--:|--:|--:|\n", KPATH);
  for (int i = 0; i < NPROB; i++) {
    const result *r = &res[i];
    double sp = r->path.separate / r->path.path;
    char what[128];
    fprintf(md, "| %zu x %zu | %.3f s | %.2f s | %.0f %s | %.3f s "
            "| %.0e |\n", problems[i].m, problems[i].n, r->path.path,
            r->path.separate, sp, verdict(sp >= 10), r->wp.wall,
            r->path.diff);
    snprintf(what, sizeof what, "ridge --path K = 100 speedup on %zu x %zu",
             problems[i].m, problems[i].n);
    target(what, ">= 10", sp, "", sp >= 10);
  }
  fprintf(md, "\n### Reading CSV\n\n"
          "`csv_read` and `csv_read_vector` (every double parsed, every "
          "error checked) against `read()` of the same bytes through a 1 "
          "MiB buffer, page cache warm; target >= 300 MB/s.\n\n");
  fprintf(md, "| files | size | csv_read | read() | read() / csv_read |\n"
          "|---|--:|--:|--:|--:|\n");
  for (int i = 0; i < NPROB; i++) {
    const reading *d = &res[i].rd;
    double rate = d->mb / d->ours;
    char what[128];
    fprintf(md, "| X, y %zu x %zu | %.1f MB | %.0f MB/s %s | %.0f MB/s "
            "| %.0f |\n", problems[i].m, problems[i].n, d->mb, rate,
            verdict(rate >= 300), d->mb / d->raw, d->ours / d->raw);
    snprintf(what, sizeof what, "CSV reading, %zu x %zu", problems[i].m,
             problems[i].n);
    target(what, ">= 300 MB/s", rate, " MB/s", rate >= 300);
  }
}

static void run_problem(const char *dir, const char *bin, int i, result *r,
                        wholerun *thp)
{
  const problem *p = &problems[i];
  char xp[4096], yp[4096], lsq[4096], ridge[4096], path[32];
  char *thp_env = "GLIBC_TUNABLES=glibc.malloc.hugetlb=1";
  mat X, y;
  fprintf(stderr, "  BENCH   %zu x %zu\n", p->m, p->n);
  snprintf(lsq, sizeof lsq, "%s/lsq", bin);
  snprintf(ridge, sizeof ridge, "%s/ridge", bin);
  snprintf(path, sizeof path, "1e-3:1e3:%d", KPATH);
  paths(dir, p, xp, yp, sizeof xp);
  generate(xp, yp, p);
  r->rd = measure_reading(xp, yp, &X, &y);
  r->lsq = measure_lsq(&X, &y);
  r->ridge = measure_ridge(&X, &y);
  r->path = measure_path(&X, &y);
  mat_free(&X); mat_free(&y);
  char *lsqrun[] = {lsq, xp, yp, NULL};
  char *ridgerun[] = {ridge, "--lambda", LAMBDA, xp, yp, NULL};
  char *pathrun[] = {ridge, "--path", path, xp, yp, NULL};
  r->wl = run_program(lsqrun, NULL);
  r->wr = run_program(ridgerun, NULL);
  r->wp = run_program(pathrun, NULL);
  if (i == 0) *thp = run_program(lsqrun, thp_env);
}

int main(int argc, char **argv)
{
  if (argc != 5) {
    fputs("usage: bench OUTDIR BINDIR TINYDIR RUNS\n", stderr);
    return 2;
  }
  const char *dir = argv[1], *bin = argv[2], *tiny = argv[3],
             *slash = strrchr(argv[0], '/');
  runs = atoi(argv[4]);
  if (runs < 1 || runs >= MAXRUNS) die("RUNS must be 1 to 50", NULL);
  snprintf(measure_exe, sizeof measure_exe, "%.*smeasure",
           slash ? (int)(slash - argv[0] + 1) : 0, argv[0]);
  snprintf(errpath, sizeof errpath, "%s/stderr.txt", dir);
  /* Every large block from fresh memory, as in a program that runs once:
     glibc would otherwise keep freed blocks and hand them out again. */
  mallopt(M_MMAP_THRESHOLD, 128 * 1024);
  mallopt(M_TRIM_THRESHOLD, 128 * 1024);
  md = xfopen(dir, "machine.md", "w");
  print_machine();
  fclose(md);
  targets = xfopen(dir, "targets.tsv", "w");
  md = xfopen(dir, "programs.md", "w");
  char lsq[4096], tx[4096], ty[4096];
  snprintf(lsq, sizeof lsq, "%s/lsq", bin);
  snprintf(tx, sizeof tx, "%s/lsq-X.csv", tiny);
  snprintf(ty, sizeof ty, "%s/lsq-y.csv", tiny);
  char *tinyrun[] = {lsq, tx, ty, NULL};
  double base_rss = run_program(tinyrun, NULL).rss_mb;
  result res[NPROB];
  wholerun thp = {0, 0};
  for (int i = 0; i < NPROB; i++) run_problem(dir, bin, i, &res[i], &thp);
  print_programs(res, base_rss, thp);
  print_compute(res);
  print_path_and_csv(res);
  if (fclose(md) || fclose(targets)) die("cannot write the results", NULL);
  return 0;
}
