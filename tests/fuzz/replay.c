/* Replays a fuzz corpus without libFuzzer: calls the target on every file
   named on the command line and prints one TAP line per corpus.  Built with
   the ordinary compiler, so make check replays the corpus on every machine. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
  int done = 0;
  for (int i = 1; i < argc; i++) {
    FILE *f = fopen(argv[i], "rb");
    if (!f) { printf("not ok 1 - cannot open %s\n", argv[i]); return 1; }
    static uint8_t buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    LLVMFuzzerTestOneInput(buf, n);
    done++;
  }
  printf("ok 1 - replayed %d corpus inputs without a crash\n1..1\n", done);
  return 0;
}
