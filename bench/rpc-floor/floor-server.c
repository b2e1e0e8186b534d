/* The cheapest possible eth_blockNumber server: an epoll loop per thread (SO_REUSEPORT) that answers every complete
 * HTTP/1.1 POST with one fixed JSON-RPC response and parses nothing else. It does less work than any real node, so its
 * rate under a load generator is the ceiling that generator and this machine's kernel allow any server.
 * Usage: floor-server PORT [THREADS]   (listens on 127.0.0.1) */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#define BUF 16384
static const char BODY[] = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x1\"}";
static char response[256];
static int response_len;
static int port;

struct conn { int fd; int filled; char buf[BUF]; };

/* Returns the length of the first complete request in buf, 0 when incomplete, -1 when malformed. */
static int request_length(const char *buf, int filled) {
    const char *end = memmem(buf, filled, "\r\n\r\n", 4);
    if (!end) return filled >= BUF ? -1 : 0;
    int head = (int)(end - buf) + 4;
    long body = 0;
    const char *p = buf;
    while (p < end) {
        const char *eol = memmem(p, end + 2 - p, "\r\n", 2);
        if (!eol) break;
        if (eol - p > 15 && strncasecmp(p, "content-length:", 15) == 0) body = strtol(p + 15, NULL, 10);
        p = eol + 2;
    }
    if (body < 0 || head + body > BUF) return -1;
    return head + body <= filled ? head + (int)body : 0;
}

static void *serve(void *arg) {
    (void)arg;
    int ls = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0), one = 1;
    setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    setsockopt(ls, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    if (bind(ls, (struct sockaddr *)&a, sizeof a) || listen(ls, 1024)) { perror("listen"); exit(1); }
    int ep = epoll_create1(0);
    struct epoll_event ev = { .events = EPOLLIN, .data.ptr = NULL };
    epoll_ctl(ep, EPOLL_CTL_ADD, ls, &ev);
    struct epoll_event events[256];
    for (;;) {
        int n = epoll_wait(ep, events, 256, -1);
        for (int i = 0; i < n; i++) {
            struct conn *c = events[i].data.ptr;
            if (!c) {
                int fd;
                while ((fd = accept4(ls, NULL, NULL, SOCK_NONBLOCK)) >= 0) {
                    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                    struct conn *nc = calloc(1, sizeof *nc);
                    nc->fd = fd;
                    struct epoll_event cev = { .events = EPOLLIN, .data.ptr = nc };
                    epoll_ctl(ep, EPOLL_CTL_ADD, fd, &cev);
                }
                continue;
            }
            int r = (int)read(c->fd, c->buf + c->filled, BUF - c->filled);
            if (r <= 0) {
                if (r < 0 && errno == EAGAIN) continue;
                close(c->fd); free(c); continue;
            }
            c->filled += r;
            int len;
            char out[BUF];
            int out_len = 0;
            while ((len = request_length(c->buf, c->filled)) > 0) {
                if (out_len + response_len > BUF) break;
                memcpy(out + out_len, response, response_len);
                out_len += response_len;
                memmove(c->buf, c->buf + len, c->filled - len);
                c->filled -= len;
            }
            if (len < 0) { close(c->fd); free(c); continue; }
            if (out_len > 0 && write(c->fd, out, out_len) != out_len) { close(c->fd); free(c); }
        }
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: %s PORT [THREADS]\n", argv[0]); return 2; }
    port = atoi(argv[1]);
    int threads = argc > 2 ? atoi(argv[2]) : 1;
    response_len = snprintf(response, sizeof response,
        "HTTP/1.1 200 OK\r\nContent-Length: %zu\r\nContent-Type: application/json\r\nDate: Sun, 22 Nov 2026 00:00:00 GMT\r\n\r\n%s",
        strlen(BODY), BODY);
    pthread_t t[64];
    for (int i = 1; i < threads && i < 64; i++) pthread_create(&t[i], NULL, serve, NULL);
    serve(NULL);
    return 0;
}
