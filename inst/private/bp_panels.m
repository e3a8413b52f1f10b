## -*- texinfo -*-
## @deftypefn {} {@var{ax} =} bp_panels (@var{fig}, @var{rows}, @var{cols})
## @var{rows}-by-@var{cols} axes in figure @var{fig}, row by row from the
## top left (@code{@var{ax}(2)} is right of @code{@var{ax}(1)}), each in
## an equal share of the figure: its @qcode{"outerposition"}, so that
## Octave leaves room for its labels and title inside that share.
##
## Octave 7's @code{subplot} places its axes by the current figure and
## makes one (a visible one, which gnuplot then draws on the terminal)
## when there is none, whatever @qcode{"parent"} says; the plots and
## @code{bp_figure} never change the current figure, so they lay out
## their panels here.
## @end deftypefn

function ax = bp_panels (fig, rows, cols)
  ax = zeros (1, rows * cols);
  for k = 1:rows * cols
    r = ceil (k / cols);
    c = k - (r - 1) * cols;
    ax(k) = axes ("parent", fig, "outerposition", ...
                  [(c - 1) / cols, (rows - r) / rows, 1 / cols, 1 / rows]);
  endfor
endfunction
