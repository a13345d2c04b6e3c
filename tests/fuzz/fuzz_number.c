/* Fuzz target: the reader's numbers against strtod, bit for bit.  The input
   is turned into a decimal that exercises the fast paths (Clinger's, and
   Eisel and Lemire's with its fallback to strtod):
     byte 0       the form: sign, point position, leading zeros, exponent
                  spelling; or a double's bits printed with 15 to 19 digits
     bytes 1..8   the digits (a 64-bit integer, cut to 1..20 digits) or the
                  double's bits
     bytes 9..10  the decimal exponent, -400 .. 400
   The number is read by csv_parse_double and, twice on one line of a file,
   by csv_read_stream (which cuts fields and reads numbers in one pass); both
   must give strtod's bits, or both must refuse an infinite result. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t make_number(const uint8_t *data, size_t size, char *s, size_t cap)
{
  uint8_t in[11] = {0};
  memcpy(in, data, size < sizeof in ? size : sizeof in);
  uint64_t u = 0;
  for (int i = 8; i >= 1; i--) u = u << 8 | in[i];
  int form = in[0], ex = (int)((in[9] | in[10] << 8) % 801) - 400;
  if (form < 32) {                          /* a double, as %.Ng prints it */
    double v;
    memcpy(&v, &u, sizeof v);
    if (!isfinite(v)) v = (double)u;
    return (size_t)snprintf(s, cap, "%.*g", 15 + form % 5, v);
  }
  char digits[32];
  int nd = snprintf(digits, sizeof digits, "%llu", (unsigned long long)u);
  int keep = 1 + (form >> 3) % 20;             /* 1 to 20 digits */
  if (keep < nd) nd = keep;
  int point = form & 4 ? (in[9] >> 2) % (nd + 1) : -1;
  size_t k = 0;
  if (form & 1) s[k++] = form & 2 ? '-' : '+';
  for (int z = 0; z < (in[10] >> 5) % 4; z++) s[k++] = '0';   /* leading zeros */
  for (int d = 0; d < nd; d++) {
    if (d == point) s[k++] = '.';
    s[k++] = digits[d];
  }
  if (point == nd) s[k++] = '.';
  if (form & 0x80 || ex != 0)
    k += (size_t)snprintf(s + k, cap - k, "%s%s%s%d", in[10] & 16 ? "E" : "e",
                          ex < 0 ? "-" : in[10] & 8 ? "+" : "",
                          in[10] & 4 ? "00" : "", abs(ex));
  s[k] = '\0';
  return k;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  char s[128], line[300];
  size_t n = make_number(data, size, s, sizeof s);
  double x, y = strtod(s, NULL);
  int r = csv_parse_double(s, n, &x);
  if (isinf(y) ? r != 3 : r != 0 || memcmp(&x, &y, sizeof x) != 0) abort();
  int k = snprintf(line, sizeof line, "%s,%s\n", s, s);
  FILE *f = fmemopen(line, (size_t)k, "r");
  if (!f) return 0;
  mat a;
  err e;
  int st = csv_read_stream(f, "fuzz.csv", &a, &e);
  fclose(f);
  if (isinf(y)) {
    if (st == ERR_OK) abort();
    return 0;
  }
  if (st != ERR_OK || a.rows != 1 || a.cols != 2) abort();
  if (memcmp(&a.data[0], &y, sizeof y) || memcmp(&a.data[1], &y, sizeof y)) abort();
  mat_free(&a);
  return 0;
}
