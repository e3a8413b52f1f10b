/* bp.h: the numerical core of the backprop package (C99 on GSL): names,
   the network, forward and backward passes, and their scratch memory.
   Training runs are declared in bp_run.h, the operating-system queries
   (clock, free memory) in bp_system.h.  doc/architecture.md draws how the
   pieces fit.

   No Octave header is included anywhere in the core; the MEX gateways
   (src/__bp_*__.c, with their helpers src/bpmex_*.c) are the only files
   that know about Octave.

   Storage convention.  Octave keeps samples in COLUMNS: a layer's
   activations a^(l) are an n_l-by-m column-major array.  Read as a C
   row-major array, that same memory is an m-by-n_l matrix with one sample
   per ROW.  The core works on those row-major views, so Octave's arrays are
   used in place without a copy:

     Octave                      core (gsl_matrix, row-major)
     x, a{l}, z{l}, delta{l}     X, A[l-1], Z[l-1], Delta[l-1]: m-by-n_l
     W{l} (n_l-by-n_(l-1))       W[l-1]: n_(l-1)-by-n_l, i.e. w^(l) transposed
     b{l} (n_l-by-1)             b[l-1]: vector of length n_l

   so the forward pass z^(l) = w^(l) a^(l-1) + b^(l) becomes
   Z[l-1] = A[l-2] * W[l-1] + 1 b^T, one level-3 BLAS call per layer.

   Layer indices.  The articles number weight layers l = 1 .. L.  Every
   per-layer array of the core (W, b, g, Z, A, Delta, dW, db) holds layer l
   at index i = l - 1, and every loop over layers runs i = 0 .. L-1.  The
   widths n[] are indexed by layer, n[0] being the input: layer i of the
   arrays maps n[i] inputs to n[i+1] outputs.

   Status.  Functions that can fail return a GSL status code (GSL_SUCCESS,
   GSL_EBADLEN for shapes that do not fit together, ...), under the names
   below; they never call GSL's error handler themselves. */
#ifndef BP_H
#define BP_H

#include <stddef.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>
#include <gsl/gsl_blas_types.h>

enum {
  BP_OK = GSL_SUCCESS,
  BP_CONTINUE = GSL_CONTINUE, /* a training run paused; call it again */
  BP_EINVAL = GSL_EINVAL,     /* an argument is outside its domain */
  BP_ENOMEM = GSL_ENOMEM,     /* an allocation failed or its size overflows */
  BP_EBADLEN = GSL_EBADLEN,   /* matrix or vector shapes do not fit */
  BP_EDIVERGE = GSL_EDIVERGE, /* the loss or a weight became NaN or Inf */
  BP_ENOPROG = GSL_ENOPROG    /* a line search could not improve the loss */
};

/* ---- names: the one list of each kind the package has.  Parsing accepts
   the articles' own words as aliases ("logistic" for sigmoid, "l2-norm"
   for the 1/2 sum of squares); bp_*_name gives the canonical name. */

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

/* Parse a name (BP_OK, or BP_EINVAL when unknown). */
int bp_activation_parse (const char *name, bp_activation *g);
int bp_loss_parse (const char *name, bp_loss *c);
/* The canonical name of a value, or NULL out of range: loops over
   0, 1, ... list every name. */
const char *bp_activation_name (int g);
const char *bp_loss_name (int c);

/* The output activation loss c needs, or -1 when any will do:
   cross-entropy needs sigmoid, log-likelihood needs softmax (their fused
   deltas and log forms rely on it). */
int bp_loss_output (bp_loss c);
/* 1 when g may be the output activation of a network with loss c. */
int bp_loss_accepts (bp_loss c, bp_activation g);
/* 1 when the loss is only defined for outputs and targets in [0, 1]. */
int bp_loss_needs_unit_interval (bp_loss c);

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

/* g of complex z for one sample of n values, real and imaginary parts
   apart (zr, zi in; ar, ai out): an analytic form of each activation, for
   the complex step of bp_gradcheck. */
void bp_activate_split (bp_activation g, size_t n, const double *zr,
                        const double *zi, double *ar, double *ai);

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

/* C_0 of one sample at complex outputs a (and their weighted inputs z,
   from which the log losses are evaluated), parts apart as above:
   analytic forms, for the complex step. */
void bp_loss_split (bp_loss c, size_t n, const double *ar, const double *ai,
                    const double *zr, const double *zi, const double *y,
                    double *Cr, double *Ci);

/* ---- the network (bp_network.c) */

typedef struct {
  size_t L;                 /* number of weight layers */
  const size_t *n;          /* n[0..L]: layer widths, n[0] the input */
  gsl_matrix *W;            /* W[i]: n[i]-by-n[i+1], w^(i+1) transposed */
  gsl_vector *b;            /* b[i]: length n[i+1] */
  const bp_activation *g;   /* g[i]: activation of layer i+1 */
  bp_loss loss;
} bp_net;

/* Multiply two size_t values; BP_OK and *r = a b, or BP_ENOMEM when the
   product overflows.  Every size computed from input goes through it. */
int bp_size_mul (size_t a, size_t b, size_t *r);

/* Check widths n[0..L] (each >= 1) and that the network's parameters can
   be counted in size_t: BP_OK and *params (weights plus biases), or
   BP_ENOMEM. */
int bp_net_params (size_t L, const size_t *n, size_t *params);

/* n_1 + ... + n_L: one sample's z (or a, or delta) over all layers, or 0
   when the sum overflows. */
size_t bp_net_width (size_t L, const size_t *n);

/* Point net->W and net->b (L headers each, supplied by the caller) at one
   column of parameters in the order of bp_unroll:
     theta = [W{1}(:); b{1}; W{2}(:); b{2}; ...]
   W{l}(:) is column-major n_l-by-n_(l-1), which is exactly the core's
   row-major W[l-1], so the views need no copy. */
void bp_net_view (bp_net *net, gsl_matrix *W, gsl_vector *b, double *theta);

/* Offset of layer i's weights in theta (i = L gives the total). */
size_t bp_net_offset (const bp_net *net, size_t i);

/* Copy every weight and bias of src into dst (same sizes). */
void bp_net_copy_params (const bp_net *src, bp_net *dst);

/* Sum of the squared weights of every layer (biases excluded), and the
   L2 cost it gives a batch of m samples: lambda/(2m) sum w^2, the term
   bp_weight_gradient's lambda/m w is the derivative of. */
double bp_weight_sumsq (const bp_net *net);
double bp_decay_cost (const bp_net *net, double lambda, size_t m);

/* 1 when every weight and bias is finite. */
int bp_net_finite (const bp_net *net);

/* Y += alpha X for two matrices of the same shape. */
void bp_axpy (double alpha, const gsl_matrix *X, gsl_matrix *Y);

/* v = beta v + alpha (sum over the rows of D): the bias gradient, which
   sums delta over the samples of a batch.  beta = 0 ignores v's old
   contents. */
void bp_sum_rows (double alpha, const gsl_matrix *D, double beta,
                  gsl_vector *v);

/* C = alpha op(A) op(B) + beta C (bp_gemm.c): level-3 BLAS, or a plain
   loop for products too small for a BLAS call to pay off.  BP_EBADLEN when
   the shapes do not fit, else BLAS's own status. */
int bp_gemm (CBLAS_TRANSPOSE_t ta, CBLAS_TRANSPOSE_t tb, double alpha,
             const gsl_matrix *A, const gsl_matrix *B, double beta,
             gsl_matrix *C);

/* ---- scratch memory (bp_workspace.c): one scheme for every entry point.
   An entry point asks for the bytes it needs (bp_*_bytes), gets one block
   from its caller (the gateways use Octave's allocator), and lays its
   arrays out in it (bp_*_init).  A size function returns 0 when the size
   overflows size_t. */

/* Bytes of a block being planned; bp_layout_add reserves count items of
   elem bytes, 16-byte aligned, and returns their offset (or marks the
   layout as overflowed). */
typedef struct {
  size_t bytes;
  int overflow;
} bp_layout;
size_t bp_layout_add (bp_layout *p, size_t count, size_t elem);

/* Scratch of a pass over up to m samples: z, a and delta of every layer,
   each m-by-n_l.  parts says which get memory of their own; the headers
   of the others are laid out too, for the caller to point at arrays it
   owns (the gateways point them at the arrays they return). */
enum { BP_WS_Z = 1, BP_WS_A = 2, BP_WS_DELTA = 4 };
typedef struct {
  size_t L, m;
  gsl_matrix *Z, *A, *Delta;
} bp_workspace;
void bp_workspace_plan (bp_layout *p, size_t L, const size_t *n, size_t m,
                        int parts, size_t *at);
size_t bp_workspace_bytes (size_t L, const size_t *n, size_t m, int parts);
void bp_workspace_init (bp_workspace *ws, size_t L, const size_t *n,
                        size_t m, int parts, char *mem, size_t at);

/* View of the first m rows of a full-capacity scratch matrix. */
gsl_matrix bp_rows (const gsl_matrix *full, size_t m);

/* ---- forward and backward passes (bp_forward.c, bp_backward.c) */

/* Z[i] and A[i] (m-by-n[i+1]) receive z^(i+1) and a^(i+1) for the m
   samples in the rows of X (m-by-n[0]).  BP_EBADLEN when shapes differ. */
int bp_forward (const bp_net *net, const gsl_matrix *X, gsl_matrix *Z,
                gsl_matrix *A);

/* The outputs a^(L) only, for m samples, keeping two layers at a time in
   scratch: bp_predict_bytes gives its size for chunks of up to m rows.
   Out is m-by-n_L. */
size_t bp_predict_bytes (size_t L, const size_t *n, size_t m);
int bp_predict (const bp_net *net, const gsl_matrix *X, gsl_matrix *Out,
                void *scratch, size_t chunk);

/* Delta[i] receives delta^(i+1) = dC_0/dz^(i+1) for every sample, from the
   forward results Z, A and targets Y (m-by-n_L): the output error first,
   then back through the layers.  *C receives the mean loss (without any
   weight-decay term). */
int bp_backward (const bp_net *net, const gsl_matrix *Y, const gsl_matrix *Z,
                 const gsl_matrix *A, gsl_matrix *Delta, double *C);

/* dW = beta dW + s a^T delta and db = beta db + s (sum over samples of
   delta), for a layer's input a^(l-1) (In, m-by-n[i]) and error delta^(l)
   (D, m-by-n[i+1]): the sums behind the gradient.  A batch takes s = 1/m,
   beta = 0; a full-batch gradient adds chunk after chunk with s = 1/N. */
int bp_gradient_sums (const gsl_matrix *In, const gsl_matrix *D, double s,
                      double beta, gsl_matrix *dW, gsl_vector *db);

/* The mean data loss alone, without the backward pass: the forward pass
   into Z, A, then the output's loss, evaluated from z where the fused
   forms need it (DL, m-by-n_L, receives the output error on the way). */
int bp_forward_loss (const bp_net *net, const gsl_matrix *X,
                     const gsl_matrix *Y, gsl_matrix *Z, gsl_matrix *A,
                     gsl_matrix *DL, double *C);

/* The gradient of one layer from its input a^(l-1) (In, m-by-n[i]) and
   error delta^(l) (D, m-by-n[i+1]):
     dW = (1/m) a^T delta + (lambda/m) W,   db = (1/m) sum over samples of delta. */
int bp_layer_gradient (const bp_net *net, size_t i, const gsl_matrix *In,
                       const gsl_matrix *D, double lambda, gsl_matrix *dW,
                       gsl_vector *db);

/* Every layer's gradient (bp_layer_gradient, A[-1] being X) and, in *C,
   the decay cost lambda/(2m) sum w^2. */
int bp_weight_gradient (const bp_net *net, const gsl_matrix *X,
                        const gsl_matrix *A, const gsl_matrix *Delta,
                        double lambda, gsl_matrix *dW, gsl_vector *db,
                        double *C);

/* Mean loss C (with the decay term) and its gradient for the m samples
   in the rows of X, Y: one forward and one backward pass, in a workspace
   of exactly m rows (Z, A, Delta). */
int bp_loss_and_gradient (const bp_net *net, const gsl_matrix *X,
                          const gsl_matrix *Y, double lambda,
                          bp_workspace *ws, gsl_matrix *dW, gsl_vector *db,
                          double *C);

/* ---- the complex step (bp_complex.c) */

/* Each sample's loss C_0 when z^(i+1) of M samples is given as complex
   numbers (Zr, Zi: M-by-n[i+1], one sample a row) and the layers above
   run in complex arithmetic: Cr, Ci receive M values each.  Real steps
   (Zi = 0) give the ordinary losses, for central differences. */
size_t bp_complex_bytes (size_t L, const size_t *n, size_t M);
int bp_complex_losses (const bp_net *net, size_t i, const gsl_matrix *Zr,
                       const gsl_matrix *Zi, const gsl_matrix *Y, double *Cr,
                       double *Ci, void *scratch);

/* ---- targets and classes (bp_accuracy.c) */

/* How targets are read as classes: one output with 0/1 targets is a
   binary classifier (class 1 when a >= 0.5), several outputs with one-hot
   targets a multi-class one (the largest output); other targets have no
   classes. */
typedef enum { BP_NO_CLASSES = 0, BP_BINARY, BP_ONE_HOT } bp_targets;
#define BP_THRESHOLD 0.5

bp_targets bp_target_kind (const gsl_matrix *Y);

/* The class of row r of outputs A: 0 or 1 for one output (a >= 0.5),
   else the 0-based index of the largest entry (the first on ties, as
   Octave's max). */
size_t bp_row_class (const gsl_matrix *A, size_t r);

/* Rows whose class under A equals the class under Y. */
size_t bp_count_correct (const gsl_matrix *A, const gsl_matrix *Y);

#endif /* BP_H */
