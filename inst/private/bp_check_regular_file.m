## -*- texinfo -*-
## @deftypefn {} {} bp_check_regular_file (@var{fn}, @var{file})
## Refuse, with @code{backprop:@var{fn}:not_regular}, a @var{file} that
## exists and is not a regular file (after following symbolic links): a
## folder, a named pipe, a device or a socket.  Checked by every function
## of the package before it opens a file with Octave's @code{fopen}
## (@code{bp_load_idx} reads through its gateway, which checks the same):
## opening a named pipe waits for ever for the other end, and a device
## can be read or written without end.  A file that does not exist
## passes (a file to be written is then created).
## @end deftypefn

function bp_check_regular_file (fn, file)
  [st, err] = stat (file);
  if (err == 0 && ! S_ISREG (st.mode))
    error (["backprop:" fn ":not_regular"], ...
           "%s: file must be a regular file, but '%s' is a folder, pipe or device", ...
           fn, file);
  endif
endfunction
