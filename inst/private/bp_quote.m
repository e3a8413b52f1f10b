## -*- texinfo -*-
## @deftypefn {} {@var{s} =} bp_quote (@var{v})
## Value @var{v} for an error message about a name: a string quoted as
## it was given (@qcode{"'semilog'"}), anything else described as
## @code{bp_describe} does (@qcode{"a 1-by-2 cell"}).
## @end deftypefn

function s = bp_quote (v)
  if (ischar (v) && isrow (v))
    s = sprintf ("'%s'", v);
  else
    s = bp_describe (v);
  endif
endfunction
