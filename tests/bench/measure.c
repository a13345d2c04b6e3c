/* measure OUT ERR PROG [ARG...]: run PROG with its standard output going to
   the file OUT and its standard error to ERR, then print on standard output
   its wall time in seconds and its peak resident memory in kB, as GNU
   time's "%e %M" would.  The exit status is PROG's (127 if it could not be
   started, 128 + N if signal N killed it).

   It is a process of its own, small and linked with nothing but the C
   library, because Linux starts a child's peak-memory count at the
   high-water mark of the memory it was forked or spawned from: measured
   from the benchmark itself, which holds large matrices, every program
   would seem to use as much as the benchmark. */
#define _GNU_SOURCE            /* wait4 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static int redirect(const char *path, int fd)
{
  int f = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (f < 0 || dup2(f, fd) < 0) return -1;
  close(f);
  return 0;
}

int main(int argc, char **argv)
{
  if (argc < 4) {
    fputs("usage: measure OUT ERR PROG [ARG...]\n", stderr);
    return 2;
  }
  fflush(stdout);
  double t0 = now();
  pid_t pid = fork();
  if (pid < 0) { perror("measure: fork"); return 127; }
  if (pid == 0) {
    if (redirect(argv[1], 1) || redirect(argv[2], 2)) _exit(127);
    execv(argv[3], argv + 3);
    _exit(127);
  }
  int status;
  struct rusage ru;
  while (wait4(pid, &status, 0, &ru) < 0)
    if (errno != EINTR) { perror("measure: wait4"); return 127; }
  printf("%.6f %ld\n", now() - t0, ru.ru_maxrss);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}
