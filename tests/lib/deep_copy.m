## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## C = deep_copy (V)
## A copy of V sharing no array data with it.  "c = v" is not enough:
## Octave copies lazily, so a gateway writing into an input would change
## v and c alike and a comparison of the two would see nothing.

function c = deep_copy (v)
  if (iscell (v))
    c = cellfun (@deep_copy, v, "uniformoutput", false);
  elseif (isstruct (v))
    c = v;
    f = fieldnames (v);
    for i = 1:numel (v)
      for k = 1:numel (f)
        c(i).(f{k}) = deep_copy (v(i).(f{k}));
      endfor
    endfor
  elseif ((isnumeric (v) || islogical (v) || ischar (v)) && ! isempty (v))
    c = v;
    c(1) = c(1);   # writing an element makes the data c's own
  else
    c = v;         # empty arrays, function handles: nothing to write to
  endif
endfunction
