## -*- texinfo -*-
## @deftypefn {} {@var{C} =} pure_loss (@var{W}, @var{b}, @var{X}, @var{Y})
## Mean quadratic loss of a sigmoid network on all columns of @var{X}: the
## one evaluation both sides of the benchmark are judged by.
## @end deftypefn

function C = pure_loss (W, b, X, Y)
  a = X;
  for l = 1:numel (W)
    a = 1 ./ (1 + exp (-(W{l} * a + b{l})));
  endfor
  C = mean (sum ((a - Y) .^ 2, 1)) / 2;
endfunction
