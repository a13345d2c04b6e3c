/* Fuzz target: the CSV reader on arbitrary bytes, with the delimiter detected
   or named (chosen by the input's size).  Whatever the input, it
   must return a status, never crash, leak or read out of bounds; on success
   the matrix must be non-empty and every entry finite. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  if (size == 0) return 0;              /* fmemopen refuses an empty buffer */
  if (size < 64) {                      /* the parser's bits are strtod's */
    char s[64];
    double x, y;
    memcpy(s, data, size);
    s[size] = '\0';
    if (strlen(s) == size && csv_parse_double(s, size, &x) == 0
        && (y = strtod(s, NULL), memcmp(&x, &y, sizeof x) != 0)) abort();
  }
  FILE *f = fmemopen((void *)data, size, "r");
  if (!f) return 0;
  mat a;
  err e;
  csv_meta m;
  int delim = size % 5 == 0 ? CSV_DETECT : ",\t; "[size % 4];
  if (csv_read_stream_with(f, "fuzz.csv", delim, &a, &m, &e) == ERR_OK) {
    if (a.rows == 0 || a.cols == 0 || m.ncols != a.cols) abort();
    csv_meta_free(&m);
    for (size_t j = 0; j < a.cols; j++)
      for (size_t i = 0; i < a.rows; i++)
        if (!isfinite(MAT(&a, i, j))) abort();
    mat_free(&a);
  } else if (a.data != NULL || e.msg[0] == '\0') abort();
  fclose(f);
  return 0;
}
