## -*- texinfo -*-
## @deftypefn {} {@var{opts} =} bp_parse_options (@var{fn}, @var{defaults}, @var{args}, @var{npos})
## Name/value options of public function @var{fn}: start from struct
## @var{defaults} and take what the caller gave in cell @var{args}, as
## pairs, one struct, or a struct then pairs (@code{bp_collect_options}),
## names matched without regard to case.  @var{npos} is the number of
## positional arguments before the options, so errors give the argument's
## position in the call.  Raises @code{backprop:@var{fn}:unknown_option}
## for a name @var{defaults} lacks.  Values are checked by the caller.
## @end deftypefn

function opts = bp_parse_options (fn, defaults, args, npos)
  opts = defaults;
  known = fieldnames (defaults);
  given = bp_collect_options (fn, args, npos);
  names = fieldnames (given);
  for i = 1:numel (names)
    k = find (strcmpi (names{i}, known), 1);
    if (isempty (k))
      error (["backprop:" fn ":unknown_option"], ...
             "%s: unknown option '%s'; the options are: %s", fn, names{i}, ...
             strjoin (known', ", "));
    endif
    opts.(known{k}) = given.(names{i});
  endfor
endfunction
