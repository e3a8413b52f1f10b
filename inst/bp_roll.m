## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn {} {@var{net} =} bp_roll (@var{theta}, @var{net})
## Put a parameter vector back into a network: the inverse of
## @code{bp_unroll}.
##
## @var{theta} is a column of every weight and bias in the order of
## @code{bp_unroll},
##
## @example
## theta = [W@{1@}(:); b@{1@}; W@{2@}(:); b@{2@}; @dots{}]
## @end example
##
## and @var{net} the network it belongs to, which gives the shapes.  The
## result is @var{net} with @code{W@{l@}} and @code{b@{l@}} taken from
## @var{theta}; everything else (sizes, activations, loss, your own
## fields, the orientation of the cells) is kept.  A round trip is exact:
## @code{bp_unroll (bp_roll (theta, net))} is @var{theta}, and
## @code{bp_roll (bp_unroll (net), net)} is @var{net}.
##
## Use it to turn what an optimiser returns into a network, and to see a
## gradient column in the shape of the network:
##
## @example
## [J, grad] = bp_cost (theta, net, X, Y);
## g = bp_roll (grad, net);             # g.W@{l@}, g.b@{l@} are dC/dW@{l@}, dC/db@{l@}
## @end example
##
## @var{theta} must be a real double column of exactly as many values as
## @var{net} has parameters (@code{numel (bp_unroll (net))}), all finite;
## anything else is an error that states the expected length
## (@code{backprop:bp_roll:wrong_type}, @code{wrong_size},
## @code{not_finite}).  A row is refused rather than turned, as every
## array of the package is: an optimiser that returns a row was given
## one.
##
## @seealso{bp_unroll, bp_cost}
## @end deftypefn

function [net, varargout] = bp_roll (theta, net, varargin)
  fn = "bp_roll";
  bp_check_counts (fn, nargin, nargout, 2, 1, "(theta, net)");
  ## The network first: it says how long theta must be.
  bp_check_net (fn, net);
  layout = bp_layout (net);
  check_theta (fn, theta, layout);
  for s = layout'
    net.(s.name(1)){s.layer} = reshape (theta(s.first:s.last), s.size);
  endfor
endfunction

## The gateway __bp_cost__'s rule for theta, in its words: a real, full
## double column of P values, every one finite.
function check_theta (fn, theta, layout)
  P = layout(end).last;
  what = sprintf (["theta must be a real double column of %d values " ...
                   "(every weight and bias of net, in the order of " ...
                   "bp_unroll), got %s"], P, bp_describe (theta));
  if (! (isa (theta, "double") && isreal (theta) && ! issparse (theta)))
    error ("backprop:bp_roll:wrong_type", "%s: %s", fn, what);
  elseif (! (ndims (theta) == 2 && columns (theta) == 1 && rows (theta) == P))
    error ("backprop:bp_roll:wrong_size", "%s: %s", fn, what);
  endif
  e = find (! isfinite (theta), 1);
  if (! isempty (e))
    s = layout(find ([layout.last] >= e, 1));
    [j, k] = ind2sub (s.size, e - s.first + 1);
    if (s.name(1) == "W")
      where = sprintf ("net.W{%d}(%d,%d)", s.layer, j, k);
    else
      where = sprintf ("net.b{%d}(%d)", s.layer, j);
    endif
    error ("backprop:bp_roll:not_finite", ...
           "%s: theta must be finite, but theta(%d,1) is %s (it would be %s)", ...
           fn, e, num2str (theta(e)), where);
  endif
endfunction

%!shared net, theta
%! net = bp_init ([3 4 2], "activation", {"tanh", "softmax"}, ...
%!                "loss", "log-likelihood", "seed", 2);
%! theta = (1:26)' / 7;

%!test
%! ## Each array from its place in theta, the rest of net kept.
%! r = bp_roll (theta, net);
%! assert (r.W{1}, reshape (theta(1:12), 4, 3));
%! assert (r.b{1}, theta(13:16));
%! assert (r.W{2}, reshape (theta(17:24), 2, 4));
%! assert (r.b{2}, theta(25:26));
%! assert ({r.sizes, r.g, r.loss}, {net.sizes, net.g, net.loss});

%!test
%! ## Round trips are exact, bit for bit.
%! assert (bp_unroll (bp_roll (theta, net)), theta);
%! assert (isequal (bp_roll (bp_unroll (net), net), net));
%! t = randn (26, 1) * 1e300;
%! assert (isequal (bp_unroll (bp_roll (t, net)), t));

%!test
%! ## Extra fields and column cells survive.
%! c = net;
%! c.W = c.W(:);  c.b = c.b(:);  c.note = "mine";
%! r = bp_roll (theta, c);
%! assert (size (r.W), [2 1]);
%! assert (r.note, "mine");
%! assert (bp_unroll (r), theta);

%!error <theta must be a real double column of 26 values> bp_roll (theta(1:25), net)
%!error <theta must be a real double column of 26 values> bp_roll (theta', net)
%!error <theta must be a real double column of 26 values> bp_roll (single (theta), net)
%!error <theta\(14,1\) is NaN \(it would be net.b\{1\}\(2\)\)> bp_roll ([theta(1:13); NaN; theta(15:end)], net)
%!error <theta\(6,1\) is -Inf \(it would be net.W\{1\}\(2,2\)\)> bp_roll ([theta(1:5); -Inf; theta(7:end)], net)
%!error id=backprop:bp_roll:wrong_size bp_roll ([theta; 1], net)
%!error id=backprop:bp_roll:wrong_type bp_roll (complex (theta), net)
%!error id=backprop:bp_roll:invalid_net bp_roll (theta, rmfield (net, "b"))
%!error id=backprop:bp_roll:nargin bp_roll (theta)
%!error id=backprop:bp_roll:nargout [a, b] = bp_roll (theta, net)

%!demo
%! ## A gradient column in the shape of the network.
%! net = bp_init ([2 3 1], "seed", 1);
%! X = [0 0 1 1; 0 1 0 1];  Y = [0 1 1 0];
%! [J, grad] = bp_cost (bp_unroll (net), net, X, Y);
%! g = bp_roll (grad, net);
%! printf ("C = %.6f\ndC/dW{2} = %s\n", J, mat2str (g.W{2}, 4));
%! [dW, db] = bp_gradient (net, X, Y);
%! printf ("bp_gradient's dW{2} = %s\n", mat2str (dW{2}, 4));
