/* spawn.c - runs one command and reports its time and peak memory.
 *
 *     spawn RESULT_FILE PROGRAM [ARG...]
 *
 * Forks, execs PROGRAM with the given arguments (stdin, stdout and stderr
 * inherited), waits for it and writes one line to RESULT_FILE:
 *
 *     <wall seconds> <cpu seconds, user+system> <peak RSS in KiB> <exit status>
 *
 * The exit status is the child's, or 128+N when signal N ended it. Wall
 * time runs from just before fork() to the return of wait4(), so process
 * start is included. Why a launcher at all: the peak RSS the kernel
 * reports for a child (ru_maxrss) is the largest of every memory map the
 * process had, including the one it was forked or vforked from before
 * exec; a child of the Python runner starts at the runner's 15 MB, which
 * hid the footprint of every small plan. Forked from this small program,
 * the child starts at about 1 MB. Exits 0 when it could run the command
 * (whatever the command's status), 2 when it could not.
 */
#include <errno.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double seconds_of(struct timeval tv)
{
    return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "uso: spawn ARCHIVO_RESULTADO PROGRAMA [ARGUMENTO...]\n");
        return 2;
    }
    FILE *out = fopen(argv[1], "w");
    if (!out) {
        perror(argv[1]);
        return 2;
    }
    double t0 = now();
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return 2;
    }
    if (pid == 0) {
        execvp(argv[2], argv + 2);
        perror(argv[2]);
        _exit(127);
    }
    int status = 0;
    struct rusage ru;
    pid_t got;
    do {
        got = waitpid(pid, &status, 0);
    } while (got < 0 && errno == EINTR);
    double t1 = now();
    /* The one child this process has: the figures of all its waited-for
     * children are the command's. */
    if (got < 0 || getrusage(RUSAGE_CHILDREN, &ru) != 0) {
        perror("waitpid");
        return 2;
    }
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    fprintf(out, "%.9f %.6f %ld %d\n", t1 - t0, seconds_of(ru.ru_utime) + seconds_of(ru.ru_stime),
            ru.ru_maxrss, code);
    return fclose(out) == 0 ? 0 : 2;
}
