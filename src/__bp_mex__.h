/* __bp_mex__.h: what every MEX gateway shares: argument checks that raise
   backprop:<function>:<reason> errors, zero-copy GSL views of Octave
   arrays, and the network struct in both directions.

   Memory rule for gateways: everything is either an mxArray or mxMalloc'd
   (Octave frees both when an error unwinds the call), or it is a core
   allocation that is freed before any error is raised.  Before allocating
   anything large, a gateway checks with bpx_check_memory that it fits, so
   that running out of memory is a backprop: error, not an Octave one.

   Argument names in messages are "name", or "name{l}" when a layer l > 0
   is given; they are only formatted when an error is raised. */
#ifndef BP_MEX_H
#define BP_MEX_H

#include "mex.h"
#include "bp.h"

/* Gateway entry: turns GSL's abort-on-error handler off, reads the public
   function's name from prhs[0] (used in every error identifier), and
   checks the argument counts (not counting the name). */
void bpx_begin (int nlhs, int nrhs, const mxArray *prhs[], int nin, int nout);

/* The public function's name, e.g. "bp_forward". */
const char *bpx_fn (void);

/* Raise the error backprop:<fn>:<reason> with message "<fn>: ...". */
#if defined (__GNUC__)
__attribute__ ((noreturn, format (printf, 2, 3)))
#endif
void bpx_error (const char *reason, const char *fmt, ...);

/* A real, full, finite, non-empty double matrix with the given number of
   rows (0: any), viewed without a copy as its row-major transpose: columns
   become rows.  'rows_why' says where the row count comes from. */
gsl_matrix bpx_samples (const mxArray *a, const char *what, size_t rows,
                        const char *rows_why);

/* Like bpx_samples for an array of any non-empty 2-D size. */
gsl_matrix bpx_matrix (const mxArray *a, const char *what);

/* A real finite double scalar in [lo, hi]. */
double bpx_scalar (const mxArray *a, const char *what, double lo, double hi);

/* The text of a char row, copied into buf (len bytes), with any NUL shown
   as '?' so that it matches no name.  A value that is not a char row
   raises <reason> (NULL: wrong_type). */
const char *bpx_name (const mxArray *a, const char *name, size_t l,
                      char *buf, size_t len, const char *reason);

/* Parse an activation or loss name, or raise <reason> (NULL:
   unknown_activation / unknown_loss) listing the valid names. */
bp_activation bpx_activation (const char *s, const char *name, size_t l,
                              const char *reason);
bp_loss bpx_loss (const char *s, const char *name, const char *reason);

/* For the log losses, the values of M (outputs or targets, one sample a
   row) must be probabilities in [0, 1]: else out_of_range. */
void bpx_check_unit_interval (const gsl_matrix *M, const char *what,
                              bp_loss c);

/* A cell with L elements (one per layer), or the error <reason> (NULL:
   wrong_type or wrong_size as fits). */
const mxArray *bpx_cell (const mxArray *c, const char *what, size_t L,
                         const char *reason);

/* Element l (1-based) of a per-layer cell: a real finite double
   rows-by-cols matrix.  shape_fmt, formatted with l and l-1, says which
   shape is expected.  A problem raises <reason>, or with reason NULL
   wrong_type, wrong_size or not_finite as fits. */
const mxArray *bpx_layer_array (const mxArray *cell, const char *name,
                                size_t l, size_t rows, size_t cols,
                                const char *shape_fmt, const char *reason);

/* Raise out_of_memory when 'bytes' more would not fit in the memory
   available to this process (free memory, and any address-space limit),
   so absurd sizes become errors rather than aborts. */
void bpx_check_memory (double bytes, const char *what);

/* Octave copies every array a gateway returns before freeing the
   gateway's own, so returned arrays count twice in a memory check. */
#define BPX_RETURNED 2.0

/* Check a network struct (DESIGN.md section 2) and view its weights in
   place.  Every problem raises backprop:<fn>:invalid_net, naming the field
   and the layer. */
void bpx_net (const mxArray *s, bp_net *net);

/* Number of weights and biases of a network. */
double bpx_net_parameters (const bp_net *net);

/* Sum of n_1 .. n_L: the width of one sample's z (or a, or delta) over all
   layers. */
size_t bpx_net_width (const bp_net *net);

/* A new network struct like 'in' (a struct bpx_net accepted) whose W and
   b are fresh arrays, copies of the old ones or (copy_values 0)
   uninitialised for the caller to fill; net's W and b views are moved
   onto them, so the core can write them without touching the caller's
   arrays. */
mxArray *bpx_net_copy (const mxArray *in, bp_net *net, int copy_values);

/* Fresh Octave arrays: an n-by-m double matrix viewed as the row-major
   m-by-n gsl_matrix *view (uninitialised: the caller writes every
   element), and a 1-by-L cell. */
mxArray *bpx_new_samples (size_t n, size_t m, gsl_matrix *view);
mxArray *bpx_new_cell (size_t L);

#endif /* BP_MEX_H */
