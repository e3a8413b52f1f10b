## -*- texinfo -*-
## @deftypefn {} {} bp_restore_current (@var{previous})
## Make @var{previous} the current figure again, or none when it is empty
## or has been closed since: the caller's current figure, which creating
## a figure (and Octave's newplot) changes.
## @end deftypefn

function bp_restore_current (previous)
  if (isempty (previous) || ! isfigure (previous))
    set (0, "currentfigure", []);
  else
    set (0, "currentfigure", previous);
  endif
endfunction
