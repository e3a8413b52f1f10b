## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn  {} {@var{theta} =} bp_unroll (@var{net})
## @deftypefnx {} {[@var{theta}, @var{layout}] =} bp_unroll (@var{net})
## Every weight and bias of a network as one column: the network
## "unrolled" into the parameter vector an optimiser works on.
##
## The order is layer by layer, each layer's weights (column by column,
## as @code{W@{l@}(:)} reads them) and then its biases:
##
## @example
## theta = [net.W@{1@}(:); net.b@{1@}; net.W@{2@}(:); net.b@{2@}; @dots{}]
## @end example
##
## so w_jk^(l) = @code{net.W@{l@}(j,k)} is @code{theta(first + (k-1)*n_l + j - 1)}
## where @var{first} is where @code{W@{l@}} starts and n_l the number of
## nodes of layer l.  A network of sizes [n_0 n_1 @dots{} n_L] has
## n_1 (n_0 + 1) + n_2 (n_1 + 1) + @dots{} + n_L (n_(L-1) + 1) parameters.
## @code{bp_roll (theta, net)} puts such a vector back into the network,
## exactly: @code{bp_roll (bp_unroll (net), net)} is @var{net}.
##
## @var{layout} says where each array lives: a 2L-by-1 struct array, in
## the order of @var{theta}, with the fields
##
## @table @code
## @item name
## @qcode{"W@{l@}"} or @qcode{"b@{l@}"};
## @item layer
## l;
## @item first, last
## its first and last index in @var{theta};
## @item size
## its size, [n_l n_(l-1)] for @code{W@{l@}} and [n_l 1] for @code{b@{l@}}.
## @end table
##
## so that @code{reshape (theta(s.first:s.last), s.size)} is the array of
## entry @var{s}.  The same order is the one of @code{bp_cost}'s
## gradient, of the moment columns in @code{bp_train}'s state, and of the
## exercise where Theta1 and Theta2 are unrolled with
## @code{[Theta1(:); Theta2(:)]} (which keeps each bias in the first
## column of its Theta instead).
##
## @example
## net = bp_init ([2 3 1], "seed", 1);
## [theta, layout] = bp_unroll (net);
## numel (theta)                        # 3*2 + 3 + 1*3 + 1 = 13
## @{layout.name@}                        # W@{1@}, b@{1@}, W@{2@}, b@{2@}
## w = theta(layout(3).first:layout(3).last);   # = net.W@{2@}(:)
## @end example
##
## @seealso{bp_roll, bp_cost, bp_gradient}
## @end deftypefn

function [theta, layout, varargout] = bp_unroll (net, varargin)
  fn = "bp_unroll";
  nout = nargout;
  bp_check_counts (fn, nargin, nout, 1, 2, "(net)");
  bp_check_net (fn, net);
  L = numel (net.W);
  parts = cell (2, L);
  for l = 1:L
    parts{1,l} = net.W{l}(:);
    parts{2,l} = net.b{l};
  endfor
  theta = vertcat (parts{:});
  if (nout > 1)
    layout = bp_layout (net);
  endif
endfunction

%!shared net
%! net = bp_init ([3 4 2], "activation", {"tanh", "softmax"}, ...
%!                "loss", "log-likelihood", "seed", 2);

%!test
%! ## The documented order, written out.
%! theta = bp_unroll (net);
%! assert (theta, [net.W{1}(:); net.b{1}; net.W{2}(:); net.b{2}]);
%! assert (size (theta), [4*3 + 4 + 2*4 + 2, 1]);

%!test
%! ## The layout locates every array, and w_jk^(l) where the help says.
%! [theta, layout] = bp_unroll (net);
%! assert (size (layout), [4 1]);
%! assert ({layout.name}, {"W{1}", "b{1}", "W{2}", "b{2}"});
%! assert ([layout.layer], [1 1 2 2]);
%! assert ([layout.first], [1 13 17 25]);
%! assert ([layout.last], [12 16 24 26]);
%! assert ({layout.size}, {[4 3], [4 1], [2 4], [2 1]});
%! for s = layout'
%!   v = reshape (theta(s.first:s.last), s.size);
%!   assert (v, net.(s.name(1)){s.layer});
%! endfor
%! j = 2;  k = 3;  l = 2;  n_l = 2;
%! assert (theta(layout(3).first + (k-1)*n_l + j - 1), net.W{l}(j,k));

%!test
%! ## A network whose cells are columns unrolls the same way.
%! c = net;
%! c.W = c.W(:);  c.b = c.b(:);  c.g = c.g(:);
%! assert (bp_unroll (c), bp_unroll (net));

%!error <net must be a scalar struct made by bp_init> bp_unroll (5)
%!error <net.W\{2\} must be a real double 2-by-4 matrix> bp_unroll (setfield (net, "W", {net.W{1}, ones(4, 2)}))
%!error id=backprop:bp_unroll:nargin bp_unroll ()
%!error id=backprop:bp_unroll:nargin bp_unroll (net, 1)
%!error id=backprop:bp_unroll:nargout [a, b, c] = bp_unroll (net)

%!demo
%! ## The 2-3-1 network as 13 numbers, and where each array lives.
%! net = bp_init ([2 3 1], "seed", 1);
%! [theta, layout] = bp_unroll (net);
%! for s = layout'
%!   printf ("%-5s theta(%2d:%2d)  %d-by-%d\n", s.name, s.first, s.last, s.size);
%! endfor
%! printf ("theta' = %s\n", mat2str (theta', 4));
