## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn {} {[@var{C}, @var{dC_da}] =} bp_loss (@var{aL}, @var{y}, @var{name})
## The loss of outputs @var{aL} against targets @var{y}, and its derivative.
##
## @var{aL} and @var{y} are nL-by-m, one sample a column.  C_0 is the loss of
## one sample; @var{C} is its mean over the m columns (the "average over N
## samples" of the articles).  @var{dC_da} is nL-by-m and holds dC_0/da_j^(L)
## for each sample: it is @emph{not} divided by m.
##
## @multitable @columnfractions 0.22 0.45 0.33
## @headitem name @tab C_0 @tab dC_0/da_j
## @item @qcode{"sse"} @tab sum_j (a_j - y_j)^2 @tab 2 (a_j - y_j)
## @item @qcode{"quadratic"} @tab 1/2 sum_j (a_j - y_j)^2 @tab a_j - y_j
## @item @qcode{"mse"} @tab 1/nL sum_j (a_j - y_j)^2 @tab 2 (a_j - y_j) / nL
## @item @qcode{"cross-entropy"} @tab -sum_j [y_j ln a_j + (1-y_j) ln(1-a_j)]
## @tab (a_j - y_j) / (a_j (1-a_j))
## @item @qcode{"log-likelihood"} @tab -sum_j y_j ln a_j @tab -y_j / a_j
## @end multitable
##
## For the two log losses @var{aL} and @var{y} must lie in [0, 1]; a term
## whose weight y_j (or 1-y_j) is 0 counts as 0, so outputs of exactly 0 or
## 1 give a finite loss wherever the mathematics does.
##
## @seealso{bp_activation, bp_gradient}
## @end deftypefn

function varargout = bp_loss (aL, y, name, varargin)
  ## dC_da, as large as aL, is made only when asked for.
  bp_check_counts ("bp_loss", nargin, nargout, 3, 2, "(aL, y, name)");
  [varargout{1:max (nargout, 1)}] = __bp_loss__ ("bp_loss", aL, y, name);
endfunction

%!test
%! a = [0.2 0.7; 0.9 0.4];
%! y = [0 1; 1 0];
%! d = a - y;
%! [C, g] = bp_loss (a, y, "sse");
%! assert (C, mean (sum (d .^ 2)), 1e-15);
%! assert (g, 2 * d, 1e-15);
%! [C, g] = bp_loss (a, y, "quadratic");
%! assert (C, mean (sum (d .^ 2)) / 2, 1e-15);
%! assert (g, d, 1e-15);
%! [C, g] = bp_loss (a, y, "mse");
%! assert (C, mean (mean (d .^ 2)), 1e-15);
%! assert (g, d, 1e-15);
%! [C, g] = bp_loss (a, y, "cross-entropy");
%! assert (C, -mean (sum (y .* log (a) + (1 - y) .* log (1 - a))), 1e-15);
%! assert (g, d ./ (a .* (1 - a)), 1e-14);
%! [C, g] = bp_loss (a, y, "log-likelihood");
%! assert (C, -mean (sum (y .* log (a))), 1e-15);
%! assert (g, -y ./ a, 1e-15);

%!test
%! ## Saturated outputs that match their targets cost nothing, and the
%! ## slope there is the finite one of -ln(1-a) or -ln(a): +1 or -1.
%! [C, g] = bp_loss ([0 1; 1 0], [0 1; 1 0], "cross-entropy");
%! assert (C, 0);
%! assert (g, [1 -1; -1 1]);
%! assert (bp_loss ([1; 0], [1; 0], "log-likelihood"), 0);

%!error <aL must lie in \[0, 1\]> bp_loss ([1.5; 0], [1; 0], "cross-entropy")
%!error <y must be a real double matrix with 2 rows> bp_loss ([1; 0], [1; 0; 0], "sse")
%!error <as many columns> bp_loss ([1 1; 0 0], [1; 0], "sse")
%!error <name must be one of> bp_loss (1, 1, "hinge")
%!error <aL must be a real double matrix> bp_loss (int8 (1), 1, "sse")
%!error id=backprop:bp_loss:nargin bp_loss (1, 1)

%!demo
%! aL = [0.75; 0.77];  y = [0.01; 0.99];
%! for name = {"sse", "quadratic", "mse"}
%!   [C, dC_da] = bp_loss (aL, y, name{1});
%!   printf ("%-10s C_0 = %.6f  dC_0/da = %s\n", name{1}, C, mat2str (dC_da', 6));
%! endfor
