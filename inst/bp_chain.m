## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn  {} {} bp_chain (@var{net}, @var{x}, @var{y}, @var{l}, @var{j}, @var{k})
## @deftypefnx {} {@var{t} =} bp_chain (@var{net}, @var{x}, @var{y}, @var{l}, @var{j}, @var{k})
## The chain rule for one weight, factor by factor, for one sample.
##
## For the weight w_jk^(l) (@code{net.W@{l@}(j,k)}, from node k of layer
## l-1 to node j of layer l) and one sample @var{x} (n0-by-1) with target
## @var{y} (nL-by-1), the derivative of the sample's loss C_0 is
##
## @example
## dC_0/dw_jk^(l) = dC_0/da_j^(l) * da_j^(l)/dz_j^(l) * dz_j^(l)/dw_jk^(l)
##                = dC_0/da_j^(l) * g'(z_j^(l))      * a_k^(l-1)
## @end example
##
## with a_k^(0) = x_k.  In the output layer (l = L) the first factor comes
## straight from the loss, for instance 2 (a_j^(L) - y_j) for
## C_0 = sum_j (a_j^(L) - y_j)^2.  In a hidden layer (l < L), a_j^(l) feeds
## every node i of layer l+1, so the first factor is a sum over them:
##
## @example
## dC_0/da_j^(l) = sum_i dC_0/da_i^(l+1) * da_i^(l+1)/dz_i^(l+1) * w_ij^(l+1)
##               = sum_i delta_i^(l+1) * w_ij^(l+1)
## @end example
##
## (The display prints node j of layer l as its number and, as the
## chain-rule article does, calls the summed node of layer l+1 j:
## dC_0/da_2^(2) = sum_j delta_j^(3) * w_j2^(3).)
##
## Without an output argument the equation is printed with its numbers.
## @var{t} is a @code{bp_chain_factors} object that prints the same way
## (@code{disp (t)}, or @code{t} without a semicolon) and whose
## properties hold the numbers:
##
## @table @code
## @item dC_da
## dC_0/da_j^(l);
## @item da_dz
## da_j^(l)/dz_j^(l) = g'(z_j^(l)) (NaN where it is no factor, see below);
## @item dz_dw
## dz_j^(l)/dw_jk^(l) = a_k^(l-1) (x_k for l = 1);
## @item dC_dw
## the product, dC_0/dw_jk^(l): equal (to rounding) to
## @code{bp_gradient}'s @code{dW@{l@}(j,k)} for this sample, always (see
## below);
## @item delta
## delta_j^(l) = dC_0/dz_j^(l) as backprop computes it;
## @item terms, next_delta, next_w, next_dC_da, next_da_dz
## hidden layers only (empty for l = L): column vectors over the nodes i of
## layer l+1 with @code{terms = next_delta .* next_w}, the terms
## delta_i^(l+1) w_ij^(l+1) of the sum, so @code{sum (t.terms)} is
## @code{t.dC_da}; @code{next_w} is @code{net.W@{l+1@}(:,j)};
## @code{next_dC_da .* next_da_dz} is @code{next_delta} (to rounding)
## wherever @code{next_da_dz} is not NaN;
## @item l, j, k, L, g, next_g, loss, a, z, y
## the indices, the output layer L, the names of g^(l), g^(l+1) and the
## loss, and a_j^(l), z_j^(l) and (output layer) y_j;
## @item via_delta, note
## whether dC_da * da_dz was replaced by delta, and why (below).
## @end table
##
## Where dC_da and da_dz do not exist as two numbers whose product is
## delta_j^(l) = dC_0/dz_j^(l), the equation uses delta_j^(l) from
## backprop instead, @code{t.da_dz} is NaN, @code{t.via_delta} true, and
## the printout says why.  If layer l is softmax, a_j^(l) depends on
## every z_i^(l), so dC_0/dz_j^(l) is a sum over i, not one product.
## Otherwise the factors are used only when they are finite and their
## product agrees with backprop's delta_j^(l) within the rounding error
## of the two computations (see below); where floating point cannot
## multiply them, it does not.  The common case is a sigmoid output with
## the cross-entropy loss, where backprop uses the fused error
## a_j^(L) - y_j: when a_j^(L) rounds to 0 or 1, or is so small that it
## has lost digits (a subnormal number, z below about -708), the factor
## (a - y)/(a (1 - a)) overflows or a (1 - a) is inexact, while a - y is
## still exact.  The same rule decides, term by term, whether the sum of
## a hidden layer is written with three factors (@code{t.next_da_dz} is
## NaN where it is not).
##
## The rounding bound: for n numbers summed to make dC_da (n = 1 for an
## output layer) with the sum of their magnitudes m (for an output layer,
## the magnitudes of the parts of the loss's derivative, such as
## y/a + (1 - y)/(1 - a) for the cross-entropy), the two results may
## differ by 2 (n + 3) eps (m |da_dz| + |delta|) plus as many units of
## the smallest subnormal: each is a sum of n products with a relative
## error of at most about (n + 1) eps each, and subnormal results are
## rounded to absolute steps of 2^-1074.  So whenever the factors are
## shown, @code{t.dC_dw} equals @code{bp_gradient}'s value to rounding.
##
## The indices are whole numbers: the layer l in 1..L, the node j in
## 1..n_l and the node k in 1..n_(l-1).
##
## @seealso{bp_gradient, bp_forward, bp_gradcheck, bp_chain_factors}
## @end deftypefn

function varargout = bp_chain (net, x, y, l, j, k, varargin)
  fn = "bp_chain";
  bp_check_counts (fn, nargin, nargout, 6, 1, "(net, x, y, l, j, k)");
  check_one_column (x, "x", "n_0");
  check_one_column (y, "y", "n_L");
  ## The gateways check net, x and y, naming bp_chain in their messages.
  [~, ~, delta] = __bp_gradient__ (fn, net, x, y, 0);
  [~, a, z] = __bp_forward__ (fn, net, x);
  [l, j, k] = check_indices (net, l, j, k);
  t = bp_chain_factors (factors (net, x, y, a, z, delta, l, j, k));
  if (nargout == 0)
    disp (t);
  else
    varargout{1} = t;
  endif
endfunction

## One sample: a numeric x or y must be a single column.  Everything else
## about it (type, rows, finiteness) is the gateway's to check.
function check_one_column (v, name, rows_name)
  if ((isnumeric (v) || islogical (v)) && columns (v) != 1)
    error ("backprop:bp_chain:wrong_size", ...
           "bp_chain: %s must be one sample, a single column (%s-by-1), got %s", ...
           name, rows_name, bp_describe (v));
  endif
endfunction

function [l, j, k] = check_indices (net, l, j, k)
  fn = "bp_chain";
  L = numel (net.W);
  l = bp_check_scalar (fn, "l (a layer of net)", l, 1, L, true);
  [n_l, n_prev] = size (net.W{l});
  j = bp_check_scalar (fn, sprintf ("j (a node of layer %d)", l), j, 1, ...
                       n_l, true);
  if (l == 1)
    what = "k (a node of layer 0, the input)";
  else
    what = sprintf ("k (a node of layer %d)", l - 1);
  endif
  k = bp_check_scalar (fn, what, k, 1, n_prev, true);
endfunction

## The numbers of the chain rule for w_jk^(l), as a struct for the class.
function s = factors (net, x, y, a, z, delta, l, j, k)
  fn = "bp_chain";
  L = numel (net.W);
  s.l = l;
  s.j = j;
  s.k = k;
  s.L = L;
  s.loss = net.loss;
  s.g = net.g{l};
  s.a = a{l}(j);
  s.z = z{l}(j);
  s.delta = delta{l}(j);
  if (l == 1)
    s.dz_dw = x(k);
  else
    s.dz_dw = a{l-1}(k);
  endif
  [~, dC_daL] = __bp_loss__ (fn, a{L}, y, net.loss);
  mag_L = loss_magnitude (net.loss, a{L}, y);
  s.da_dz = slopes (net, z, l, fn)(j);
  if (l == L)
    s.y = y(j);
    s.dC_da = dC_daL(j);
    usable = factors_usable (s.dC_da, s.da_dz, s.delta, mag_L(j), 1);
  else
    ## The article's sum: node j of layer l feeds every node i of layer l+1.
    s.next_g = net.g{l+1};
    s.next_w = net.W{l+1}(:,j);
    s.next_delta = delta{l+1};
    s.terms = s.next_delta .* s.next_w;
    s.dC_da = sum (s.terms);
    usable = factors_usable (s.dC_da, s.da_dz, s.delta, sum (abs (s.terms)), ...
                             numel (s.terms));
    if (l + 1 == L)
      s.next_dC_da = dC_daL;
      next_ok = factors_usable (dC_daL, slopes (net, z, L, fn), delta{L}, ...
                                mag_L, 1);
    else
      s.next_dC_da = net.W{l+2}.' * delta{l+2};
      next_ok = factors_usable (s.next_dC_da, slopes (net, z, l + 1, fn), ...
                                delta{l+1}, abs (net.W{l+2}.') * abs (delta{l+2}), ...
                                numel (delta{l+2}));
    endif
    s.next_da_dz = slopes (net, z, l + 1, fn);
    s.next_da_dz(! next_ok) = NaN;
  endif
  [s.via_delta, s.note] = why_delta (s, usable);
  if (s.via_delta)
    s.da_dz = NaN;
    s.dC_dw = s.delta * s.dz_dw;
  else
    s.dC_dw = s.dC_da * s.da_dz * s.dz_dw;
  endif
endfunction

## g'(z^(l)) of layer l; NaN for a softmax layer, where da_i/dz_i is no
## factor of dC_0/dz_i.
function d = slopes (net, z, l, fn)
  if (strcmp (net.g{l}, "softmax"))
    d = NaN (size (z{l}));
    return;
  endif
  [~, d] = __bp_activation__ (fn, z{l}, net.g{l});
endfunction

## The sum of the magnitudes of the parts of which bp_loss makes dC_0/da
## for outputs A and targets Y: what its rounding error is relative to
## (the parts of the cross-entropy's -y/a + (1-y)/(1-a) may nearly cancel).
function m = loss_magnitude (loss, A, Y)
  switch (loss)
    case "sse"
      m = 2 * (abs (A) + abs (Y));
    case "quadratic"
      m = abs (A) + abs (Y);
    case "mse"
      m = 2 * (abs (A) + abs (Y)) / rows (A);
    case "cross-entropy"
      m = zeros (size (A));
      k = Y != 0;
      m(k) = abs (Y(k) ./ A(k));
      k = Y != 1;
      m(k) += abs ((1 - Y(k)) ./ (1 - A(k)));
    otherwise                         # log-likelihood: -y/a
      m = zeros (size (A));
      k = Y != 0;
      m(k) = abs (Y(k) ./ A(k));
  endswitch
endfunction

## Whether the factors DC_DA and DA_DZ (arrays of one size) can stand for
## backprop's DELTA: both finite, and their product within the rounding
## error of the two computations, for dC_da made of N parts whose
## magnitudes sum to MAG (see the help: 2 (n + 3) eps (m |da_dz| + |delta|)
## plus as many smallest subnormals).
function ok = factors_usable (dC_da, da_dz, delta, mag, n)
  p = dC_da .* da_dz;
  tol = 2 * (n + 3) * (eps * (mag .* abs (da_dz) + abs (delta)) + 2^-1074);
  ok = isfinite (dC_da) & isfinite (da_dz) & isfinite (p) & abs (p - delta) <= tol;
endfunction

## Whether delta_j^(l) stands in for dC_da * da_dz (USABLE says whether
## the factors can), and the explanation the display prints.
function [yes, note] = why_delta (s, usable)
  yes = false;
  note = "";
  if (strcmp (s.g, "softmax"))
    yes = true;
    note = sprintf (["Layer %d is softmax: a_%d^(%d) depends on every " ...
                     "z_i^(%d), so dC_0/dz_%d^(%d) is the sum over i of " ...
                     "dC_0/da_i^(%d) * da_i^(%d)/dz_%d^(%d), not one product " ...
                     "dC_0/da_%d^(%d) * da_%d^(%d)/dz_%d^(%d).  Its value is " ...
                     "the error delta_%d^(%d) from backprop (bp_gradient), " ...
                     "used in its place; t.da_dz is NaN."], ...
                    s.l, s.j, s.l, s.l, s.j, s.l, s.l, s.l, s.j, s.l, s.j, ...
                    s.l, s.j, s.l, s.j, s.l, s.j, s.l);
    if (s.l == s.L && strcmp (s.loss, "log-likelihood"))
      note = [note sprintf(["  With the log-likelihood loss it is the " ...
                            "fused error a_%d^(%d) sum_i y_i - y_%d " ...
                            "(a_%d^(%d) - y_%d for a one-hot y)."], ...
                           s.j, s.l, s.j, s.j, s.l, s.j)];
    endif
  elseif (! usable)
    yes = true;
    fused = s.l == s.L && strcmp (s.loss, "cross-entropy");
    if (fused && (s.a == 0 || s.a == 1))
      why = sprintf (["a_%d^(%d) is exactly %d in floating point, so " ...
                      "dC_0/da_%d^(%d) = (a - y)/(a (1 - a)) divides by 0 " ...
                      "and da_%d^(%d)/dz_%d^(%d) = a (1 - a) is 0: the two " ...
                      "cannot be multiplied."], ...
                     s.j, s.L, s.a, s.j, s.L, s.j, s.L, s.j, s.L);
    else
      product = s.dC_da * s.da_dz;
      why = sprintf (["dC_0/da_%d^(%d) = %s and da_%d^(%d)/dz_%d^(%d) = %s " ...
                      "do not multiply to delta_%d^(%d) = %s in floating " ...
                      "point: their product is %s%s."], ...
                     s.j, s.l, short (s.dC_da), s.j, s.l, s.j, s.l, ...
                     short (s.da_dz), s.j, s.l, short (s.delta), ...
                     short (product), lost_digits (s, product));
    endif
    if (fused)
      note = sprintf (["%s  For a sigmoid output with the cross-entropy " ...
                       "loss their product is the fused error " ...
                       "delta_%d^(%d) = a_%d^(%d) - y_%d, which backprop " ...
                       "computes without either factor and which is used " ...
                       "in their place; t.da_dz is NaN."], ...
                      why, s.j, s.L, s.j, s.L, s.j);
    else
      note = sprintf (["%s  The error delta_%d^(%d) = dC_0/dz_%d^(%d) from " ...
                       "backprop (bp_gradient) is used in their place; " ...
                       "t.da_dz is NaN."], why, s.j, s.l, s.j, s.l);
    endif
  endif
endfunction

## Why a finite product went wrong: a factor that has lost digits.
function s = lost_digits (t, product)
  s = "";
  if (t.a != 0 && abs (t.a) < realmin)
    s = sprintf (" (a_%d^(%d) = %s is subnormal: it has lost digits)", ...
                 t.j, t.l, short (t.a));
  elseif (t.da_dz != 0 && abs (t.da_dz) < realmin)
    s = " (da/dz is subnormal: it has lost digits)";
  elseif (! isfinite (product))
    s = " (it overflows)";
  endif
endfunction

function s = short (v)
  s = sprintf ("%.6g", v);
endfunction

%!shared net, x, y, L
%! net = bp_init ([3 4 3 2], "loss", "sse", "seed", 42);
%! x = [0.3; -0.6; 0.9];
%! y = [1; 0];
%! L = 3;

%!test
%! ## The output-layer case of the article: l = L, j = 1, k = 2.
%! [aL, a, z] = bp_forward (net, x);
%! t = bp_chain (net, x, y, L, 1, 2);
%! s = 1 / (1 + exp (-z{L}(1)));
%! assert (t.dC_da, 2 * (aL(1) - y(1)), 1e-15);
%! assert (t.da_dz, s * (1 - s), 1e-15);
%! assert (t.dz_dw, a{L-1}(2));
%! assert (t.dC_dw, t.dC_da * t.da_dz * t.dz_dw);
%! dW = bp_gradient (net, x, y);
%! assert (t.dC_dw, dW{L}(1,2), 1e-15);
%! assert (isempty (t.terms));
%! assert (! t.via_delta);

%!test
%! ## The hidden-layer case: l = L-1, j = 2, k = 2, a sum over layer L.
%! [aL, a, z] = bp_forward (net, x);
%! t = bp_chain (net, x, y, L-1, 2, 2);
%! gp = @(v) (1 ./ (1 + exp (-v))) .* (1 - 1 ./ (1 + exp (-v)));
%! terms = 2 * (aL - y) .* gp (z{L}) .* net.W{L}(:,2);
%! assert (t.terms, terms, 1e-15);
%! assert (t.dC_da, sum (t.terms));
%! assert (t.next_dC_da .* t.next_da_dz, t.next_delta, 1e-15);
%! assert (t.next_w, net.W{L}(:,2));
%! assert (t.dz_dw, a{L-2}(2));
%! dW = bp_gradient (net, x, y);
%! assert (t.dC_dw, dW{L-1}(2,2), 1e-15);

%!test
%! ## Layer 1: the last factor is the input x_k.
%! t = bp_chain (net, x, y, 1, 4, 3);
%! assert (t.dz_dw, x(3));
%! dW = bp_gradient (net, x, y);
%! assert (t.dC_dw, dW{1}(4,3), 1e-15);

%!test
%! ## A softmax output: delta replaces dC_da * da_dz.
%! n2 = bp_init ([2 3 3], "activation", {"tanh", "softmax"}, ...
%!               "loss", "log-likelihood", "seed", 1);
%! t = bp_chain (n2, [0.5; -1], [0; 1; 0], 2, 3, 1);
%! [aL, a] = bp_forward (n2, [0.5; -1]);
%! assert (t.via_delta);
%! assert (isnan (t.da_dz));
%! assert (t.delta, aL(3) - 0, 1e-15);
%! assert (t.dC_dw, t.delta * a{1}(1), 1e-15);
%! assert (! isempty (strfind (t.note, "softmax")));

%!test
%! ## Saturated sigmoid output with cross-entropy: the fused error a - y.
%! n3 = bp_init ([1 1], "loss", "cross-entropy");
%! n3.W{1} = 100;
%! t = bp_chain (n3, 1, 0, 1, 1, 1);
%! assert (t.a, 1);
%! assert (t.via_delta);
%! assert (t.dC_dw, 1);

%!test
%! ## Printed without an output, and as the article writes the equation.
%! out = evalc ("bp_chain (net, x, y, L, 1, 2)");
%! assert (! isempty (strfind (out, ...
%!   "dC_0/dw_12^(3) = dC_0/da_1^(3) * da_1^(3)/dz_1^(3) * dz_1^(3)/dw_12^(3)")));
%! assert (! isempty (regexp (out, '= \(-1.156688\) \* \(0.243862\) \* \(0.724274\)')));
%! assert (! isempty (strfind (out, "= -0.204298")));

%!error <l \(a layer of net\) must be a whole number in \[1, 3\], got 4> bp_chain (net, x, y, 4, 1, 1)
%!error <j \(a node of layer 2\) must be a whole number in \[1, 3\], got 0> bp_chain (net, x, y, 2, 0, 1)
%!error <k \(a node of layer 0, the input\) must be a whole number in \[1, 3\], got 1.5> bp_chain (net, x, y, 1, 1, 1.5)
%!error <k \(a node of layer 1\) must be a real double scalar> bp_chain (net, x, y, 2, 1, "1")
%!error <x must be one sample, a single column \(n_0-by-1\), got a 3-by-2 double> bp_chain (net, [x x], y, 1, 1, 1)
%!error <y must be one sample> bp_chain (net, x, [y y], 1, 1, 1)
%!error <x must be a real double matrix with 3 rows> bp_chain (net, [x; 1], y, 1, 1, 1)
%!error <net.W\{2\} must be a real double 3-by-4 matrix> bp_chain (setfield (net, "W", {net.W{1}, ones(4,3), net.W{3}}), x, y, 1, 1, 1)
%!error id=backprop:bp_chain:nargin bp_chain (net, x, y, 1, 1)
%!error id=backprop:bp_chain:nargout [a, b] = bp_chain (net, x, y, 1, 1, 1)

%!demo
%! ## The chain-rule article's two cases on a deeper network [3 4 3 2],
%! ## C_0 = sum_j (a_j^(L) - y_j)^2, one sample.
%! net = bp_init ([3 4 3 2], "loss", "sse", "seed", 42);
%! x = [0.3; -0.6; 0.9];
%! y = [1; 0];
%! L = numel (net.W);
%! printf ("--- Output layer: l = L = %d, j = 1, k = 2 ---\n\n", L);
%! bp_chain (net, x, y, L, 1, 2)
%! printf ("\n--- Hidden layer: l = L-1 = %d, j = 2, k = 2 ---\n\n", L - 1);
%! t = bp_chain (net, x, y, L-1, 2, 2)
%! dW = bp_gradient (net, x, y);
%! printf ("bp_gradient gives dW{%d}(1,2) = %.6f and dW{%d}(2,2) = %.6f\n", ...
%!         L, dW{L}(1,2), L - 1, dW{L-1}(2,2));

%!demo
%! ## A softmax output layer with the log-likelihood loss: a_j depends on
%! ## every z_i, so the error delta_j = a_j - y_j replaces dC/da * da/dz.
%! net = bp_init ([2 3 3], "activation", {"tanh", "softmax"}, ...
%!                "loss", "log-likelihood", "seed", 7);
%! bp_chain (net, [0.5; -1], [0; 1; 0], 2, 2, 3)
