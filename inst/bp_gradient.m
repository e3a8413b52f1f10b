## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn  {} {[@var{dW}, @var{db}] =} bp_gradient (@var{net}, @var{x}, @var{y})
## @deftypefnx {} {[@var{dW}, @var{db}, @var{delta}, @var{C}] =} bp_gradient (@var{net}, @var{x}, @var{y}, "lambda", @var{lambda})
## Backpropagation: the gradient of the mean loss over the columns of
## @var{x} with respect to every weight and bias.
##
## @var{x} is n0-by-m and @var{y} nL-by-m (one sample a column).  For each
## sample the error of node j in layer l, delta_j^(l) = dC_0/dz_j^(l), is
##
## @example
## delta^(L)   = dC_0/da^(L) .* g'(z^(L))                (output layer)
## delta^(l-1) = (W@{l@}' * delta^(l)) .* g'(z^(l-1))      (hidden layers)
## @end example
##
## where the product with W@{l@}' is the sum over the nodes j of layer l
## that node k of layer l-1 feeds.  Then, averaged over the m samples,
##
## @example
## dC/dw_jk^(l) = mean (delta_j^(l) a_k^(l-1))     dW@{l@} = delta@{l@} * a@{l-1@}' / m
## dC/db_j^(l)  = mean (delta_j^(l))              db@{l@} = mean (delta@{l@}, 2)
## @end example
##
## @var{dW} and @var{db} are 1-by-L cells shaped like @code{net.W} and
## @code{net.b}; @var{delta} is the 1-by-L cell of n_l-by-m errors;
## @var{C} is the mean loss.  Sigmoid + cross-entropy uses the fused output
## error delta^(L) = a^(L) - y, and softmax + log-likelihood
## delta^(L) = a^(L) sum_j y_j - y, which is a^(L) - y for one-hot (or any
## probability) targets; other softmax layers are backpropagated through
## their full Jacobian.
##
## Option @qcode{"lambda"} (default 0) adds L2 weight decay on the weights
## (not the biases): (lambda/(2m)) sum of squared weights to @var{C} and
## (lambda/m) W@{l@} to @var{dW}@{l@}.
##
## @seealso{bp_forward, bp_sgd_step, bp_chain, bp_gradcheck}
## @end deftypefn

function [dW, db, delta, C, varargout] = bp_gradient (net, x, y, varargin)
  ## nargout is a function call: read it once (this function sits in
  ## per-step teaching loops, where every lookup shows).
  nout = nargout;
  bp_check_counts ("bp_gradient", nargin, nout, [3 Inf], 4, ...
                   "(net, x, y, \"lambda\", lambda)");
  lambda = bp_lambda_option ("bp_gradient", varargin, 3);
  ## Ask only for what the caller takes: delta is then never built.
  if (nout <= 2)
    [dW, db] = __bp_gradient__ ("bp_gradient", net, x, y, lambda);
  else
    [dW, db, delta, C] = __bp_gradient__ ("bp_gradient", net, x, y, lambda);
  endif
endfunction

%!shared net, x, y
%! net = bp_init ([3 4 2], "seed", 5);
%! x = [0.1 0.5 -0.3 0.8; 0.2 -0.7 0.4 0.1; 0.9 0.3 -0.2 0.6];
%! y = [1 0 1 0; 0 1 0 1];

%!test
%! ## Plain-Octave backprop for a sigmoid network with the quadratic loss.
%! m = columns (x);
%! a1 = 1 ./ (1 + exp (-(net.W{1} * x + net.b{1})));
%! a2 = 1 ./ (1 + exp (-(net.W{2} * a1 + net.b{2})));
%! d2 = (a2 - y) .* a2 .* (1 - a2);
%! d1 = (net.W{2}' * d2) .* a1 .* (1 - a1);
%! [dW, db, delta, C] = bp_gradient (net, x, y);
%! assert (delta, {d1, d2}, 1e-15);
%! assert (dW, {d1 * x' / m, d2 * a1' / m}, 1e-15);
%! assert (db, {mean(d1, 2), mean(d2, 2)}, 1e-15);
%! assert (C, mean (sum ((a2 - y) .^ 2)) / 2, 1e-15);

%!test
%! ## Weight decay: lambda/m W on the weights, lambda/(2m) |W|^2 on C.
%! m = columns (x);  lambda = 0.3;
%! [dW0, db0, ~, C0] = bp_gradient (net, x, y);
%! [dW, db, ~, C] = bp_gradient (net, x, y, "lambda", lambda);
%! assert (dW{1}, dW0{1} + lambda / m * net.W{1}, 1e-15);
%! assert (dW{2}, dW0{2} + lambda / m * net.W{2}, 1e-15);
%! assert (db, db0);
%! sq = sumsq (net.W{1}(:)) + sumsq (net.W{2}(:));
%! assert (C, C0 + lambda / (2*m) * sq, 1e-15);

%!test
%! ## The gradient of the mean is the mean of the per-sample gradients.
%! dW = bp_gradient (net, x, y);
%! acc = {0, 0};
%! for c = 1:columns (x)
%!   g = bp_gradient (net, x(:,c), y(:,c));
%!   acc = {acc{1} + g{1}, acc{2} + g{2}};
%! endfor
%! assert (dW, {acc{1} / columns(x), acc{2} / columns(x)}, 1e-15);

%!test
%! ## Central differences agree with every entry of dW and db.
%! n2 = bp_init ([3 4 2], "activation", {"tanh", "softmax"}, ...
%!               "loss", "log-likelihood", "seed", 9);
%! yy = [1 0 0 1; 0 1 1 0];
%! [dW, db] = bp_gradient (n2, x, yy);
%! h = 1e-6;
%! g = struct ("W", {dW}, "b", {db});
%! for f = {"W", "b"}
%!   for l = 1:2
%!     for e = 1:numel (n2.(f{1}){l})
%!       p = n2;  p.(f{1}){l}(e) += h;  q = n2;  q.(f{1}){l}(e) -= h;
%!       [~, ~, ~, Cp] = bp_gradient (p, x, yy);
%!       [~, ~, ~, Cq] = bp_gradient (q, x, yy);
%!       assert (g.(f{1}){l}(e), (Cp - Cq) / (2*h), 1e-8);
%!     endfor
%!   endfor
%! endfor

%!error <y must be a real double matrix with 2 rows> bp_gradient (net, x, ones (3, 4))
%!error <one column per column of x> bp_gradient (net, x, y(:,1:2))
%!error <lambda must be a number> bp_gradient (net, x, y, "lambda", -1)
%!error <unknown option 'eta'> bp_gradient (net, x, y, "eta", 1)
%!error <net.W\{2\} must be a real double 2-by-4 matrix> bp_gradient (setfield (net, "W", {net.W{1}, ones(4,2)}), x, y)
%!error id=backprop:bp_gradient:nargin bp_gradient (net, x)

%!demo
%! ## One gradient of the 2-3-2 network for one sample.
%! net = bp_init ([2 3 2], "seed", 1);
%! [dW, db, delta, C] = bp_gradient (net, [0.05; 0.10], [0.01; 0.99]);
%! printf ("C = %.6f\n", C);
%! printf ("delta^(2) = %s\n", mat2str (delta{2}', 6));
%! printf ("dC/dw^(2) =\n");  disp (dW{2});
