## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn  {} {@var{Y} =} bp_predict (@var{net}, @var{X})
## @deftypefnx {} {[@var{Y}, @var{class}] =} bp_predict (@var{net}, @var{X})
## The network's outputs a^(L) for every column of @var{X}, and the class
## each column is assigned.
##
## @var{Y} is nL-by-N, the same as @code{bp_forward (net, X)}.  @var{class}
## is a 1-by-N row:
##
## @itemize
## @item with one output (a binary classifier), 1 where the output is at
## least 0.5 and 0 below: the classes of 0/1 targets;
## @item with several outputs, the row index of each column's largest
## output (the first one on ties): the class of a one-hot or softmax
## network.
## @end itemize
##
## Only the outputs are kept, and the layers are computed two at a time, so
## a prediction needs memory for the result and for two layers of
## activations; when even that does not fit for all the columns at once,
## the columns are taken in chunks, with the same result.
##
## @seealso{bp_forward, bp_train}
## @end deftypefn

function [Y, class, varargout] = bp_predict (net, X, varargin)
  fn = "bp_predict";
  bp_check_counts (fn, nargin, nargout, 2, 2, "(net, X)");
  ## Columns a call of the gateway takes: about 1e8 multiply-adds, a few
  ## hundredths of a second, so that Ctrl-C can stop a long prediction
  ## between two calls.  The network is checked first: its sizes set the
  ## work per column.
  __bp_check__ (fn, "net", net);
  N = columns (X);
  per_call = max (1, floor (1e8 / sum (net.sizes(1:end-1) .* net.sizes(2:end))));
  if (! isa (X, "double") || N <= per_call)
    [Y, class] = __bp_predict__ (fn, net, X, 1, max (N, 1));
    return;
  endif
  __bp_memory__ (fn, 8 * (net.sizes(end) + 1) * N, "the prediction");
  Y = zeros (net.sizes(end), N);
  class = zeros (1, N);
  for first = 1:per_call:N
    last = min (first + per_call - 1, N);
    [Y(:,first:last), class(first:last)] = __bp_predict__ (fn, net, X, first, last);
  endfor
endfunction

%!test
%! net = bp_init ([3 5 4], "activation", {"relu", "softmax"}, ...
%!                "loss", "log-likelihood", "seed", 1);
%! X = [0.2 -1 0.5; 0.9 0.1 -0.3; 0.4 0.4 0.8];
%! [Y, class] = bp_predict (net, X);
%! assert (Y, bp_forward (net, X));
%! for c = 1:3
%!   [~, k] = max (Y(:,c));
%!   assert (class(c), k);
%! endfor
%! assert (size (class), [1 3]);

%!test
%! ## One output: classes 0 and 1 at the threshold 0.5.
%! net = bp_init ([1 1], "seed", 1);
%! net.W{1} = 1;  net.b{1} = 0;
%! [Y, class] = bp_predict (net, [-2 -1e-9 0 1e-9 3]);
%! assert (Y, 1 ./ (1 + exp (-[-2 -1e-9 0 1e-9 3])), 1e-15);
%! assert (class, [0 0 1 1 1]);

%!error <X must be a real double matrix with 3 rows> bp_predict (bp_init ([3 2]), ones (2, 1))
%!error <net must be a scalar struct> bp_predict (1, ones (3, 1))
%!error id=backprop:bp_predict:nargin bp_predict (bp_init ([3 2]))

%!demo
%! net = bp_init ([2 3 2], "activation", {"tanh", "softmax"}, ...
%!                "loss", "log-likelihood", "seed", 1);
%! [Y, class] = bp_predict (net, [0 1 0.5; 1 0 0.5])
