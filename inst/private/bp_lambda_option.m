## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn {} {@var{lambda} =} bp_lambda_option (@var{fn}, @var{args}, @var{npos})
## The value of option @qcode{"lambda"} among the name/value arguments
## @var{args} of @var{fn} (which come after @var{npos} positional
## arguments), 0 when it is not given; the gateway checks the value.  The
## common call, exactly @code{"lambda", value}, skips the option parser:
## bp_gradient and bp_cost run once per step of a teaching loop or an
## optimiser, where the parser's cost shows.
## @end deftypefn

function lambda = bp_lambda_option (fn, args, npos)
  if (numel (args) == 2 && ischar (args{1}) && strcmpi (args{1}, "lambda") ...
      && ! bp_is_unset (args{2}))
    lambda = args{2};
  elseif (isempty (args))
    lambda = 0;
  else
    opts = bp_parse_options (fn, struct ("lambda", 0), args, npos);
    lambda = opts.lambda;
  endif
endfunction
