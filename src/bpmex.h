/* bpmex.h: what the MEX gateways (src/__bp_*__.c) share, by subject:
   errors and entry (bpmex_error.c), argument checks and new arrays
   (bpmex_args.c), the network struct in both directions (bpmex_net.c),
   and the memory check (bpmex_memory.c).  Gateways translate between
   Octave and the core and report the core's verdicts; the rules
   themselves (names, pairings, bounds, shapes) live in the core.

   Memory rule for gateways: everything is either an mxArray or mxMalloc'd
   (Octave frees both when an error unwinds the call), or it is freed
   before any error is raised.  Before allocating anything large, a
   gateway asks the core how much it needs and checks with
   bpx_check_memory that it fits, so that running out of memory is a
   backprop: error, not an Octave one.

   Argument names in messages are "name", or "name{l}" when a layer l > 0
   is given; they are only formatted when an error is raised. */
#ifndef BPMEX_H
#define BPMEX_H

#include "mex.h"
#include "bp.h"

/* ---- errors and entry (bpmex_error.c) */

/* Gateway entry: turns GSL's abort-on-error handler off, reads the public
   function's name from prhs[0] (used in every error identifier), and
   checks the argument counts (not counting the name; nin < 0: at least
   -nin). */
void bpx_begin (int nlhs, int nrhs, const mxArray *prhs[], int nin, int nout);

/* Entry of a gateway that takes a command after the name:
   (fn, command, args...): the command, and the arguments after it. */
typedef struct {
  char name[16];
  int nin;
  const mxArray **in;
} bpx_command;
bpx_command bpx_begin_command (int nlhs, int nrhs, const mxArray *prhs[],
                               int nout);

/* Entry of a gateway whose argument `at` is a network: bpx_begin, then
   bpx_net (invalid_net) into *net. */
void bpx_begin_net (int nlhs, int nrhs, const mxArray *prhs[], int nin,
                    int nout, int at, bp_net *net);

/* The public function's name, e.g. "bp_forward". */
const char *bpx_fn (void);

/* Raise the error backprop:<fn>:<reason> with message "<fn>: ...". */
#if defined (__GNUC__)
__attribute__ ((noreturn, format (printf, 2, 3)))
#endif
void bpx_error (const char *reason, const char *fmt, ...);

/* "a 3-by-4 complex double array", "a 1-by-1 struct", ... (a static
   buffer: use it at once). */
const char *bpx_describe (const mxArray *a);

/* "name" or "name{l}" (l > 0), in a static buffer. */
const char *bpx_arg (const char *name, size_t l);

/* ---- arguments (bpmex_args.c) */

/* A real, full, finite, non-empty double matrix with the given number of
   rows, viewed without a copy as its row-major transpose: columns become
   rows.  'rows_why' says where the row count comes from. */
gsl_matrix bpx_samples (const mxArray *a, const char *what, size_t rows,
                        const char *rows_why);

/* The view of bpx_samples with only the type and shape checked, not the
   values: for arrays whose values were checked by an earlier call (a
   training run's data, given again at every slice). */
gsl_matrix bpx_samples_again (const mxArray *a, const char *what, size_t rows);

/* Like bpx_samples for an array of any non-empty 2-D size. */
gsl_matrix bpx_matrix (const mxArray *a, const char *what);

/* A real finite double scalar in [lo, hi] (a whole number when whole;
   logical true/false pass where the range is [0, 1] and whole). */
double bpx_scalar (const mxArray *a, const char *what, double lo, double hi,
                   int whole);

struct bp_option_spec_s;
/* A value of a training option, checked against its entry of the core's
   table (bounds, open ends, whole numbers). */
double bpx_option (const mxArray *a, const struct bp_option_spec_s *spec);

/* The text of a char row, copied into buf (len bytes), with any NUL shown
   as '?' so that it matches no name.  A value that is not a char row
   raises <reason> (NULL: wrong_type). */
const char *bpx_name (const mxArray *a, const char *name, size_t l,
                      char *buf, size_t len, const char *reason);

/* Parse an activation or loss name, or raise <reason> (NULL:
   unknown_activation / unknown_loss) listing the core's names. */
bp_activation bpx_activation (const mxArray *a, const char *name, size_t l,
                              const char *reason);
bp_loss bpx_loss (const mxArray *a, const char *name, const char *reason);

/* "'a', 'b', 'c'": the names name(0), name(1), ... until NULL. */
const char *bpx_name_list (const char *(*name) (int));

/* For the losses defined on [0, 1], the values of M (outputs or targets,
   one sample a row) must lie there: else out_of_range. */
void bpx_check_unit_interval (const gsl_matrix *M, const char *what,
                              bp_loss c);

/* A cell with L elements (one per layer), or the error <reason> (NULL:
   wrong_type or wrong_size as fits). */
const mxArray *bpx_cell (const mxArray *c, const char *what, size_t L,
                         const char *reason);

/* Element l (1-based) of a per-layer cell: a real double rows-by-cols
   matrix, finite unless any_value.  shape_fmt, formatted with l and l-1,
   says which shape is expected.  A problem raises <reason>, or with
   reason NULL wrong_type, wrong_size or not_finite as fits. */
const mxArray *bpx_layer_array (const mxArray *cell, const char *name,
                                size_t l, size_t rows, size_t cols,
                                const char *shape_fmt, const char *reason,
                                int any_value);

/* Fresh Octave arrays: an n-by-m double matrix viewed as the row-major
   m-by-n gsl_matrix *view (uninitialised: the caller writes every
   element), a 1-by-n row, and a 1-by-L cell. */
mxArray *bpx_new_samples (size_t n, size_t m, gsl_matrix *view);
mxArray *bpx_new_row (size_t n, const double *values);
mxArray *bpx_new_cell (size_t L);

/* ---- the network struct (bpmex_net.c) */

/* Check a network struct and view its weights in place.  Every problem
   raises backprop:<fn>:<reason> (NULL: invalid_net), naming the field and
   the layer. */
void bpx_net (const mxArray *s, bp_net *net, const char *reason);

/* The inputs of net (X: n_0 rows, one column a sample) and their targets
   (Y: n_L rows, one column per column of X, and in [0, 1] for the losses
   defined there), named x and y or X and Y as the function's help does. */
gsl_matrix bpx_net_inputs (const mxArray *x, const char *name,
                           const bp_net *net);
gsl_matrix bpx_net_targets (const mxArray *y, const char *name,
                            const bp_net *net, const gsl_matrix *X,
                            const char *xname);

/* dW and db shaped like net.W and net.b (cells of L real matrices,
   finite unless any_value), viewed in place as the core's per-layer
   arrays (mxMalloc'd headers).  Problems raise wrong_type, wrong_size or
   not_finite naming dW{l} or db{l}. */
void bpx_gradient (const bp_net *net, const mxArray *dW, const mxArray *db,
                   const char *dW_name, const char *db_name, int any_value,
                   gsl_matrix **W, gsl_vector **b);

/* A new network struct like 'in' (a struct bpx_net accepted) whose W and
   b are fresh arrays, copies of net's current values or (copy_values 0)
   uninitialised for the caller to fill; net's W and b views are moved
   onto them when move is set, so the core can write them without
   touching the caller's arrays. */
mxArray *bpx_net_copy (const mxArray *in, bp_net *net, int copy_values,
                       int move);

/* The W and b cells of net (fresh arrays holding its current values). */
mxArray *bpx_weights_cell (const bp_net *net);
mxArray *bpx_biases_cell (const bp_net *net);

/* ---- the resumable state of a training run (bpmex_state.c) */

struct bp_state_s;
struct bp_run;
struct bp_train_options_s;

/* Read the state struct s that an earlier bp_train returned, for a run of
   net with options o, into *st (its vectors viewing s's arrays); raises
   invalid_state naming the field when it does not fit.  Returns st. */
const struct bp_state_s *bpx_read_state (const mxArray *s, const bp_net *net,
                                         const struct bp_train_options_s *o,
                                         struct bp_state_s *st);

/* The state of a run as a struct for Octave (save and load keep it
   exactly). */
mxArray *bpx_write_state (const struct bp_run *run, const bp_net *net);

/* ---- memory (bpmex_memory.c) */

/* Raise out_of_memory when 'bytes' more would not fit in the memory
   available to this process (bp_memory_available), so absurd sizes
   become errors rather than aborts or a killed session. */
void bpx_check_memory (double bytes, const char *what);

/* Octave copies every array a gateway returns before freeing the
   gateway's own, so returned arrays count twice in a memory check. */
#define BPX_RETURNED 2.0

#endif /* BPMEX_H */
