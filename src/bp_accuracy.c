/* bp_accuracy.c: classification counts for one-hot targets. */
#include "bp.h"

size_t
bp_row_argmax (const gsl_matrix *A, size_t i)
{
  const double *a = A->data + i * A->tda;
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
    correct += bp_row_argmax (A, i) == bp_row_argmax (Y, i);
  return correct;
}
