/* test_util.h: what the C unit tests of the core share: the harness
   (checks, groups, the final count), test data, a network owned by a
   test, scratch memory in the core's one scheme, and the naive reference
   computations (one sample at a time, straight from the definitions)
   that expected values come from.

   Files: test_core.c (main; names, activations, losses, the network,
   workspaces, products, passes, gradients, prediction, classes),
   test_train.c (optimisers, options, schedules, the shuffle, training
   runs), test_system.c (clock and free memory), test_util.c (this
   header's definitions). */
#ifndef TEST_UTIL_H
#define TEST_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>
#include "bp.h"

/* ================================================================ harness */

extern unsigned long n_passed, n_failed;

/* Call first: installs a GSL error handler that counts instead of
   aborting.  The core promises never to call GSL's error handler (it
   returns status codes instead), so every call of it is reported as a
   failed check of the group in which it happened. */
void harness_init (void);

void record (int ok);
void check_true (int ok, const char *file, int line, const char *expr);
/* |got - want| <= tol (rel = 0) or <= tol |want| (rel = 1).  Equal values
   pass (that covers infinities); a NaN never passes. */
void check_near (double got, double want, double tol, int rel,
                 const char *file, int line, const char *expr);
void check_size (size_t got, size_t want, const char *file, int line,
                 const char *expr);
void check_int (long got, long want, const char *file, int line,
                const char *expr);
/* Every entry of got within tol (absolute) of want; one check per call. */
void check_mat (const gsl_matrix *got, const gsl_matrix *want, double tol,
                const char *file, int line, const char *expr);
/* n doubles with the very same bits (NaN equal to the same NaN). */
void check_same (const double *got, const double *want, size_t n,
                 const char *file, int line, const char *expr);
/* A string: equal to want, or (want NULL) a NULL pointer. */
void check_str (const char *got, const char *want, const char *file,
                int line, const char *expr);

#define CHECK(c) check_true ((c) != 0, __FILE__, __LINE__, #c)
#define CHECK_NEAR(got, want, tol) \
  check_near ((got), (want), (tol), 0, __FILE__, __LINE__, #got)
#define CHECK_REL(got, want, tol) \
  check_near ((got), (want), (tol), 1, __FILE__, __LINE__, #got)
#define CHECK_SIZE(got, want) \
  check_size ((got), (want), __FILE__, __LINE__, #got)
#define CHECK_INT(got, want) \
  check_int ((long) (got), (long) (want), __FILE__, __LINE__, #got)
#define CHECK_MAT(got, want, tol) \
  check_mat ((got), (want), (tol), __FILE__, __LINE__, #got)
#define CHECK_SAME(got, want, n) \
  check_same ((got), (want), (n), __FILE__, __LINE__, #got)
#define CHECK_STR(got, want) \
  check_str ((got), (want), __FILE__, __LINE__, #got)
/* A matrix against a row-major array of the same shape. */
#define CHECK_MAT_ARR(got, arr, tol) \
  do { \
    gsl_matrix_const_view w_ = \
      gsl_matrix_const_view_array ((arr), (got)->size1, (got)->size2); \
    check_mat ((got), &w_.matrix, (tol), __FILE__, __LINE__, #got); \
  } while (0)
/* Two arrays of n doubles. */
#define CHECK_ARR(got, want, n, tol) \
  do { \
    gsl_matrix_const_view g_ = gsl_matrix_const_view_array ((got), 1, (n)); \
    gsl_matrix_const_view w_ = gsl_matrix_const_view_array ((want), 1, (n)); \
    check_mat (&g_.matrix, &w_.matrix, (tol), __FILE__, __LINE__, #got); \
  } while (0)

/* Run one group: its checks, then its '#' summary line. */
void run_group (const char *name, void (*fn) (void));

/* ============================================================= utilities */

void *xcalloc (size_t n, size_t size);
void *xmalloc (size_t bytes);

/* A row-major view of a plain array. */
gsl_matrix mview (double *a, size_t rows, size_t cols);

/* Deterministic test data from a 64-bit LCG (Knuth's MMIX constants),
   independent of the core's own generator. */
void lcg_seed (uint64_t s);
double lcg_uniform (double lo, double hi);
gsl_matrix *random_matrix (size_t rows, size_t cols, double lo, double hi);

/* One-hot targets with `classes` columns: the class of sample i is
   (number of positive inputs) mod classes. */
gsl_matrix *one_hot_targets (const gsl_matrix *X, size_t classes);
/* Plain argmax of row i, first index on ties. */
size_t naive_argmax (const gsl_matrix *A, size_t i);
/* The class of row i as the package defines it, written out: one column
   -> 1 when a >= 0.5, else 0; several -> the argmax. */
size_t naive_class (const gsl_matrix *A, size_t i);

/* ------------------------------------------------- a network owned by a test

   The bp_net fields point into this struct, so it lives on the heap and is
   never copied.  All parameters sit in one array, layer by layer: the
   weights W[l] (row-major, n_l-by-n_(l+1)) then the biases b[l], which is
   the order of bp_net_view (bp_unroll).  Two networks of the same sizes
   have the same layout, so a gradient or a velocity can be held in a tnet
   and combined with the parameters entry by entry. */

#define MAXL 3
#define MAXN 8

typedef struct {
  bp_net net;
  size_t n[MAXL + 1];
  bp_activation g[MAXL];
  gsl_matrix W[MAXL];
  gsl_vector b[MAXL];
  double *store;
  size_t nstore;
} tnet;

tnet *tnet_new (size_t L, const size_t *n, const bp_activation *g,
                bp_loss loss);
tnet *tnet_like (const tnet *t);       /* same shape, parameters zero */
tnet *tnet_clone (const tnet *t);
void tnet_free (tnet *t);
void tnet_randomize (tnet *t, double lo, double hi);

/* Every parameter of a network in bp_net_view's order, read through its
   W and b views one entry at a time (any strides). */
void net_flat (const bp_net *net, double *out);

/* ------------------------------------------------------ scratch memory

   A workspace in a block of exactly bp_workspace_bytes (malloc'd), as the
   callers of the core lay them out. */
typedef struct {
  bp_workspace ws;
  char *mem;
} tws;
tws *tws_new (size_t L, const size_t *n, size_t m, int parts);
void tws_free (tws *w);

/* Z, A, Delta views of the first m rows of a workspace. */
typedef struct {
  gsl_matrix Z[MAXL], A[MAXL], D[MAXL];
} batch_views;
void views_of (const bp_workspace *ws, size_t m, batch_views *v);

/* ==================================================== naive references */

void ref_act (bp_activation g, const double *z, double *a, size_t n);
/* J[k*n + i] = da_k/dz_i for one sample. */
void ref_jacobian (bp_activation g, const double *z, const double *a,
                   size_t n, double *J);
double ref_loss (bp_loss c, const double *a, const double *y, size_t n);
void ref_dloss (bp_loss c, const double *a, const double *y, size_t n,
                double *g);

/* One sample through the network: z, a and delta of every layer. */
typedef struct {
  double z[MAXL][MAXN], a[MAXL][MAXN], d[MAXL][MAXN];
} ref_pass;
double ref_sample (const tnet *t, const double *x, const double *y,
                   ref_pass *p);
/* Mean loss over the rows of X, Y plus lambda/(2m) sum of squared
   weights. */
double ref_cost (const tnet *t, const gsl_matrix *X, const gsl_matrix *Y,
                 double lambda);
/* The gradient of ref_cost into g (a tnet of the same shape): the mean
   over samples of a_k delta_j (biases: delta_j), plus (lambda/m) w. */
void ref_gradient (const tnet *t, const gsl_matrix *X, const gsl_matrix *Y,
                   double lambda, tnet *g);

/* ================================================ groups of other files */

/* test_train.c */
void test_optimizer_names (void);
void test_sgd_update (void);
void test_optimizer_update (void);
void test_options (void);
void test_schedule (void);
void test_shuffle (void);
void test_runs_loop (void);
void test_runs_progress (void);
void test_runs_refusals (void);
void test_runs_stopping (void);
void test_run_resume (void);
void test_run_full_batch (void);

/* test_system.c */
void test_clock (void);
void test_memory (void);
void test_pages (void);

#endif /* TEST_UTIL_H */
