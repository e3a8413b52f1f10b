/* bp_accuracy.c: targets read as classes, and how many a network gets
   right.  The one place the package decides what a class is. */
#include "bp.h"

bp_targets
bp_target_kind (const gsl_matrix *Y)
{
  const size_t n = Y->size2;
  for (size_t i = 0; i < Y->size1; i++)
    {
      const double *y = Y->data + i * Y->tda;
      size_t ones = 0;
      for (size_t j = 0; j < n; j++)
        {
          if (y[j] == 1.0)
            ones++;
          else if (y[j] != 0.0)
            return BP_NO_CLASSES;
        }
      /* Several outputs: exactly one 1 per sample.  One output: 0 or 1
         (an all-ones column is binary, not "one-hot": a single output
         has two classes). */
      if (n > 1 && ones != 1)
        return BP_NO_CLASSES;
    }
  return n == 1 ? BP_BINARY : BP_ONE_HOT;
}

size_t
bp_row_class (const gsl_matrix *A, size_t r)
{
  const double *a = A->data + r * A->tda;
  if (A->size2 == 1)
    return a[0] >= BP_THRESHOLD;
  size_t best = 0;
  for (size_t j = 1; j < A->size2; j++)
    if (a[j] > a[best])
      best = j;
  return best;
}

size_t
bp_count_correct (const gsl_matrix *A, const gsl_matrix *Y)
{
  size_t correct = 0;
  for (size_t i = 0; i < A->size1; i++)
    correct += bp_row_class (A, i) == bp_row_class (Y, i);
  return correct;
}
