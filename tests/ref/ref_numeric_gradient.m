## -*- texinfo -*-
## @deftypefn  {} {[@var{dW}, @var{db}] =} ref_numeric_gradient (@var{net}, @var{x}, @var{y})
## @deftypefnx {} {[@var{dW}, @var{db}] =} ref_numeric_gradient (@var{net}, @var{x}, @var{y}, @var{h}, @var{lambda})
## Test oracle for @code{bp_gradient} that does not use backpropagation at
## all: central differences (C(p + h) - C(p - h)) / (2 h) of the mean loss
## with respect to every weight and bias p, one at a time.
##
## The loss is evaluated with @code{ref_forward} and @code{ref_loss} (loss
## name in @code{net.loss}), plus (lambda/(2m)) sum of squared weights when
## @var{lambda} is given.  Default step @var{h} = 1e-6.  The truncation
## error is O(h^2) and the rounding error O(eps |C| / h), both near 1e-10
## for h = 1e-6 and losses of order one.
## @end deftypefn

function [dW, db] = ref_numeric_gradient (net, x, y, h, lambda)
  if (nargin < 4)
    h = 1e-6;
  endif
  if (nargin < 5)
    lambda = 0;
  endif
  L = numel (net.W);
  dW = cell (1, L);
  db = cell (1, L);
  for l = 1:L
    dW{l} = zeros (size (net.W{l}));
    for e = 1:numel (net.W{l})
      up = net;
      up.W{l}(e) += h;
      down = net;
      down.W{l}(e) -= h;
      dW{l}(e) = (mean_loss (up, x, y, lambda) ...
                  - mean_loss (down, x, y, lambda)) / (2 * h);
    endfor
    db{l} = zeros (size (net.b{l}));
    for e = 1:numel (net.b{l})
      up = net;
      up.b{l}(e) += h;
      down = net;
      down.b{l}(e) -= h;
      db{l}(e) = (mean_loss (up, x, y, lambda) ...
                  - mean_loss (down, x, y, lambda)) / (2 * h);
    endfor
  endfor
endfunction

function C = mean_loss (net, x, y, lambda)
  C = ref_loss (ref_forward (net, x), y, net.loss);
  if (lambda != 0)
    m = columns (x);
    for l = 1:numel (net.W)
      C += (lambda / (2 * m)) * sum (net.W{l}(:) .^ 2);
    endfor
  endif
endfunction
