## -*- texinfo -*-
## @deftypefn {} {@var{h} =} bp_draw_in_figure (@var{fn}, @var{o}, @var{draw})
## The figure handling of every bp_plot_* function @var{fn}: open a new
## figure of size @var{o}.size, call @var{draw} (a function of the figure
## handle) to draw in it, write @var{o}.file as a PNG when it is not
## empty, and decide what stays open, as their help texts describe.
##
## @itemize
## @item The figure is visible when @var{o}.visible is true.  An invisible
## one never becomes the current figure, and without a display
## (@code{bp_have_display}) it is drawn with the gnuplot toolkit, set for
## this figure only, since the screen toolkits need a display.
## @item An invisible figure is closed once @var{o}.file is written, and
## @var{h} is then empty; without a file it stays open for the caller.
## @item If anything fails the figure is closed again, so that no
## half-drawn invisible figure is left behind, and the error is raised
## again; a font that cannot be loaded is reported as
## @code{backprop:@var{fn}:no_font}, with what to install.
## @end itemize
##
## @var{o} holds the options checked by @code{bp_check_figure_options}.
## One copy, so that the plot functions handle figures alike.
## @end deftypefn

function h = bp_draw_in_figure (fn, o, draw)
  previous = get (0, "currentfigure");
  h = new_figure (fn, o);
  try
    draw (h);
    if (! isempty (o.file))
      write_png (fn, h, o.file);
    endif
  catch err
    close_figure (h, previous);
    if (! isempty (regexp (err.message, "ft_text_renderer|unable to load font",
                           "once")))
      error (["backprop:" fn ":no_font"],
             "%s: Octave cannot load its default font, so it cannot draw any figure (%s); install the FreeFont fonts (Debian and Ubuntu: fonts-freefont-otf), or start Octave with OCTAVE_FONTS_DIR naming a folder that holds FreeSans.otf",
             fn, err.message);
    endif
    rethrow (err);
  end_try_catch
  if (! o.visible)
    if (! isempty (o.file))
      close_figure (h, previous);
      h = [];
    else
      restore_current (previous);
    endif
  endif
endfunction

function h = new_figure (fn, o)
  pos = [100, 100, o.size(:)'];
  if (o.visible)
    h = figure ("position", pos);
    return;
  endif
  if (bp_have_display ())
    h = figure ("visible", "off", "position", pos);
    return;
  endif
  ## The screen toolkits (qt, fltk) need a display; gnuplot can write
  ## files without one.  Set for this figure only, not as the default,
  ## and without gnuplot's advice to prefer qt, which cannot run here.
  if (! any (strcmp (available_graphics_toolkits (), "gnuplot")))
    error (["backprop:" fn ":no_toolkit"],
           "%s: without a display figures are drawn with gnuplot, which is not available (install gnuplot)",
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

## gnuplot has its own cairo PNG terminal; the OpenGL toolkits print
## "-dpng".  An older file of that name is removed first, so that the
## check afterwards cannot mistake it for the new one.
##
## Neither device uses Ghostscript (gnuplot's terminal writes the PNG
## itself; the OpenGL toolkits render the frame and write it with
## imwrite), but print warns once per session, with the id "print:nogs",
## whenever gs is missing, whatever the device.  That warning is off
## while printing here only ("local" restores its state on return).
function write_png (fn, h, file)
  if (strcmp (get (h, "__graphics_toolkit__"), "gnuplot"))
    device = "-dpngcairo";
  else
    device = "-dpng";
  endif
  if (isfile (file))
    unlink (file);
  endif
  warning ("off", "print:nogs", "local");
  print (h, file, device);
  if (! isfile (file))
    error (["backprop:" fn ":not_written"],
           "%s: printing the figure did not write '%s'", fn, file);
  endif
endfunction

function close_figure (h, previous)
  if (isfigure (h))
    close (h);
  endif
  restore_current (previous);
endfunction

function restore_current (previous)
  if (isempty (previous) || ! isfigure (previous))
    set (0, "currentfigure", []);
  else
    set (0, "currentfigure", previous);
  endif
endfunction
