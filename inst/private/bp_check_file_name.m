## -*- texinfo -*-
## @deftypefn {} {} bp_check_file_name (@var{fn}, @var{file}, @var{allow_empty})
## Check that argument @var{file} of function @var{fn} is a file name: a
## character row (or @qcode{""} when @var{allow_empty} is true) without a
## character that no file name can hold on this system, which the system
## calls would otherwise cut the name at (NUL) or refuse.  Raises
## @code{backprop:@var{fn}:wrong_type} otherwise.  Shared by
## @code{bp_load_idx} and the plots' @qcode{"file"} option.
## @end deftypefn

function bp_check_file_name (fn, file, allow_empty)
  if (! (ischar (file) && (isrow (file) || (allow_empty && isempty (file)))))
    error (["backprop:" fn ":wrong_type"], ...
           "%s: file must be a file name (a string), got %s", fn, ...
           bp_describe (file));
  endif
  ## POSIX names hold any byte but NUL; Windows names also exclude the
  ## control characters and <>"|?* (':' only after a drive letter, which
  ## is left for the system to judge).
  if (ispc ())
    bad = [0:31, double('<>"|?*')];
  else
    bad = 0;
  endif
  k = find (ismember (double (file), bad), 1);
  if (! isempty (k))
    error (["backprop:" fn ":wrong_type"], ...
           "%s: file must be a file name, got a string with char (%d) at position %d, which no file name can hold", ...
           fn, double (file(k)), k);
  endif
endfunction
