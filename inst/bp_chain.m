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
## @code{bp_gradient}'s @code{dW@{l@}(j,k)} for this sample;
## @item delta
## delta_j^(l) = dC_0/dz_j^(l) as backprop computes it;
## @item terms, next_delta, next_w, next_dC_da, next_da_dz
## hidden layers only (empty for l = L): column vectors over the nodes i of
## layer l+1 with @code{terms = next_delta .* next_w}, the terms
## delta_i^(l+1) w_ij^(l+1) of the sum, so @code{sum (t.terms)} is
## @code{t.dC_da}; @code{next_w} is @code{net.W@{l+1@}(:,j)};
## @code{next_dC_da .* next_da_dz} is @code{next_delta} wherever both are
## finite;
## @item l, j, k, L, g, next_g, loss, a, z, y
## the indices, the output layer L, the names of g^(l), g^(l+1) and the
## loss, and a_j^(l), z_j^(l) and (output layer) y_j;
## @item via_delta, note
## whether dC_da * da_dz was replaced by delta, and why (below).
## @end table
##
## Two cases have no separate factors dC_da and da_dz, and there
## @code{t.da_dz} is NaN, @code{t.via_delta} true, and the printout says
## so.  If layer l is softmax, a_j^(l) depends on every z_i^(l), so
## dC_0/dz_j^(l) is a sum over i, not one product: the equation uses
## delta_j^(l) from backprop instead.  If the output layer is sigmoid with
## the cross-entropy loss and a_j^(L) rounds to exactly 0 or 1, the
## factor (a - y)/(a (1 - a)) is infinite and a (1 - a) is 0; their product
## is the fused error a_j^(L) - y_j, which is used instead.
##
## The indices are whole numbers: the layer l in 1..L, the node j in
## 1..n_l and the node k in 1..n_(l-1).
##
## @seealso{bp_gradient, bp_forward, bp_gradcheck, bp_chain_factors}
## @end deftypefn

function varargout = bp_chain (net, x, y, l, j, k, varargin)
  fn = "bp_chain";
  nin = nargin;
  nout = nargout;
  if (nin != 6 || nout > 1)
    bp_count_error (fn, nin, nout, 1, "(net, x, y, l, j, k)");
  endif
  check_one_column (x, "x", "n_0");
  check_one_column (y, "y", "n_L");
  ## The gateways check net, x and y, naming bp_chain in their messages.
  [~, ~, delta] = __bp_gradient__ (fn, net, x, y, 0);
  [~, a, z] = __bp_forward__ (fn, net, x);
  [l, j, k] = check_indices (net, l, j, k);
  t = bp_chain_factors (factors (net, x, y, a, z, delta, l, j, k));
  if (nout == 0)
    disp (t);
  else
    varargout{1} = t;
  endif
endfunction

## One sample: a numeric x or y must be a single column.  Everything else
## about it (type, rows, finiteness) is the gateway's to check.
function check_one_column (v, name, rows_name)
  if ((isnumeric (v) || islogical (v)) && columns (v) != 1)
    error ("backprop:bp_chain:wrong_size",
           "bp_chain: %s must be one sample, a single column (%s-by-1), got %s",
           name, rows_name, bp_describe (v));
  endif
endfunction

function [l, j, k] = check_indices (net, l, j, k)
  fn = "bp_chain";
  L = numel (net.W);
  l = bp_check_scalar (fn, "l (a layer of net)", l, 1, L, true);
  [n_l, n_prev] = size (net.W{l});
  j = bp_check_scalar (fn, sprintf ("j (a node of layer %d)", l), j, 1,
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
  s.da_dz = slopes (net, z, a, l, fn)(j);
  if (l == L)
    s.y = y(j);
    s.dC_da = dC_daL(j);
  else
    ## The article's sum: node j of layer l feeds every node i of layer l+1.
    s.next_g = net.g{l+1};
    s.next_w = net.W{l+1}(:,j);
    s.next_delta = delta{l+1};
    s.terms = s.next_delta .* s.next_w;
    s.dC_da = sum (s.terms);
    if (l + 1 == L)
      s.next_dC_da = dC_daL;
    else
      s.next_dC_da = net.W{l+2}.' * delta{l+2};
    endif
    s.next_da_dz = slopes (net, z, a, l + 1, fn);
  endif
  [s.via_delta, s.note] = why_delta (s);
  if (s.via_delta)
    s.da_dz = NaN;
    s.dC_dw = s.delta * s.dz_dw;
  else
    s.dC_dw = s.dC_da * s.da_dz * s.dz_dw;
  endif
endfunction

## g'(z^(l)) of layer l, NaN where da_i/dz_i is not a usable factor: every
## node of a softmax layer, and sigmoid outputs of exactly 0 or 1 under
## the cross-entropy loss (where dC_0/da is infinite).
function d = slopes (net, z, a, l, fn)
  if (strcmp (net.g{l}, "softmax"))
    d = NaN (size (z{l}));
    return;
  endif
  [~, d] = __bp_activation__ (fn, z{l}, net.g{l});
  if (l == numel (net.W) && strcmp (net.loss, "cross-entropy"))
    d(a{l} == 0 | a{l} == 1) = NaN;
  endif
endfunction

## Whether delta_j^(l) stands in for dC_da * da_dz, and the explanation
## the display prints.
function [yes, note] = why_delta (s)
  yes = false;
  note = "";
  if (strcmp (s.g, "softmax"))
    yes = true;
    note = sprintf (["Layer %d is softmax: a_%d^(%d) depends on every " ...
                     "z_i^(%d), so dC_0/dz_%d^(%d) is the sum over i of " ...
                     "dC_0/da_i^(%d) * da_i^(%d)/dz_%d^(%d), not one product " ...
                     "dC_0/da_%d^(%d) * da_%d^(%d)/dz_%d^(%d).  Its value is " ...
                     "the error delta_%d^(%d) from backprop (bp_gradient), " ...
                     "used in its place; t.da_dz is NaN."],
                    s.l, s.j, s.l, s.l, s.j, s.l, s.l, s.l, s.j, s.l, s.j,
                    s.l, s.j, s.l, s.j, s.l, s.j, s.l);
    if (s.l == s.L && strcmp (s.loss, "log-likelihood"))
      note = [note sprintf(["  With the log-likelihood loss it is the " ...
                            "fused error a_%d^(%d) sum_i y_i - y_%d " ...
                            "(a_%d^(%d) - y_%d for a one-hot y)."],
                           s.j, s.l, s.j, s.j, s.l, s.j)];
    endif
  elseif (s.l == s.L && strcmp (s.loss, "cross-entropy")
          && (s.a == 0 || s.a == 1))
    yes = true;
    note = sprintf (["a_%d^(%d) is exactly %d in floating point, so " ...
                     "dC_0/da_%d^(%d) = (a - y)/(a (1 - a)) divides by 0 " ...
                     "and da_%d^(%d)/dz_%d^(%d) = a (1 - a) is 0: the two " ...
                     "cannot be multiplied.  For a sigmoid output with the " ...
                     "cross-entropy loss their product is the fused error " ...
                     "delta_%d^(%d) = a_%d^(%d) - y_%d, used in their place; " ...
                     "t.da_dz is NaN."],
                    s.j, s.L, s.a, s.j, s.L, s.j, s.L, s.j, s.L,
                    s.j, s.L, s.j, s.L, s.j);
  endif
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
