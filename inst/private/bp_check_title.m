## -*- texinfo -*-
## @deftypefn {} {} bp_check_title (@var{fn}, @var{title})
## Check that option @qcode{"title"} of plot function @var{fn} is a string
## (a character row, or empty) or not given (@code{[]}), and raise
## @code{backprop:@var{fn}:wrong_type} otherwise.  Called before anything
## is computed from the title (a default figure size, for instance).
## @end deftypefn

function bp_check_title (fn, title)
  if (! (bp_is_unset (title) ...
         || (ischar (title) && (isrow (title) || isempty (title)))))
    error (["backprop:" fn ":wrong_type"], ...
           "%s: title must be a string, got %s", fn, bp_describe (title));
  endif
endfunction
