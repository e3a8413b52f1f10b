## -*- texinfo -*-
## @deftypefn {} {@var{opts} =} bp_collect_options (@var{fn}, @var{args}, @var{npos})
## The options a caller of public function @var{fn} gave in cell @var{args}:
## name/value pairs, or one struct of them (as @code{optimset} makes), or a
## struct followed by pairs, the pairs winning.  Returns a struct with one
## field per option, named as given; names are not checked against any
## list here (@code{bp_parse_options} does that, or the gateway).
## @var{npos} is the number of positional arguments before the options,
## so errors give the argument's position in the call.  Raises
## @code{backprop:@var{fn}:...} errors for a name that is not a string, an
## argument left without a partner, or a struct that is not scalar.
## @end deftypefn

function opts = bp_collect_options (fn, args, npos)
  opts = struct ();
  first = 1;
  if (! isempty (args) && isstruct (args{1}))
    s = args{1};
    if (! isscalar (s))
      error (["backprop:" fn ":wrong_type"], ...
             "%s: argument %d: an options struct must be scalar, got %s", ...
             fn, npos + 1, bp_describe (s));
    endif
    bad = find (cellfun (@(f) any (f == 0), fieldnames (s)), 1);
    if (! isempty (bad))
      f = fieldnames (s){bad};
      error (["backprop:" fn ":unknown_option"], ...
             "%s: unknown option '%s' (option names are words such as 'eta')", ...
             fn, strrep (f, char (0), '\0'));
    endif
    opts = s;
    first = 2;
  endif
  n = numel (args);
  for i = first:2:n
    name = args{i};
    is_name = ischar (name) && isrow (name);
    if (i == n)
      if (is_name)
        what = sprintf ("option '%s'", name);
      else
        what = bp_describe (name);
      endif
      error (["backprop:" fn ":missing_value"], ...
             "%s: options come in name/value pairs; argument %d (%s) has no partner", ...
             fn, npos + i, what);
    elseif (! is_name)
      error (["backprop:" fn ":wrong_type"], ...
             "%s: argument %d must be an option name (a string), got %s", ...
             fn, npos + i, bp_describe (name));
    elseif (! isvarname (name) || any (name == 0))
      ## (Octave 7's isvarname takes a name with a NUL after it, and so do
      ## struct field names, which C would read as the name before the
      ## NUL: such a name is unknown, its NUL shown as \0.)
      error (["backprop:" fn ":unknown_option"], ...
             "%s: unknown option '%s' (option names are words such as 'eta')", ...
             fn, strrep (name, char (0), '\0'));
    endif
    ## A pair replaces a field of the struct that differs only in case.
    old = fieldnames (opts);
    k = find (strcmpi (name, old), 1);
    if (! isempty (k))
      opts = rmfield (opts, old{k});
    endif
    opts.(name) = args{i+1};
  endfor
endfunction
