## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn {} {@var{names} =} bp_check_class_names (@var{fn}, @var{names}, @var{classes})
## The class names of @var{fn}'s option @qcode{"names"}: one non-empty
## string per class, as a row cell; when unset, the numbers of
## @var{classes} written out.  Anything else is a
## @code{backprop:@var{fn}:wrong_type} error.  One check for
## bp_confusion and bp_plot_confusion.
## @end deftypefn

function names = bp_check_class_names (fn, names, classes)
  K = numel (classes);
  if (bp_is_unset (names))
    names = arrayfun (@(k) sprintf ("%d", k), classes, "uniformoutput", false);
    return;
  endif
  if (! (iscell (names) && numel (names) == K ...
         && all (cellfun (@(s) ischar (s) && isrow (s) && ! isempty (s), names))))
    error (["backprop:" fn ":wrong_type"], ...
           "%s: names must be a cell of %d strings, one per class, got %s", ...
           fn, K, bp_describe (names));
  endif
  names = names(:)';
endfunction
