## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later
##
## Bad-input tests of bp_init (sizes, name, value, ...): every bad value of
## the sizes and of each option must raise backprop:bp_init:<reason> with
## a message "bp_init: ..." naming the argument or option, leave the
## caller's variables and the state of rand and randn as they were, and
## never crash Octave, not even for absurd sizes (doc/robustness.md).

## The helpers these tests share with the other bad-input files (try_bad,
## report, check_error, the bad_* catalogues, ...) are function files in
## tests/lib, which run_tests.m puts on the path.

## ---------------------------------------------------------------------
## Helpers of this file's tests only.

%!function p = try_options (bad)
%!  ## Each row of BAD is {options, description, reasons, names}: call
%!  ## bp_init ([2 3 2], options{:}) and check that it fails as it should.
%!  p = {};
%!  for i = 1:rows (bad)
%!    p{end+1} = check_error ("bp_init", [{[2 3 2]}, bad{i,1}], 1, bad{i,3}, ...
%!                            bad{i,4}, bad{i,2});
%!  endfor

%!function bad = option_values (option, values)
%!  ## Turn catalogue rows {value, description, reasons, names} for one
%!  ## option into rows {{option, value}, description, reasons, names}.
%!  bad = values;
%!  for i = 1:rows (bad)
%!    bad{i,1} = {option, values{i,1}};
%!    bad{i,2} = sprintf ("option '%s' = %s", option, values{i,2});
%!  endfor

## ---------------------------------------------------------------------
## The tests.  The valid call is bp_init ([2 3 2]) with any options.

%!test
%! ## sizes: not a real double vector of at least two positive whole numbers.
%! T = {"wrong_type"};  R = {"out_of_range"};  F = {"out_of_range", "not_finite"};
%! bad = {2,                  "a single width",                 T
%!        [],                 "[]",                             T
%!        zeros(1, 0),        "zeros(1,0)",                     T
%!        zeros(0, 3),        "zeros(0,3)",                     T
%!        [2 0 2],            "a zero width",                   R
%!        [0 3],              "a zero input width",             R
%!        [2 -3 2],           "a negative width",               R
%!        [2 3 -1],           "a negative output width",        R
%!        [2 1.5 2],          "a fractional width",             R
%!        [2 3 1e-300],       "a tiny positive width",          R
%!        [2 NaN 2],          "a NaN width",                    F
%!        [Inf 2],            "an Inf width",                   F
%!        [2 -Inf],           "a -Inf width",                   F
%!        "23",               "a string",                       T
%!        {2, 3},             "a cell",                         T
%!        struct("n", [2 3]), "a struct",                       T
%!        @sin,               "a function handle",              T
%!        int8([2 3]),        "int8",                           T
%!        int32([2 3]),       "int32",                          T
%!        uint8([2 3]),       "uint8",                          T
%!        [true true],        "logical",                        T
%!        single([2 3]),      "single",                         T
%!        [2 3] + 1i,         "complex",                        T
%!        complex([2 3], 0),  "complex with zero imaginary part", T
%!        sparse([2 3]),      "sparse",                         T
%!        ones(2, 2, 2),      "ones(2,2,2)",                    T
%!        [2 3; 4 5],         "a 2-by-2 matrix",                T
%!        reshape([2 3 2], 1, 1, 3), "a 1-by-1-by-3 array",     T};
%! bad(:,4) = {{"sizes"}};
%! report (try_bad ("bp_init", {[2 3 2]}, 1, bad, 1));

%!test
%! ## A NaN, Inf, -Inf, 0, -1 or 0.5 at every position of sizes is found.
%! bad = bad_elements ([2 3 2], "sizes", [NaN Inf -Inf 0 -1 0.5], ...
%!                     {"out_of_range", "not_finite"});
%! report (try_bad ("bp_init", {[2 3 2]}, 1, bad, 1));

%!test
%! ## Absurd sizes: the weights cannot be allocated.  An out_of_memory
%! ## error naming the layer, never an abort, whatever the initialisation.
%! O = {"out_of_memory"};
%! p = {};
%! for c = {
%!     [1e12 784],       "layer 1"
%!     [784 1e12],       "layer 1"
%!     [2 1e12 2],       "layer 1"
%!     [2 3 1e15],       "layer 2"
%!     [1e12 1e12],      "layer 1"
%!     [1e300 1],        "layer 1"
%!     [1 1e300],        "layer 1"
%!     }'
%!   for init = {"scaled-normal", "normal", "xavier", "he", "uniform", "zeros"}
%!     for seed = {{}, {"seed", 1}}
%!       args = [{c{1}, "init", init{1}}, seed{1}];
%!       p{end+1} = check_error ("bp_init", args, 1, O, c(2), ...
%!                               sprintf ("sizes %s, init '%s'%s", ...
%!                                        mat2str (c{1}), init{1}, ...
%!                                        repmat (", seed 1", 1, ! isempty (seed{1}))));
%!     endfor
%!   endfor
%! endfor
%! report (p);

%!test
%! ## Sizes that pass for numbers but whose weights do not fit in the
%! ## memory left (3.2 GB under a 2 GB address-space limit): also
%! ## out_of_memory, and Octave survives.
%! report ({check_limited("bp_init", "n = bp_init ([20000 20000])", 2e6, ...
%!                        "sizes [20000 20000], 2 GB limit")
%!          check_limited("bp_init", "n = bp_init ([20000 20000], 'init', 'zeros', 'seed', 1)", ...
%!                        2e6, "sizes [20000 20000], zeros, seed, 2 GB limit")});

%!test
%! ## Option names: unknown ones, and options without a value.
%! U = {"unknown_option"};  M = {"missing_value"};
%! report (try_options ({
%!   {"learning_rate", 1},       "option 'learning_rate'",            U, {"learning_rate"}
%!   {"activ", "relu"},          "option 'activ' (a prefix)",         U, {"activ"}
%!   {"lambda", 1},              "option 'lambda'",                   U, {"lambda"}
%!   {"loss"},                   "'loss' without a value",            M, {"loss"}
%!   {"loss", "sse", "seed"},    "'seed' without a value",            M, {"seed"}
%!   {"init", "zeros", "init"},  "a second 'init' without a value",   M, {"init"}
%! }));

%!test
%! ## An option name that is no string: the message must say which
%! ## argument of the call it is, not its place among the options.
%! T = {"wrong_type"};  M = {"missing_value"};
%! report (try_options ({
%!   {5, 1},                      "argument 2 = 5",                   T, {"argument 2"}
%!   {{"loss"}, "sse"},           "argument 2 = {'loss'}",            T, {"argument 2"}
%!   {["loss"; "init"], "sse"},   "argument 2 = a 2-row char matrix", T, {"argument 2"}
%!   {"", 1},                     "argument 2 = ''",          [T {"unknown_option"}], {"argument 2", "''"}
%!   {"loss", "sse", 5, 1},       "argument 4 = 5",                   T, {"argument 4"}
%!   {5},                         "a lone argument 2 = 5",            M, {"argument 2"}
%! }));

%!test
%! ## activation: unknown names, no names, a cell of the wrong length.
%! T = {"wrong_type"};  U = {"unknown_activation"};
%! A = {"activation"};  A1 = {"activation{1}"};  A2 = {"activation{2}"};
%! bad = [bad_name("activation", "unknown_activation")
%!        {"quadratic",                 "a loss name",                U, A
%!         ["relu" char(0) "x"],        "'relu', a NUL and 'x'",      U, A
%!         {},                          "{}",                         T, A
%!         {"relu"},                    "a cell of 1 name for 2 layers",  T, A
%!         {"relu", "relu", "relu"},    "a cell of 3 names for 2 layers", T, A
%!         {"relu", "swish"},           "{'relu', 'swish'}",          U, A2
%!         {"swish", "relu"},           "{'swish', 'relu'}",          U, A1
%!         {"relu", 5},                 "{'relu', 5}",                T, A2
%!         {[], "relu"},                "{[], 'relu'}",               T, A1
%!         {"relu", {"tanh"}},          "{'relu', {'tanh'}}",         T, A2
%!         {"relu", ("tanh")'},         "{'relu', a char column}",    T, A2
%!         {"relu", ""},                "{'relu', ''}",               [T U], A2}];
%! report (try_options (option_values ("activation", bad)));

%!test
%! ## loss: unknown names and no names.
%! bad = [bad_name("loss", "unknown_loss")
%!        {"sigmoid",            "an activation name",     {"unknown_loss"}, {"loss"}
%!         ["sse" char(0) "x"],  "'sse', a NUL and 'x'",   {"unknown_loss"}, {"loss"}}];
%! report (try_options (option_values ("loss", bad)));

%!test
%! ## A loss the output activation cannot take: cross-entropy needs a
%! ## sigmoid output layer, log-likelihood a softmax one.
%! C = {"incompatible_loss"};  N = {"loss"};
%! report (try_options ({
%!   {"loss", "log-likelihood"},                              "log-likelihood, sigmoid output", C, N
%!   {"activation", "relu", "loss", "cross-entropy"},         "cross-entropy, relu output",     C, N
%!   {"activation", "softmax", "loss", "cross-entropy"},      "cross-entropy, softmax output",  C, N
%!   {"activation", "tanh", "loss", "log-likelihood"},        "log-likelihood, tanh output",    C, N
%!   {"activation", {"softmax", "sigmoid"}, "loss", "log-likelihood"}, "log-likelihood, softmax hidden, sigmoid output", C, N
%!   {"activation", {"sigmoid", "relu"}, "loss", "cross-entropy"},     "cross-entropy, sigmoid hidden, relu output",     C, N
%! }));

%!test
%! ## init: unknown names and no names.
%! bad = bad_name ("init", "unknown_init");
%! bad(end+1,:) = {"ones", "'ones'", {"unknown_init"}, {"init"}};
%! report (try_options (option_values ("init", bad)));

%!test
%! ## epsilon: negative, non-finite, not a real double scalar, with the
%! ## uniform initialisation that uses it and with the default one.
%! bad = option_values ("epsilon", bad_scalar ("epsilon"));
%! p = try_options (bad);
%! bad(:,1) = cellfun (@(o) [o, {"init", "uniform"}], bad(:,1), "uniformoutput", false);
%! report ([p, try_options(bad)]);

%!test
%! ## seed: negative, fractional, too large, non-finite, not a real double
%! ## scalar.  (An empty seed means "no seed", like the default.)
%! bad = bad_scalar ("seed");
%! empty = cellfun (@isempty, bad(:,1));   # see the next test
%! bad(empty,:) = [];
%! R = {"out_of_range"};  N = {"seed"};
%! bad = [bad
%!        {0.5,          "0.5",          R, N
%!         1 + eps,      "1 + eps",      R, N
%!         2^32,         "2^32",         R, N
%!         1e300,        "1e300",        R, N}];
%! report (try_options (option_values ("seed", bad)));

%!test
%! ## [] is the default "no seed", but other empty values are no seed at
%! ## all: they must be refused, not taken for "no seed".
%! T = {"wrong_type"};  N = {"seed"};
%! bad = {{},                 "{}",                        T, N
%!        "",                 "the empty string",          T, N
%!        cell(0, 1),         "cell(0,1)",                 T, N
%!        struct([]),         "a 0-by-0 struct array",     T, N
%!        containers.Map(),   "an empty containers.Map",   T, N
%!        int32([]),          "int32([])",                 T, N
%!        false(0, 0),        "an empty logical",          T, N};
%! report (try_options (option_values ("seed", bad)));

%!test
%! ## No failed call moves the global random generators, not even one
%! ## that fails while drawing with a seed.
%! s = {rand("state"), randn("state")};
%! calls = {{[2 3 2], "seed", -1}, {[2 3 2], "loss", "hinge", "seed", 3}, ...
%!          {[1e12 784], "seed", 3}, {[2 1e12 2], "init", "uniform", "seed", 3}, ...
%!          {[784 1e12]}, {[2 3 2], "activation", "swish"}};
%! for i = 1:numel (calls)
%!   try
%!     bp_init (calls{i}{:});
%!   end_try_catch
%!   assert (isequal ({rand("state"), randn("state")}, s), ...
%!           "bad call %d moved the random generators", i);
%! endfor

%!test
%! ## Wrong numbers of input and output arguments.
%! I = {"nargin"};  O = {"nargout"};
%! report ({
%!   check_error("bp_init", {}, 1, I, {"sizes"}, "no arguments")
%!   check_error("bp_init", {[2 3 2]}, 2, O, {"output"}, "two outputs")
%!   check_error("bp_init", {[2 3 2], "seed", 1}, 3, O, {"output"}, "three outputs")
%! }');
