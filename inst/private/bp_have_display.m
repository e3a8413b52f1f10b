## -*- texinfo -*-
## @deftypefn {} {@var{tf} =} bp_have_display ()
## Whether a figure could be shown on a screen.  @code{have_window_system}
## is fixed when Octave starts; an empty DISPLAY on X11 systems also means
## no screen, which lets a script run headless on purpose.  Shared by the
## bp_plot_* functions, which draw invisible figures with gnuplot when
## this is false.
## @end deftypefn

function tf = bp_have_display ()
  tf = isguirunning () || (have_window_system () ...
                           && (ispc () || ismac () || ! isempty (getenv ("DISPLAY"))));
endfunction
