## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn  {} {@var{Y} =} bp_predict (@var{net}, @var{X})
## @deftypefnx {} {[@var{Y}, @var{class}] =} bp_predict (@var{net}, @var{X})
## The network's outputs a^(L) for every column of @var{X}, and the class
## each column is assigned.
##
## @var{Y} is nL-by-N, the same as @code{bp_forward (net, X)}.  @var{class}
## is the 1-by-N row of indices of each column's largest output (the first
## one on ties), i.e. the predicted class of a one-hot or softmax network.
##
## @seealso{bp_forward, bp_train}
## @end deftypefn

function [Y, class, varargout] = bp_predict (net, X, varargin)
  nin = nargin;
  nout = nargout;
  if (nin != 2 || nout > 2)
    bp_count_error ("bp_predict", nin, nout, 2, "(net, X)");
  endif
  Y = __bp_forward__ ("bp_predict", net, X);
  if (nout > 1)
    [~, class] = max (Y, [], 1);
  endif
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

%!error <X must be a real double matrix with 3 rows> bp_predict (bp_init ([3 2]), ones (2, 1))
%!error <net must be a scalar struct> bp_predict (1, ones (3, 1))
%!error id=backprop:bp_predict:nargin bp_predict (bp_init ([3 2]))

%!demo
%! net = bp_init ([2 3 2], "activation", {"tanh", "softmax"}, ...
%!                "loss", "log-likelihood", "seed", 1);
%! [Y, class] = bp_predict (net, [0 1 0.5; 1 0 0.5])
