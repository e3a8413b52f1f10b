## -*- texinfo -*-
## @deftypefn {} {[@var{W}, @var{b}] =} pure_train (@var{W}, @var{b}, @var{X}, @var{Y}, @var{eta}, @var{batch}, @var{epochs})
## The benchmark's pure-Octave reference: mini-batch SGD for a network of
## sigmoid layers with the quadratic loss C_0 = 1/2 sum_j (a_j - y_j)^2,
## batches taken in column order (no shuffling), vectorized over each
## batch as an experienced Octave user would write it (the step is inline:
## no function call per batch).  Same algorithm and arithmetic as
## bp_train with "shuffle", false.
## @end deftypefn

function [W, b] = pure_train (W, b, X, Y, eta, batch, epochs)
  L = numel (W);
  N = columns (X);
  a = cell (1, L + 1);
  for e = 1:epochs
    for first = 1:batch:N
      cols = first:min (first + batch - 1, N);
      m = numel (cols);
      a{1} = X(:,cols);
      for l = 1:L
        a{l+1} = 1 ./ (1 + exp (-(W{l} * a{l} + b{l})));
      endfor
      delta = (a{L+1} - Y(:,cols)) .* a{L+1} .* (1 - a{L+1});
      for l = L:-1:1
        grad_W = delta * a{l}';
        grad_b = sum (delta, 2);
        if (l > 1)
          delta = (W{l}' * delta) .* a{l} .* (1 - a{l});   # old W{l}
        endif
        W{l} -= (eta / m) * grad_W;
        b{l} -= (eta / m) * grad_b;
      endfor
    endfor
  endfor
endfunction
