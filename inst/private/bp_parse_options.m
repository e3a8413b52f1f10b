## -*- texinfo -*-
## @deftypefn {} {@var{opts} =} bp_parse_options (@var{fn}, @var{defaults}, @var{args}, @var{npos})
## Name/value options of public function @var{fn}: start from struct
## @var{defaults} and take each pair of cell @var{args} (names matched
## without regard to case).  @var{npos} is the number of positional
## arguments before the options, so errors give the argument's position in
## the call.  Raises @code{backprop:@var{fn}:...} errors for a name that is
## not a string, a name @var{defaults} lacks, or an argument left without a
## partner.  Values are checked by the caller.
## @end deftypefn

function opts = bp_parse_options (fn, defaults, args, npos)
  opts = defaults;
  known = fieldnames (defaults);
  n = numel (args);
  for i = 1:2:n
    name = args{i};
    is_name = ischar (name) && isrow (name);
    if (i == n)
      if (is_name)
        what = sprintf ("option '%s'", name);
      else
        what = bp_describe (name);
      endif
      error (["backprop:" fn ":missing_value"],
             "%s: options come in name/value pairs; argument %d (%s) has no partner",
             fn, npos + i, what);
    elseif (! is_name)
      error (["backprop:" fn ":wrong_type"],
             "%s: argument %d must be an option name (a string), got %s",
             fn, npos + i, bp_describe (name));
    endif
    k = find (strcmpi (name, known), 1);
    if (isempty (k))
      error (["backprop:" fn ":unknown_option"],
             "%s: unknown option '%s'; the options are: %s", fn, name,
             strjoin (known', ", "));
    endif
    opts.(known{k}) = args{i+1};
  endfor
endfunction
