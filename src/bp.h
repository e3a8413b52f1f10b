/* bp.h: the numerical core of the backprop package (C99 on GSL).
 *
 * No Octave header is included anywhere in the core; the MEX gateways
 * (src/__bp_*__.c) are the only files that know about Octave.
 *
 * Storage convention.  Octave keeps samples in COLUMNS: a layer's
 * activations a^(l) are an n_l-by-m column-major array.  Read as a C
 * row-major array, that same memory is an m-by-n_l matrix with one sample
 * per ROW.  The core works on those row-major views, so Octave's arrays are
 * used in place without a copy:
 *
 *   Octave                      core (gsl_matrix, row-major)
 *   x, a{l}, z{l}, delta{l}     X, A[l-1], Z[l-1], Delta[l-1]: m-by-n_l
 *   W{l} (n_l-by-n_(l-1))       W[l-1]: n_(l-1)-by-n_l, i.e. w^(l) transposed
 *   b{l} (n_l-by-1)             b[l-1]: vector of length n_l
 *
 * so the forward pass z^(l) = w^(l) a^(l-1) + b^(l) becomes
 * Z[l-1] = A[l-2] * W[l-1] + 1 b^T, one level-3 BLAS call per layer.
 *
 * Arrays indexed by layer are 0-based in C: element l-1 holds layer l.
 */
#ifndef BP_H
#define BP_H

#include <stddef.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>
#include <gsl/gsl_blas_types.h>

/* Status codes returned by functions that can fail. */
enum {
  BP_OK = 0,
  BP_EINVAL = 1,    /* an argument is out of its domain */
  BP_ENOMEM = 2,    /* an allocation failed (or its size overflows size_t) */
  BP_EINTR = 3,     /* the caller's poll callback asked to stop */
  BP_EDIVERGED = 4  /* the training loss became NaN or infinite */
};

/* Activation functions g^(l). */
typedef enum {
  BP_SIGMOID = 0,
  BP_TANH,
  BP_RELU,
  BP_LEAKY_RELU,
  BP_LINEAR,
  BP_SOFTMAX,
  BP_N_ACTIVATIONS
} bp_activation;

/* Slope of leaky-relu for z <= 0. */
#define BP_LEAKY_SLOPE 0.01

/* Loss functions C_0 (one sample); reported costs are means over samples. */
typedef enum {
  BP_SSE = 0,         /* sum_j (a_j - y_j)^2                          */
  BP_QUADRATIC,       /* 1/2 sum_j (a_j - y_j)^2                      */
  BP_MSE,             /* 1/n_L sum_j (a_j - y_j)^2                    */
  BP_CROSS_ENTROPY,   /* -sum_j [y_j ln a_j + (1-y_j) ln(1-a_j)]      */
  BP_LOG_LIKELIHOOD,  /* -sum_j y_j ln a_j                            */
  BP_N_LOSSES
} bp_loss;

/* Names as used in Octave ("sigmoid", "leaky-relu", "cross-entropy" ...). */
int bp_activation_parse (const char *name, bp_activation *g);
const char *bp_activation_name (bp_activation g);
int bp_loss_parse (const char *name, bp_loss *c);
const char *bp_loss_name (bp_loss c);

/* The output activation a loss needs: cross-entropy needs sigmoid,
   log-likelihood needs softmax (their fused deltas and log forms rely on
   it); the quadratic losses take any.  Returns 1 when g suits c. */
int bp_loss_accepts (bp_loss c, bp_activation g);

/* ---- activations (bp_activation.c); matrices are m-by-n, one sample a row */

/* A = g(Z).  A may be Z itself.  Softmax normalises each row. */
void bp_activate (bp_activation g, const gsl_matrix *Z, gsl_matrix *A);

/* D = g'(Z) elementwise, from Z and A = g(Z).  For softmax this is the
   diagonal of each sample's Jacobian, a .* (1 - a). */
void bp_activation_slope (bp_activation g, const gsl_matrix *Z,
                          const gsl_matrix *A, gsl_matrix *D);

/* In place: G holds dC/da on entry and dC/dz on exit.  Elementwise
   activations multiply by g'(z); softmax applies the full Jacobian,
   dC/dz_i = a_i (dC/da_i - sum_k a_k dC/da_k). */
void bp_activation_backprop (bp_activation g, const gsl_matrix *Z,
                             const gsl_matrix *A, gsl_matrix *G);

/* ---- losses (bp_loss.c) */

/* Mean over the rows (samples) of C_0(a, y). */
double bp_loss_mean (bp_loss c, const gsl_matrix *A, const gsl_matrix *Y);

/* G = dC_0/da for every sample (not divided by m). */
void bp_loss_gradient (bp_loss c, const gsl_matrix *A, const gsl_matrix *Y,
                       gsl_matrix *G);

/* Delta = dC_0/dz^(L) for every sample, for output activation g, and the
   mean loss.  Sigmoid + cross-entropy and softmax + log-likelihood use the
   fused delta and evaluate the loss from z (finite even where a rounds to
   0 or 1); other pairs use dC_0/da through the activation's Jacobian. */
double bp_output_delta (bp_loss c, bp_activation g, const gsl_matrix *Z,
                        const gsl_matrix *A, const gsl_matrix *Y,
                        gsl_matrix *Delta);

/* ---- the network (bp_network.c) */

typedef struct {
  size_t L;                 /* number of weight layers */
  const size_t *n;          /* n[0..L]: layer widths, n[0] the input */
  gsl_matrix *W;            /* W[l-1]: n_(l-1)-by-n_l, w^(l) transposed */
  gsl_vector *b;            /* b[l-1]: length n_l */
  const bp_activation *g;   /* g[l-1]: activation of layer l */
  bp_loss loss;
} bp_net;

/* C = alpha op(A) op(B) + beta C (bp_gemm.c): level-3 BLAS, or a plain
   loop for products too small for a BLAS call to pay off. */
void bp_gemm (CBLAS_TRANSPOSE_t ta, CBLAS_TRANSPOSE_t tb, double alpha,
              const gsl_matrix *A, const gsl_matrix *B, double beta,
              gsl_matrix *C);

/* Y += alpha X for two matrices of the same shape. */
void bp_axpy (double alpha, const gsl_matrix *X, gsl_matrix *Y);

/* Sum of the squared weights of every layer (biases excluded). */
double bp_weight_sumsq (const bp_net *net);

/* Scratch for one mini-batch of up to m samples: Z, A, Delta per layer.
   Allocated once, reused for every batch (no allocation per step). */
typedef struct {
  size_t L, m;              /* layers, row capacity */
  gsl_matrix *Z, *A, *Delta;/* L full-capacity matrices each, m-by-n_l */
  void *block;              /* the allocation behind them, if owned */
} bp_workspace;

/* NULL when memory is short or the size overflows. */
bp_workspace *bp_workspace_alloc (size_t L, const size_t *n, size_t m);
void bp_workspace_free (bp_workspace *ws);

/* The same workspace in memory the caller provides: bp_workspace_bytes
   gives the size (0 when it overflows), bp_workspace_init lays the
   matrices out in mem (aligned for double); the caller frees mem. */
size_t bp_workspace_bytes (size_t L, const size_t *n, size_t m);
void bp_workspace_init (bp_workspace *ws, size_t L, const size_t *n,
                        size_t m, void *mem);

/* View of the first m rows of a full-capacity scratch matrix. */
gsl_matrix bp_rows (const gsl_matrix *full, size_t m);

/* Multiply two size_t values; returns 0 and sets *r on success, BP_ENOMEM
   on overflow.  Used to size allocations safely. */
int bp_size_mul (size_t a, size_t b, size_t *r);

/* ---- forward and backward passes (bp_forward.c, bp_backward.c) */

/* Z[i] and A[i] (m-by-n_(i+1)) receive z^(i+1) and a^(i+1) for the
   m samples in the rows of X (m-by-n_0). */
void bp_forward (const bp_net *net, const gsl_matrix *X,
                 gsl_matrix *Z, gsl_matrix *A);

/* Delta[i] receives delta^(i+1) = dC_0/dz^(i+1) for every sample, from the
   forward results Z, A and targets Y (m-by-n_L).  Returns the mean loss
   (without any weight-decay term). */
double bp_backward (const bp_net *net, const gsl_matrix *Y,
                    const gsl_matrix *Z, const gsl_matrix *A,
                    gsl_matrix *Delta);

/* dW[i] = (1/m) A[i-1]^T Delta[i] + (lambda/m) W[i]  (A[-1] is X),
   db[i] = (1/m) sum over samples of Delta[i].
   Returns the weight-decay cost (lambda/(2m)) sum of squared weights. */
double bp_weight_gradient (const bp_net *net, const gsl_matrix *X,
                           const gsl_matrix *A, const gsl_matrix *Delta,
                           double lambda, gsl_matrix *dW, gsl_vector *db);

/* ---- updates (bp_sgd.c) */

/* new weight = old weight - eta * gradient, every layer: out receives
   net - eta (dW, db).  out may be net itself (an update in place), or a
   network of the same sizes whose arrays are written without being read. */
void bp_sgd_step (const bp_net *net, const gsl_matrix *dW,
                  const gsl_vector *db, double eta, bp_net *out);

/* ---- whole training runs (bp_train.c) */

/* What the poll callback sees after every mini-batch. */
typedef struct {
  size_t epoch, epochs;     /* 1-based current epoch, total */
  size_t batch, batches;    /* 1-based mini-batch within the epoch, total */
  size_t samples;           /* samples processed in this run so far */
  double loss;              /* mean of this epoch's batch losses so far */
  double accuracy;          /* fraction correct so far this epoch, or -1 */
  double seconds;           /* since the run started */
  int epoch_done;           /* 1 on the last batch of an epoch */
} bp_progress;

typedef struct {
  size_t epochs, batch;
  double eta, momentum, lambda;
  int shuffle;              /* permute the samples every epoch */
  unsigned long seed;       /* for the permutation */
  int one_hot;              /* Y is one-hot: report accuracy */
  const gsl_matrix *Xv, *Yv;/* validation data (rows are samples) or NULL */
  /* Called after every mini-batch; a nonzero return stops the run with
     BP_EINTR.  May be NULL. */
  int (*poll) (void *ctx, const bp_progress *p);
  void *ctx;
  /* Where the run's scratch comes from (one block, released before
     bp_train returns); NULL means malloc and free.  A caller whose poll
     may unwind the stack (Octave's interrupt) passes an allocator that
     reclaims the block itself when that happens. */
  void *(*alloc) (size_t bytes);
  void (*release) (void *block);
} bp_train_options;

/* Per-epoch results; each pointer has room for opt->epochs values or is
   NULL when that series is not wanted. */
typedef struct {
  double *loss, *accuracy, *val_loss, *val_accuracy, *seconds;
} bp_history;

/* Mini-batch SGD on net (updated in place) over the rows of X, Y (at
   least one row; opt->batch >= 1, else BP_EINVAL).  Batches of opt->batch
   rows in order (or permuted), the last one smaller when the batch size
   does not divide the sample count.  With momentum mu: v = mu v - eta grad,
   w = w + v.  hist->accuracy and hist->val_accuracy are only written when
   opt->one_hot is set.  Returns BP_OK, BP_EINVAL, BP_ENOMEM, BP_EINTR, or
   BP_EDIVERGED; then *bad_epoch (1-based) names the epoch whose updates
   first made a weight or the loss NaN or infinite. */
int bp_train (bp_net *net, const gsl_matrix *X, const gsl_matrix *Y,
              const bp_train_options *opt, bp_history *hist,
              size_t *bad_epoch);

/* Number of rows whose largest output sits where Y's largest entry is
   (Y one-hot).  Ties go to the first index, as Octave's max does. */
size_t bp_count_correct (const gsl_matrix *A, const gsl_matrix *Y);

/* Index of the largest entry of row i of A (first on ties). */
size_t bp_row_argmax (const gsl_matrix *A, size_t i);

#endif /* BP_H */
