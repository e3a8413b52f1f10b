## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn {} {[@var{a}, @var{da_dz}] =} bp_activation (@var{z}, @var{name})
## An activation function g and its derivative g'(z), as backpropagation
## uses them.
##
## @var{z} is an n-by-m matrix of weighted inputs (one sample a column);
## @var{a} = g(@var{z}) and @var{da_dz} = g'(@var{z}) have its size.
##
## @table @asis
## @item @qcode{"sigmoid"}
## g(z) = 1/(1+e^-z), g'(z) = g(z)(1-g(z)); computed without overflow:
## g(-700) is the tiny positive number e^-700, and g(-800), smaller than
## the smallest double, is 0 rather than NaN.
## @item @qcode{"tanh"}
## g(z) = tanh(z), g'(z) = 1 - g(z)^2.
## @item @qcode{"relu"}
## g(z) = max(0, z), g'(z) = 1 for z > 0 and 0 for z <= 0.
## @item @qcode{"leaky-relu"}
## g(z) = z for z > 0 and 0.01 z otherwise; g'(z) = 1 or 0.01.
## @item @qcode{"linear"}
## g(z) = z, g'(z) = 1.
## @item @qcode{"softmax"}
## a_j = e^z_j / sum_i e^z_i over each column (shifted by the column's
## maximum, so large inputs do not overflow).  Softmax is not elementwise:
## each a_j depends on every z_i, with Jacobian da_j/dz_i = a_j (1[i=j] - a_i).
## @var{da_dz} returns only its diagonal, a_j (1 - a_j); backpropagation
## (@code{bp_gradient}) uses the full Jacobian.
## @end table
##
## At the kink z = 0 of relu and leaky-relu the derivative is the left-hand
## slope.
##
## @seealso{bp_loss, bp_forward}
## @end deftypefn

function varargout = bp_activation (z, name, varargin)
  ## da_dz is computed only when it is asked for.
  bp_check_counts ("bp_activation", nargin, nargout, 2, 2, "(z, name)");
  [varargout{1:max (nargout, 1)}] = __bp_activation__ ("bp_activation", z, name);
endfunction

%!test
%! z = [-2 -0.5 0 0.5 3];
%! [a, d] = bp_activation (z, "sigmoid");
%! s = 1 ./ (1 + exp (-z));
%! assert (a, s, 1e-15);
%! assert (d, s .* (1 - s), 1e-15);
%! [a, d] = bp_activation (z, "tanh");
%! assert (a, tanh (z), 1e-15);
%! assert (d, 1 - tanh (z) .^ 2, 1e-15);
%! [a, d] = bp_activation (z, "relu");
%! assert (a, max (z, 0));
%! assert (d, double (z > 0));
%! [a, d] = bp_activation (z, "leaky-relu");
%! assert (a, [-0.02 -0.005 0 0.5 3], 1e-16);
%! assert (d, [0.01 0.01 0.01 1 1]);
%! [a, d] = bp_activation (z, "linear");
%! assert (a, z);
%! assert (d, ones (size (z)));

%!test
%! ## Softmax works on columns and survives large inputs.
%! z = [1 1000; 2 1001; 3 1002];
%! [a, d] = bp_activation (z, "softmax");
%! e = exp ([1; 2; 3]);
%! assert (a(:,1), e / sum (e), 1e-15);
%! assert (a(:,2), e / sum (e), 1e-15);
%! assert (d, a .* (1 - a), 1e-15);

%!test
%! ## g' against central differences, away from the kinks.
%! z = [-1.3 -0.2 0.4 2.1];
%! h = 1e-6;
%! for name = {"sigmoid", "tanh", "relu", "leaky-relu", "linear"}
%!   [~, d] = bp_activation (z, name{1});
%!   fd = (bp_activation (z + h, name{1}) - bp_activation (z - h, name{1})) / (2*h);
%!   assert (d, fd, 1e-9);
%! endfor

%!test
%! ## sigmoid(-700) is about 1e-304: representable, so not rounded to 0;
%! ## sigmoid(-800) is below the smallest double and rounds to 0, not NaN.
%! [a, d] = bp_activation ([-700 -800 800], "sigmoid");
%! assert (a(1), exp (-700), 1e-15 * exp (-700));
%! assert (a(2:3), [0 1]);
%! assert (d, [a(1) 0 0], 1e-15 * exp (-700));

%!error <name must be one of> bp_activation (1, "swish")
%!error <z must be a real double matrix> bp_activation ({1}, "relu")
%!error <z must be a real double matrix> bp_activation (1+2i, "relu")
%!error <z must not be empty> bp_activation ([], "relu")
%!error <z must be finite> bp_activation ([1 NaN], "relu")
%!error <name must be a name> bp_activation (1, 2)
%!error id=backprop:bp_activation:nargin bp_activation (1)

%!demo
%! z = linspace (-4, 4, 9);
%! [a, da_dz] = bp_activation (z, "sigmoid");
%! printf ("%6s %8s %8s\n", "z", "g(z)", "g'(z)");
%! printf ("%6.1f %8.4f %8.4f\n", [z; a; da_dz]);
