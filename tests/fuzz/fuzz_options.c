/* Fuzz target: every program's option parser on arbitrary command lines.
   The input is split at NUL bytes into at most 32 arguments.  A parser must
   return a status (or CLI_HELP), never crash; on an error it must leave a
   message, and on success the arguments it needs must be set. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "gradients-cli.h"
#include "lsq-cli.h"
#include "relu-elbow-cli.h"
#include "ridge-cli.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  enum { MAXARG = 32 };
  char *buf = malloc(size + 1), *argv[MAXARG + 2], *copy[MAXARG + 2];
  if (!buf) return 0;
  memcpy(buf, data, size);
  buf[size] = '\0';
  int argc = 1;
  argv[0] = "prog";
  for (size_t i = 0; i <= size && argc <= MAXARG; ) {
    argv[argc++] = buf + i;
    i += strlen(buf + i) + 1;
  }
  argv[argc] = NULL;
  err e = {0, ""};
  memcpy(copy, argv, sizeof argv);       /* getopt permutes its argv */
  grad_args g = {0, 0, 0};
  int s = grad_parse_args(argc, copy, &g, &e);
  if (s > 0 && e.msg[0] == '\0') abort();
  if (s == 0 && (!g.A || !g.x)) abort();
  memcpy(copy, argv, sizeof argv);
  lsq_args l = {.method = LSQ_SVD};
  e.msg[0] = '\0';
  s = lsq_parse_args(argc, copy, &l, &e);
  if (s > 0 && e.msg[0] == '\0') abort();
  if (s == 0 && (!l.X || !l.y || !(l.rcond >= 0 && l.rcond < 1))) abort();
  memcpy(copy, argv, sizeof argv);
  ridge_args r;
  memset(&r, 0, sizeof r);
  e.msg[0] = '\0';
  s = ridge_parse_args(argc, copy, &r, &e);
  if (s > 0 && e.msg[0] == '\0') abort();
  if (s == 0 && (!r.X || !r.y || (!r.path_text && !(r.lambda > 0))))
    abort();
  memcpy(copy, argv, sizeof argv);
  relu_args u;
  memset(&u, 0, sizeof u);
  e.msg[0] = '\0';
  s = relu_parse_args(argc, copy, &u, &e);
  if (s > 0 && e.msg[0] == '\0') abort();
  if (s == 0 && (u.mode == RELU_NO_COMMAND || !(u.lr > 0)
                 || (u.mode == RELU_TRAIN && (u.units < 1 || u.every < 1))))
    abort();
  free(buf);
  return 0;
}
