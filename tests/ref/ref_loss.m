## -*- texinfo -*-
## @deftypefn {} {[@var{C}, @var{dC_da}] =} ref_loss (@var{aL}, @var{y}, @var{name})
## Test oracle for @code{bp_loss}: the loss C_0 of each sample (column),
## its mean C over the columns, and the per-sample derivative dC_0/da_j
## (not divided by the number of columns), in plain Octave.
##
## @multitable @columnfractions 0.25 0.75
## @item sse            @tab C_0 = sum_j (a_j - y_j)^2
## @item quadratic      @tab C_0 = 1/2 sum_j (a_j - y_j)^2
## @item mse            @tab C_0 = 1/n_L sum_j (a_j - y_j)^2
## @item cross-entropy  @tab C_0 = -sum_j [y_j ln a_j + (1-y_j) ln(1-a_j)]
## @item log-likelihood @tab C_0 = -sum_j y_j ln a_j
## @end multitable
##
## In the two log losses a term whose weight (y_j or 1-y_j) is zero is zero
## for every a_j, so it adds nothing to C_0 nor to the derivative; this is
## what makes outputs of exactly 0 or 1 give a finite loss.
## @end deftypefn

function [C, dC_da] = ref_loss (aL, y, name)
  nL = rows (aL);
  d = aL - y;
  switch (name)
    case "sse"
      C0 = sum (d .^ 2, 1);
      dC_da = 2 * d;
    case "quadratic"
      C0 = sum (d .^ 2, 1) / 2;
      dC_da = d;
    case "mse"
      C0 = sum (d .^ 2, 1) / nL;
      dC_da = 2 * d / nL;
    case "cross-entropy"
      terms = zeros (size (aL));
      dC_da = zeros (size (aL));
      on = (y != 0);                 # terms y ln a
      terms(on) -= y(on) .* log (aL(on));
      dC_da(on) -= y(on) ./ aL(on);
      off = (y != 1);                # terms (1-y) ln (1-a)
      terms(off) -= (1 - y(off)) .* log (1 - aL(off));
      dC_da(off) += (1 - y(off)) ./ (1 - aL(off));
      C0 = sum (terms, 1);
    case "log-likelihood"
      terms = zeros (size (aL));
      dC_da = zeros (size (aL));
      on = (y != 0);
      terms(on) = -y(on) .* log (aL(on));
      dC_da(on) = -y(on) ./ aL(on);
      C0 = sum (terms, 1);
    otherwise
      error ("ref_loss: unknown loss '%s'", name);
  endswitch
  C = mean (C0);
endfunction
