/* bpmex_net.c: the network struct of the Octave side (fields sizes, W, b,
   g, loss) as the core's bp_net, and back. */
#include <math.h>
#include <string.h>
#include "bpmex.h"

static const mxArray *
net_field (const mxArray *s, const char *name, const char *reason)
{
  const mxArray *f = mxGetField (s, 0, name);
  if (!f)
    bpx_error (reason, "net has no field '%s' (a network has fields sizes, "
               "W, b, g and loss; make one with bp_init)", name);
  return f;
}

void
bpx_net (const mxArray *s, bp_net *net, const char *reason)
{
  const char *R = reason ? reason : "invalid_net";
  if (!mxIsStruct (s) || mxGetNumberOfElements (s) != 1)
    bpx_error (R, "net must be a scalar struct made by bp_init, got %s",
               bpx_describe (s));

  const mxArray *sz = net_field (s, "sizes", R);
  const size_t nsz = mxGetNumberOfElements (sz);
  if (!mxIsDouble (sz) || mxIsComplex (sz) || mxIsSparse (sz)
      || mxGetNumberOfDimensions (sz) != 2 || nsz < 2
      || (mxGetM (sz) != 1 && mxGetN (sz) != 1))
    bpx_error (R, "net.sizes must be a real double vector [n0 n1 ... nL] "
               "with at least two layer widths, got %s", bpx_describe (sz));
  const size_t L = nsz - 1;
  size_t *n = mxMalloc ((L + 1) * sizeof *n);
  for (size_t l = 0; l <= L; l++)
    {
      const double v = mxGetPr (sz)[l];
      if (!(v >= 1 && v <= 9.0e15 && v == floor (v)))
        bpx_error (R, "net.sizes(%lu) must be a positive integer, got %g",
                   (unsigned long) (l + 1), v);
      n[l] = (size_t) v;
    }
  size_t params;
  if (bp_net_params (L, n, &params) != BP_OK)
    bpx_error (R, "net.sizes describes more parameters than can be "
               "counted");

  const mxArray *W = bpx_cell (net_field (s, "W", R), "net.W", L, R);
  const mxArray *b = bpx_cell (net_field (s, "b", R), "net.b", L, R);
  const mxArray *g = bpx_cell (net_field (s, "g", R), "net.g", L, R);
  net->L = L;
  net->n = n;
  net->W = mxMalloc (L * sizeof *net->W);
  net->b = mxMalloc (L * sizeof *net->b);
  bp_activation *act = mxMalloc (L * sizeof *act);
  for (size_t l = 1; l <= L; l++)
    {
      const mxArray *Wl = bpx_layer_array (W, "net.W", l, n[l], n[l - 1],
                                           "n_%lu-by-n_%lu, from net.sizes",
                                           R, 0);
      const mxArray *bl = bpx_layer_array (b, "net.b", l, n[l], 1,
                                           "a column of n_%lu, from net.sizes",
                                           R, 0);
      /* Read-only views: the core never writes through them. */
      net->W[l - 1] = gsl_matrix_view_array ((double *) mxGetPr (Wl),
                                             n[l - 1], n[l]).matrix;
      net->b[l - 1] = gsl_vector_view_array ((double *) mxGetPr (bl),
                                             n[l]).vector;
      act[l - 1] = bpx_activation (mxGetCell (g, l - 1), "net.g", l, R);
    }
  net->g = act;
  net->loss = bpx_loss (net_field (s, "loss", R), "net.loss", R);
  if (!bp_loss_accepts (net->loss, act[L - 1]))
    bpx_error (R, "net.loss '%s' needs a %s output layer, but net.g{%lu} is "
               "'%s'", bp_loss_name (net->loss),
               bp_activation_name (bp_loss_output (net->loss)),
               (unsigned long) L, bp_activation_name (act[L - 1]));
}

gsl_matrix
bpx_net_inputs (const mxArray *x, const char *name, const bp_net *net)
{
  return bpx_samples (x, name, net->n[0], "n_0 = net.sizes(1)");
}

gsl_matrix
bpx_net_targets (const mxArray *y, const char *name, const bp_net *net,
                 const gsl_matrix *X, const char *xname)
{
  const gsl_matrix Y = bpx_samples (y, name, net->n[net->L],
                                    "n_L = net.sizes(end)");
  if (Y.size1 != X->size1)
    bpx_error ("wrong_size", "%s must have one column per column of %s "
               "(%lu), got %lu", name, xname, (unsigned long) X->size1,
               (unsigned long) Y.size1);
  bpx_check_unit_interval (&Y, name, net->loss);
  return Y;
}

void
bpx_gradient (const bp_net *net, const mxArray *dW, const mxArray *db,
              const char *dW_name, const char *db_name, int any_value,
              gsl_matrix **W, gsl_vector **b)
{
  const size_t L = net->L;
  bpx_cell (dW, dW_name, L, NULL);
  bpx_cell (db, db_name, L, NULL);
  *W = mxMalloc (L * sizeof **W);
  *b = mxMalloc (L * sizeof **b);
  for (size_t l = 1; l <= L; l++)
    {
      const size_t *n = net->n;
      const mxArray *g = bpx_layer_array (dW, dW_name, l, n[l], n[l - 1],
                                          "the shape of net.W{%lu}", NULL,
                                          any_value);
      (*W)[l - 1] = gsl_matrix_view_array ((double *) mxGetPr (g), n[l - 1],
                                           n[l]).matrix;
      g = bpx_layer_array (db, db_name, l, n[l], 1,
                           "the shape of net.b{%lu}", NULL, any_value);
      (*b)[l - 1] = gsl_vector_view_array ((double *) mxGetPr (g),
                                           n[l]).vector;
    }
}

/* Fresh arrays for every layer's weights or biases, with net's values
   (copy) or uninitialised; with move, net's views point at them. */
static mxArray *
layer_arrays (bp_net *net, int weights, int copy, int move)
{
  mxArray *cell = bpx_new_cell (net->L);
  for (size_t i = 0; i < net->L; i++)
    {
      const size_t rows = net->n[i + 1], cols = weights ? net->n[i] : 1;
      mxArray *c = mxCreateUninitNumericMatrix (rows, cols, mxDOUBLE_CLASS,
                                                mxREAL);
      double *to = mxGetPr (c);
      if (weights)
        {
          gsl_matrix v = gsl_matrix_view_array (to, cols, rows).matrix;
          if (copy)
            gsl_matrix_memcpy (&v, &net->W[i]);
          if (move)
            net->W[i] = v;
        }
      else
        {
          gsl_vector v = gsl_vector_view_array (to, rows).vector;
          if (copy)
            gsl_vector_memcpy (&v, &net->b[i]);
          if (move)
            net->b[i] = v;
        }
      mxSetCell (cell, i, c);
    }
  return cell;
}

mxArray *
bpx_weights_cell (const bp_net *net)
{
  return layer_arrays ((bp_net *) net, 1, 1, 0);
}

mxArray *
bpx_biases_cell (const bp_net *net)
{
  return layer_arrays ((bp_net *) net, 0, 1, 0);
}

/* The new value of a field the checks have read (sizes, g, loss), built
   from what they found.  Not mxDuplicateArray of the input: Octave 7.3
   leaks the cached dimensions of an input array that was asked for its
   dimensions and is then duplicated (about 80 bytes a call). */
static mxArray *
rebuilt_field (const char *name, bp_net *net, int copy, int move)
{
  if (strcmp (name, "W") == 0)
    return layer_arrays (net, 1, copy, move);
  if (strcmp (name, "b") == 0)
    return layer_arrays (net, 0, copy, move);
  if (strcmp (name, "sizes") == 0)
    {
      mxArray *s = mxCreateDoubleMatrix (1, net->L + 1, mxREAL);
      for (size_t l = 0; l <= net->L; l++)
        mxGetPr (s)[l] = (double) net->n[l];
      return s;
    }
  if (strcmp (name, "g") == 0)
    {
      mxArray *g = mxCreateCellMatrix (1, net->L);
      for (size_t i = 0; i < net->L; i++)
        mxSetCell (g, i, mxCreateString (bp_activation_name (net->g[i])));
      return g;
    }
  if (strcmp (name, "loss") == 0)
    return mxCreateString (bp_loss_name (net->loss));
  return NULL;
}

mxArray *
bpx_net_copy (const mxArray *in, bp_net *net, int copy_values, int move)
{
  const int nf = mxGetNumberOfFields (in);
  const char **names = mxMalloc ((size_t) nf * sizeof *names);
  for (int f = 0; f < nf; f++)
    names[f] = mxGetFieldNameByNumber (in, f);
  mxArray *out = mxCreateStructMatrix (1, 1, nf, names);
  for (int f = 0; f < nf; f++)
    {
      mxArray *r = rebuilt_field (names[f], net, copy_values, move);
      /* A field of the user's own, never inspected: copy it. */
      mxSetFieldByNumber (out, 0, f,
                          r ? r : mxDuplicateArray (mxGetFieldByNumber (in, 0,
                                                                        f)));
    }
  return out;
}
