## -*- texinfo -*-
## @deftypefn {} {@var{s} =} bp_describe (@var{v})
## A short description of value @var{v} for error messages, such as
## "a 2-by-3 complex double array" or "a 1-by-1 struct".
## @end deftypefn

function s = bp_describe (v)
  dims = strjoin (arrayfun (@num2str, size (v), "uniformoutput", false), "-by-");
  extra = "";
  if (issparse (v))
    extra = "sparse ";
  elseif (isnumeric (v) && ! isreal (v))
    extra = "complex ";
  endif
  s = sprintf ("a %s %s%s", dims, extra, class (v));
endfunction
