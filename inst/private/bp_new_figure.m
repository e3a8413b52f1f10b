## -*- texinfo -*-
## @deftypefn {} {@var{h} =} bp_new_figure (@var{fn}, @var{size}, @var{visible})
## A new figure of @var{size} = [width height] pixels for function
## @var{fn}: shown when @var{visible} is true, otherwise invisible.  An
## invisible figure is drawn with the gnuplot toolkit when there is no
## display (@code{bp_have_display}), set for this figure only and without
## Octave's notice that gnuplot is discouraged: the screen toolkits (qt,
## fltk) cannot draw without a display, and the notice is nine lines of
## advice that cannot be followed there.  Raises
## @code{backprop:@var{fn}:no_toolkit} when gnuplot is not installed.
## Shared by the plot functions and @code{bp_figure}.
## @end deftypefn

function h = bp_new_figure (fn, size, visible)
  pos = [100, 100, size(:)'];
  if (visible)
    h = figure ("position", pos);
    return;
  endif
  if (bp_have_display ())
    h = figure ("visible", "off", "position", pos);
    return;
  endif
  if (! any (strcmp (available_graphics_toolkits (), "gnuplot")))
    error (["backprop:" fn ":no_toolkit"], ...
           "%s: without a display figures are drawn with gnuplot, which is not available (install gnuplot)", ...
           fn);
  endif
  warning ("off", "Octave:gnuplot-graphics", "local");
  h = figure ("visible", "off", "position", pos);
  try
    graphics_toolkit (h, "gnuplot");
  catch err
    close (h);
    rethrow (err);
  end_try_catch
endfunction
