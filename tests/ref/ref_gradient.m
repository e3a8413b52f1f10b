## -*- texinfo -*-
## @deftypefn  {} {[@var{dW}, @var{db}, @var{delta}, @var{C}] =} ref_gradient (@var{net}, @var{x}, @var{y})
## @deftypefnx {} {[@dots{}] =} ref_gradient (@var{net}, @var{x}, @var{y}, @var{lambda})
## Test oracle for @code{bp_gradient}: backpropagation written out one
## sample at a time in plain Octave, then averaged over the samples.
##
## For sample c (column c of @var{x} and @var{y}) and each layer l the error
## delta^(l) = dC_0/dz^(l) is obtained from the chain rule through the
## Jacobian of a^(l) with respect to z^(l):
##
## @example
## delta^(L) = J^(L)' * dC_0/da^(L)
## delta^(l) = J^(l)' * (W@{l+1@}' * delta^(l+1))      l = L-1 .. 1
## @end example
##
## where J is diag (g'(z)) for an elementwise activation and the full
## softmax Jacobian diag (a) - a * a' for a softmax layer.  No fused
## shortcut (a - y) is used.  Then dC_0/dW@{l@} = delta^(l) * a^(l-1)' and
## dC_0/db@{l@} = delta^(l); @var{dW} and @var{db} are their means over the
## m samples.  @var{delta} holds the per-sample errors (n_l-by-m), @var{C}
## the mean loss (loss name in @code{net.loss}).  With @var{lambda},
## (lambda/m) W@{l@} is added to @var{dW}@{l@} and
## (lambda/(2m)) sum of squared weights to @var{C}; biases are not decayed.
## @end deftypefn

function [dW, db, delta, C] = ref_gradient (net, x, y, lambda)
  if (nargin < 4)
    lambda = 0;
  endif
  L = numel (net.W);
  m = columns (x);

  dW = cell (1, L);
  db = cell (1, L);
  delta = cell (1, L);
  for l = 1:L
    dW{l} = zeros (size (net.W{l}));
    db{l} = zeros (size (net.b{l}));
    delta{l} = zeros (rows (net.W{l}), m);
  endfor
  C = 0;

  for c = 1:m
    xc = x(:,c);
    yc = y(:,c);
    [aL, a, z] = ref_forward (net, xc);
    [C0, dC_da] = ref_loss (aL, yc, net.loss);
    C += C0;

    ## Output layer, then backwards through the hidden layers.
    d = jacobian (a{L}, z{L}, net.g{L})' * dC_da;
    delta{L}(:,c) = d;
    for l = L-1:-1:1
      dC_dal = net.W{l+1}' * d;      # sum over the nodes of layer l+1
      d = jacobian (a{l}, z{l}, net.g{l})' * dC_dal;
      delta{l}(:,c) = d;
    endfor

    ## This sample's contribution to every weight and bias.
    for l = 1:L
      if (l == 1)
        a_prev = xc;
      else
        a_prev = a{l-1};
      endif
      dW{l} += delta{l}(:,c) * a_prev';
      db{l} += delta{l}(:,c);
    endfor
  endfor

  C /= m;
  for l = 1:L
    dW{l} /= m;
    db{l} /= m;
    if (lambda != 0)
      dW{l} += (lambda / m) * net.W{l};
      C += (lambda / (2 * m)) * sum (net.W{l}(:) .^ 2);
    endif
  endfor
endfunction

## da/dz for one sample (column vectors a, z of one layer).
function J = jacobian (a, z, name)
  if (strcmp (name, "softmax"))
    J = diag (a) - a * a';
  else
    [~, g_prime] = ref_activation (z, name);
    J = diag (g_prime);
  endif
endfunction
