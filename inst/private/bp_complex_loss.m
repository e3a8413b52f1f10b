## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn {} {@var{C0} =} bp_complex_loss (@var{aL}, @var{zL}, @var{y}, @var{name})
## The loss C_0 of each column of outputs @var{aL} (weighted inputs
## @var{zL}) against targets @var{y}, a row with one value per column, in
## a form that accepts complex @var{aL} and @var{zL}, for the numerical
## derivatives of @code{bp_gradcheck}.
##
## Every formula is analytic: (a - y).^2 rather than abs (a - y).^2, and
## the logarithm itself for the log losses.  These are evaluated from z,
## as the C core does: the package only allows cross-entropy after a
## sigmoid layer and log-likelihood after a softmax one, and there
##
## @example
## -[y ln a + (1-y) ln(1-a)] = y softplus(-z) + (1-y) softplus(z)
## -sum_j y_j ln a_j         = (sum_j y_j) logsumexp(z) - sum_j y_j z_j
## @end example
##
## stay finite (and keep their imaginary parts) when a rounds to 0 or 1.
## With real arguments the result is the ordinary real loss.
## @end deftypefn

function C0 = bp_complex_loss (aL, zL, y, name)
  nL = rows (aL);
  switch (name)
    case "sse"
      C0 = sum ((aL - y) .^ 2, 1);
    case "quadratic"
      C0 = sum ((aL - y) .^ 2, 1) / 2;
    case "mse"
      C0 = sum ((aL - y) .^ 2, 1) / nL;
    case "cross-entropy"
      C0 = sum (y .* softplus (-zL) + (1 - y) .* softplus (zL), 1);
    case "log-likelihood"
      shift = max (real (zL), [], 1);
      lse = shift + log (sum (exp (zL - shift), 1));
      C0 = sum (y, 1) .* lse - sum (y .* zL, 1);
    otherwise
      error ("backprop:bp_gradcheck:internal",
             "bp_gradcheck: no complex-step form of loss '%s'", name);
  endswitch
endfunction

## softplus(t) = ln(1 + e^t), without overflow: for real(t) > 0 it is
## t + ln(1 + e^-t).  Both branches are analytic; log1p keeps
## ln(1 + e^-t) accurate where e^-t is tiny and 1 + e^-t would round to 1.
function s = softplus (t)
  s = zeros (size (t));
  big = real (t) > 0;
  s(big) = t(big) + log1p (exp (-t(big)));
  s(! big) = log1p (exp (t(! big)));
endfunction
