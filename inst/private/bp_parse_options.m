## -*- texinfo -*-
## @deftypefn {} {@var{opts} =} bp_parse_options (@var{fn}, @var{defaults}, @var{args})
## Name/value options of public function @var{fn}: start from struct
## @var{defaults}, take each pair of cell @var{args} (names matched without
## regard to case), and raise @code{backprop:@var{fn}:...} errors for an odd
## count, a name that is not a string, or a name @var{defaults} lacks.
## Values are checked by the caller.
## @end deftypefn

function opts = bp_parse_options (fn, defaults, args)
  opts = defaults;
  known = fieldnames (defaults);
  if (mod (numel (args), 2) != 0)
    error (["backprop:" fn ":missing_value"],
           "%s: options come in name/value pairs; option '%s' has no value",
           fn, disp_name (args{end}));
  endif
  for i = 1:2:numel (args)
    name = args{i};
    if (! (ischar (name) && isrow (name)))
      error (["backprop:" fn ":wrong_type"],
             "%s: argument %d must be an option name (a string), got %s",
             fn, i, class (name));
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

function s = disp_name (v)
  if (ischar (v) && isrow (v))
    s = v;
  else
    s = class (v);
  endif
endfunction
