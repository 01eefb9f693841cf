/*
 * GEOS C API reference for polygon IoU (bench/polygon-iou-vs-geos.sh).
 *
 * usage: iou_driver PAIRS.tsv OUT.txt
 * PAIRS.tsv holds "kind TAB wktA TAB wktB" lines (written by the .NET side). The driver parses
 * every polygon and computes its area outside the clock, exactly like the .NET side, then times
 * passes computing IoU = |A n B| / (|A| + |B| - |A n B|) with GEOSIntersection_r + GEOSArea_r for
 * every pair. One warm-up pass, then passes for at least one second (and at least five); it prints
 * ns per pair for the fastest and the median pass, overall and per pair kind, and writes each
 * pair's IoU ("%.17g") to OUT.txt.
 */
#define _POSIX_C_SOURCE 200809L
#include <geos_c.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
    char kind[32];
    GEOSGeometry *a;
    GEOSGeometry *b;
    double area_a;
    double area_b;
} pair_t;

static void on_geos_message(const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    vfprintf(stderr, fmt, args);
    va_end(args);
    fputc('\n', stderr);
}

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int compare_doubles(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

static double iou(GEOSContextHandle_t ctx, const pair_t *p)
{
    GEOSGeometry *inter = GEOSIntersection_r(ctx, p->a, p->b);
    double inter_area = 0;
    if (inter == NULL || !GEOSArea_r(ctx, inter, &inter_area)) {
        fprintf(stderr, "intersection failed\n");
        exit(1);
    }
    GEOSGeom_destroy_r(ctx, inter);
    double uni = p->area_a + p->area_b - inter_area;
    return uni <= 0 ? 0.0 : inter_area / uni;
}

/* Times passes over the pairs whose kind matches (NULL = all); returns the pair count. */
static size_t measure(GEOSContextHandle_t ctx, const pair_t *pairs, size_t n, const char *kind,
                      double *values, double *best, double *median, size_t *pass_count)
{
    size_t capacity = 1024, passes = 0, selected = 0;
    double *times = malloc(capacity * sizeof(double));
    double started = now_ns();
    for (size_t pass = 0; pass == 0 || now_ns() - started < 1e9 || passes < 5; pass++) {
        double t0 = now_ns();
        selected = 0;
        for (size_t i = 0; i < n; i++) {
            if (kind != NULL && strcmp(pairs[i].kind, kind) != 0) {
                continue;
            }
            values[i] = iou(ctx, &pairs[i]);
            selected++;
        }
        double elapsed = now_ns() - t0;
        if (pass > 0) {
            if (passes == capacity) {
                capacity *= 2;
                times = realloc(times, capacity * sizeof(double));
            }
            times[passes++] = elapsed / (double)selected;
        }
    }
    qsort(times, passes, sizeof(double), compare_doubles);
    *best = times[0];
    *median = times[passes / 2];
    *pass_count = passes;
    free(times);
    return selected;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s PAIRS.tsv OUT.txt\n", argv[0]);
        return 2;
    }
    GEOSContextHandle_t ctx = GEOS_init_r();
    GEOSContext_setErrorMessageHandler_r(ctx, (GEOSMessageHandler_r)on_geos_message, NULL);
    GEOSWKTReader *reader = GEOSWKTReader_create_r(ctx);

    FILE *in = fopen(argv[1], "r");
    if (in == NULL) {
        perror(argv[1]);
        return 1;
    }
    size_t n = 0, capacity = 1024;
    pair_t *pairs = malloc(capacity * sizeof(pair_t));
    char *line = NULL;
    size_t line_capacity = 0;
    while (getline(&line, &line_capacity, in) > 0) {
        char *kind = strtok(line, "\t");
        char *wkt_a = strtok(NULL, "\t");
        char *wkt_b = strtok(NULL, "\t\n");
        if (kind == NULL || wkt_a == NULL || wkt_b == NULL) {
            fprintf(stderr, "bad line %zu\n", n + 1);
            return 1;
        }
        if (n == capacity) {
            capacity *= 2;
            pairs = realloc(pairs, capacity * sizeof(pair_t));
        }
        pair_t *p = &pairs[n++];
        snprintf(p->kind, sizeof p->kind, "%s", kind);
        p->a = GEOSWKTReader_read_r(ctx, reader, wkt_a);
        p->b = GEOSWKTReader_read_r(ctx, reader, wkt_b);
        if (p->a == NULL || p->b == NULL || !GEOSArea_r(ctx, p->a, &p->area_a) || !GEOSArea_r(ctx, p->b, &p->area_b)) {
            fprintf(stderr, "unreadable polygon on line %zu\n", n);
            return 1;
        }
    }
    free(line);
    fclose(in);

    double *values = malloc(n * sizeof(double));
    double best, median;
    size_t passes;
    measure(ctx, pairs, n, NULL, values, &best, &median, &passes);
    printf("geos\tall\tpairs=%zu\tpasses=%zu\tbest_ns=%.0f\tmedian_ns=%.0f\n", n, passes, best, median);

    const char *kinds[] = {"contained", "disjoint", "identical", "overlapping", "shared-edge", "touching"};
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        size_t count = measure(ctx, pairs, n, kinds[k], values, &best, &median, &passes);
        if (count > 0) {
            printf("geos\t%s\tpairs=%zu\tpasses=%zu\tbest_ns=%.0f\tmedian_ns=%.0f\n", kinds[k], count, passes, best, median);
        }
    }

    FILE *out = fopen(argv[2], "w");
    for (size_t i = 0; i < n; i++) {
        fprintf(out, "%.17g\n", values[i]);
        GEOSGeom_destroy_r(ctx, pairs[i].a);
        GEOSGeom_destroy_r(ctx, pairs[i].b);
    }
    fclose(out);
    free(values);
    free(pairs);
    GEOSWKTReader_destroy_r(ctx, reader);
    GEOS_finish_r(ctx);
    return 0;
}
