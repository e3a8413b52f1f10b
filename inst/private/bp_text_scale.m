## -*- texinfo -*-
## @deftypefn {} {@var{k} =} bp_text_scale (@var{fig})
## How much larger text is drawn in figure @var{fig} than Octave measures
## it (the @qcode{"extent"} of a text object): 4/3 with the gnuplot
## toolkit, whose cairo terminals draw fonts at 96 dots per inch where
## Octave measures at 72 (checked against the pixels of a PNG in
## @file{tests/test_plot_text.m}), and 1 with the toolkits that draw
## with Octave's own renderer.  The plots that size boxes from text
## extents (@code{bp_plot_network}, @code{bp_plot_confusion}) use it.
## @end deftypefn

function k = bp_text_scale (fig)
  k = 1;
  if (strcmp (get (fig, "__graphics_toolkit__"), "gnuplot"))
    k = 4 / 3;
  endif
endfunction
