/* A disk that fails part-way through a file (bad-inputs F15: a USB stick pulled out while a pack is read), for
 * tests/core/test_read_errors.py. Loaded with LD_PRELOAD: a read() or pread() on a file whose path contains
 * KIT_EIO_MARK returns its first KIT_EIO_AFTER bytes, then fails with EIO, as the kernel reports a failed device.
 * It works below Python and Qt alike (QImageReader reads through the same libc calls). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

static int failing(int fd) {
    const char *mark = getenv("KIT_EIO_MARK");
    char link[64], path[4096];
    ssize_t length;
    if (!mark || !*mark) return 0;
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    length = readlink(link, path, sizeof path - 1);
    if (length <= 0) return 0;
    path[length] = '\0';
    return strstr(path, mark) != NULL;
}

static size_t allowed(int fd, off_t offset, size_t count) {
    /* Bytes this call may still return before the "device" fails: none once past KIT_EIO_AFTER. */
    long after = atol(getenv("KIT_EIO_AFTER") ? getenv("KIT_EIO_AFTER") : "0");
    if (offset < 0) offset = lseek(fd, 0, SEEK_CUR);
    if (offset >= after) return 0;
    return (size_t)(after - offset) < count ? (size_t)(after - offset) : count;
}

ssize_t read(int fd, void *buffer, size_t count) {
    static ssize_t (*real)(int, void *, size_t);
    if (!real) real = dlsym(RTLD_NEXT, "read");
    if (count && failing(fd)) {
        size_t left = allowed(fd, -1, count);
        if (!left) { errno = EIO; return -1; }
        return real(fd, buffer, left);
    }
    return real(fd, buffer, count);
}

ssize_t pread(int fd, void *buffer, size_t count, off_t offset) {
    static ssize_t (*real)(int, void *, size_t, off_t);
    if (!real) real = dlsym(RTLD_NEXT, "pread");
    if (count && failing(fd)) {
        size_t left = allowed(fd, offset, count);
        if (!left) { errno = EIO; return -1; }
        return real(fd, buffer, left, offset);
    }
    return real(fd, buffer, count, offset);
}

ssize_t pread64(int fd, void *buffer, size_t count, off_t offset) { return pread(fd, buffer, count, offset); }
