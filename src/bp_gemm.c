/* bp_gemm.c: the one matrix product the core uses.  Large products go to
   level-3 BLAS (gsl_blas_dgemm on the caller's BLAS); products so small
   that a BLAS call's fixed cost (argument checks, buffer management,
   locking, packing) would outweigh the arithmetic are done by a plain
   loop.  doc/benchmarks.md has the measurements behind the threshold. */
#include <gsl/gsl_blas.h>
#include "bp.h"

/* Multiply-adds below which the plain loop is faster than a BLAS call. */
#define SMALL_PRODUCT 2048

int
bp_gemm (CBLAS_TRANSPOSE_t ta, CBLAS_TRANSPOSE_t tb, double alpha,
         const gsl_matrix *A, const gsl_matrix *B, double beta, gsl_matrix *C)
{
  const size_t M = C->size1, N = C->size2;
  const size_t K = ta == CblasNoTrans ? A->size2 : A->size1;
  const size_t am = ta == CblasNoTrans ? A->size1 : A->size2;
  const size_t bk = tb == CblasNoTrans ? B->size1 : B->size2;
  const size_t bn = tb == CblasNoTrans ? B->size2 : B->size1;
  if (am != M || bk != K || bn != N)
    return BP_EBADLEN;
  if (M * N * K > SMALL_PRODUCT)
    return gsl_blas_dgemm (ta, tb, alpha, A, B, beta, C);
  /* op(A)(i,p) = A->data[i*ai + p*ap], op(B)(p,j) = B->data[p*bp + j*bj] */
  const size_t ai = ta == CblasNoTrans ? A->tda : 1;
  const size_t ap = ta == CblasNoTrans ? 1 : A->tda;
  const size_t bp = tb == CblasNoTrans ? B->tda : 1;
  const size_t bj = tb == CblasNoTrans ? 1 : B->tda;
  for (size_t i = 0; i < M; i++)
    {
      const double *a = A->data + i * ai;
      double *c = C->data + i * C->tda;
      for (size_t j = 0; j < N; j++)
        {
          const double *b = B->data + j * bj;
          double s = 0.0;
          for (size_t p = 0; p < K; p++)
            s += a[p * ap] * b[p * bp];
          /* beta = 0 ignores C's old contents, as BLAS does. */
          c[j] = beta == 0.0 ? alpha * s : alpha * s + beta * c[j];
        }
    }
  return BP_OK;
}
