/* probe/cblas.c: linked by src/Makefile with Octave's BLAS to find out
   whether that BLAS provides the CBLAS interface the core calls through
   GSL.  Not part of the package's code. */
#include <gsl/gsl_cblas.h>

int
main (void)
{
  double a = 2.0, b = 3.0, c = 0.0;
  cblas_dgemm (CblasRowMajor, CblasNoTrans, CblasNoTrans, 1, 1, 1, 1.0, &a,
               1, &b, 1, 0.0, &c, 1);
  return c != 6.0;
}
