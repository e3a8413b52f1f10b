## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn {} {@var{net} =} bp_sgd_step (@var{net}, @var{dW}, @var{db}, @var{eta})
## One gradient-descent step: new weight = old weight - eta * gradient.
##
## For every layer l, @code{W@{l@} - @var{eta} * @var{dW}@{l@}} and
## @code{b@{l@} - @var{eta} * @var{db}@{l@}}, that is
## w_jk^(l) <- w_jk^(l) - eta dC/dw_jk^(l).  @var{dW} and @var{db} are the
## cells @code{bp_gradient} returns; @var{eta}, the learning rate, is a
## non-negative scalar.  The network passed in is not changed; the updated
## one is returned.
##
## @example
## [dW, db] = bp_gradient (net, x, y);
## net = bp_sgd_step (net, dW, db, 0.5);
## @end example
##
## @seealso{bp_gradient, bp_train}
## @end deftypefn

function [net, varargout] = bp_sgd_step (net, dW, db, eta, varargin)
  nin = nargin;
  nout = nargout;
  if (nin != 4 || nout > 1)
    bp_count_error ("bp_sgd_step", nin, nout, 1, "(net, dW, db, eta)");
  endif
  net = __bp_sgd_step__ ("bp_sgd_step", net, dW, db, eta);
endfunction

%!test
%! net = bp_init ([2 3 1], "seed", 2);
%! x = [0.3; -0.8];  y = 0.25;
%! [dW, db] = bp_gradient (net, x, y);
%! new = bp_sgd_step (net, dW, db, 0.7);
%! for l = 1:2
%!   assert (new.W{l}, net.W{l} - 0.7 * dW{l}, 1e-15);
%!   assert (new.b{l}, net.b{l} - 0.7 * db{l}, 1e-15);
%! endfor
%! assert (new.sizes, net.sizes);
%! assert (new.g, net.g);

%!test
%! ## A small step down the gradient lowers the loss.
%! net = bp_init ([2 4 2], "seed", 4);
%! x = rand (2, 10);  y = rand (2, 10);
%! [dW, db, ~, C0] = bp_gradient (net, x, y);
%! [~, ~, ~, C1] = bp_gradient (bp_sgd_step (net, dW, db, 0.1), x, y);
%! assert (C1 < C0);

%!test
%! ## The caller's network is left as it was.
%! net = bp_init ([2 2], "seed", 1);
%! keep = net;
%! [dW, db] = bp_gradient (net, [1; 2], [0; 1]);
%! new = bp_sgd_step (net, dW, db, 1);
%! assert (net, keep);
%! assert (! isequal (new.W, keep.W));

%!shared net
%! net = bp_init ([2 3 1], "seed", 2);
%!error <eta must be a number> bp_sgd_step (net, {zeros(3,2), zeros(1,3)}, {zeros(3,1), 0}, -1)
%!error <eta must be finite> bp_sgd_step (net, {zeros(3,2), zeros(1,3)}, {zeros(3,1), 0}, NaN)
%!error <dW\{1\} must be a real double 3-by-2 matrix> bp_sgd_step (net, {zeros(2,3), zeros(1,3)}, {zeros(3,1), 0}, 1)
%!error <dW must be a 1-by-2 cell> bp_sgd_step (net, zeros (3, 2), {zeros(3,1), 0}, 1)
%!error <db\{2\} must be a real double 1-by-1 matrix> bp_sgd_step (net, {zeros(3,2), zeros(1,3)}, {zeros(3,1), []}, 1)
%!error id=backprop:bp_sgd_step:nargin bp_sgd_step (net)

%!demo
%! ## A few steps on one sample: the loss falls.
%! net = bp_init ([2 3 2], "seed", 1);
%! x = [0.05; 0.10];  y = [0.01; 0.99];
%! for step = 1:5
%!   [dW, db, ~, C] = bp_gradient (net, x, y);
%!   printf ("step %d: C = %.6f\n", step, C);
%!   net = bp_sgd_step (net, dW, db, 0.5);
%! endfor
