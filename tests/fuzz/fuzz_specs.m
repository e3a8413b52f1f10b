## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn {} {@var{specs} =} fuzz_specs (@var{fix})
## What the fuzz suite knows about each public function: a struct array
## with one element per function and the fields
##
## @table @code
## @item fn, minin, maxout, has_options
## the name, the fewest inputs it takes, the most outputs, and whether
## name/value options follow the positional arguments;
## @item octave_outputs
## true for a class constructor: Octave 7 refuses one output too many
## itself, before the constructor runs (which always sees nargout = 1),
## so that call must fail but may fail with Octave's own error;
## @item pos, opts
## rows @{name, kind, valid, pred@}: each positional argument and each
## option, with the expression of a valid value, the kind of value
## (which near misses fuzz_hostile derives from it) and a predicate:
## @code{pred (v)} says whether the call with @var{v} in that position
## (everything else valid) must succeed, @qcode{"ok"}, must fail,
## @qcode{"error"}, or may do either, @qcode{"any"}.  The predicates
## follow doc/design-decisions.md and each function's help, not its
## code;
## @item extra
## rows @{slot, expression, label, expect@}: more values for one position
## (the fixtures of bp_load_idx, the broken networks), with their
## expected outcome written out;
## @item specials
## rows @{label, @{argument expressions@}, nout, expect, slow@}: whole calls
## that no single replacement makes (absurd sizes, option clashes).
## Slow ones are left out of samples.
## @end table
##
## @var{fix} is the struct of fixtures from fuzz_fixtures (files for
## bp_load_idx, a folder for the plots' PNG files).
## @end deftypefn

function specs = fuzz_specs (fix)
  ## The valid network, 2-3-1 with sigmoid layers.  No space before "(":
  ## inside [] or {} (as in "[N, N]") "f (x)" would be two elements.
  N = "bp_init([2 3 1], \"seed\", 1)";
  nets = fuzz_nets (N);
  net_extra = [repmat({"net"}, rows (nets), 1), nets];
  specs = [spec_init(), spec_forward(N, net_extra), spec_predict(N, net_extra), ...
           spec_loss(), spec_activation(), spec_gradient(N, net_extra), ...
           spec_sgd_step(N, net_extra), spec_train(N, net_extra), ...
           spec_load_idx(fix), spec_dataset(), ...
           spec_plot_network(N, net_extra, fix), spec_plot_history(fix), ...
           spec_plot_boundary(N, net_extra, fix), spec_chain(N, net_extra), ...
           spec_chain_factors(), spec_gradcheck(N, net_extra), ...
           spec_plot_weights(N, net_extra, fix), spec_confusion(N), ...
           spec_plot_confusion(fix), spec_figure(), spec_print(fix), ...
           spec_overview(), spec_unroll(N, net_extra), spec_roll(N, net_extra), ...
           spec_cost(N, net_extra)];
endfunction

## ---- one spec per public function

function s = new_spec (fn, minin, maxout, has_options)
  s = struct ("fn", fn, "minin", minin, "maxout", maxout, ...
              "has_options", has_options, "octave_outputs", false, ...
              "pos", {cell(0, 4)}, ...
              "opts", {cell(0, 4)}, "extra", {cell(0, 4)}, ...
              "specials", {cell(0, 5)});
endfunction

function s = spec_init ()
  s = new_spec ("bp_init", 1, 1, true);
  acts = activations ();
  s.pos = {"sizes", "matrix", "[2 3 1]", @p_sizes};
  s.opts = {
    "activation", "name",   "'tanh'",  @(v) p_activation (v, 2, acts)
    "loss",       "name",   "'sse'",   @(v) p_name (v, {"quadratic", "sse", "mse", "cross-entropy"})   # log-likelihood needs softmax
    "init",       "name",   "'he'",    @(v) p_name (v, {"scaled-normal", "normal", "xavier", "he", "uniform", "zeros"})
    "epsilon",    "scalar", "0.3",     @(v) p_scalar (v, 0, realmax, false)
    "seed",       "scalar", "5",       @(v) p_scalar (v, 0, 2^32 - 1, true, "double")
  };
  s.extra = {
    "activation", "{'relu', 'softmax'}",           "{'relu', 'softmax'}",      "ok"
    "activation", "{'relu'; 'softmax'}",           "{'relu'; 'softmax'}",      "ok"
    "activation", "{'relu'}",                      "{'relu'} (one name short)", "error"
    "activation", "{'relu', 'softmax', 'tanh'}",   "three names for two layers", "error"
    "activation", "{'relu', 'swish'}",             "{'relu', 'swish'}",        "error"
    "activation", "{'relu', 1}",                   "{'relu', 1}",              "error"
    "activation", "{'relu', {'tanh'}}",            "{'relu', {'tanh'}}",       "error"
    "activation", "{'relu', ''}",                  "{'relu', ''}",             "error"
    "seed",       "2^32 - 1",                      "2^32 - 1 (largest seed)",  "ok"
    "seed",       "2^32",                          "2^32",                     "error"
  };
  ## Absurd sizes must be errors (out_of_memory), never an abort; the
  ## child runs under a memory cap, so a real attempt fails too.
  absurd = {"[1e12 784]", "[784 1e12 10]", "[1 1e12]", "[1e12 1]", ...
            "[1e6 1e6]", "[3e4 3e4]", "[2^53 1]", "[flintmax 2]", ...
            "[1e308 1]", "[2 1e308 2]", "[4294967296 1]", ...
            "[2^62 4]", "[1e15 1e15]"};
  for i = 1:numel (absurd)
    s.specials(end+1,:) = {["sizes = " absurd{i}], {absurd{i}}, 1, "error", false};
  endfor
  s.specials(end+1,:) = {"sizes = [2 1e8 1] (two 800 MB layers under a 4 GB cap)", ...
                         {"[2 1e8 1]"}, 1, "any", true};
  s.specials(end+1,:) = {"sizes = ones (1, 1e4) (9999 layers)", {"ones (1, 1e4)"}, 1, "ok", false};
  s.specials(end+1,:) = {"every option valid at once", ...
                         {"[2 3 1]", "'activation'", "{'tanh', 'softmax'}", "'loss'", "'log-likelihood'", "'init'", "'uniform'", "'epsilon'", "0.3", "'seed'", "5"}, 1, "ok", false};
  s.specials(end+1,:) = {"relu output with cross-entropy", ...
                         {"[2 3 1]", "'activation'", "'relu'", "'loss'", "'cross-entropy'"}, 1, "error", false};
  s.specials(end+1,:) = {"softmax output with cross-entropy", ...
                         {"[2 3 1]", "'activation'", "'softmax'", "'loss'", "'cross-entropy'"}, 1, "error", false};
  s.specials(end+1,:) = {"an option given twice (the last counts)", ...
                         {"[2 3 1]", "'seed'", "1", "'seed'", "2"}, 1, "ok", false};
  s.specials(end+1,:) = {"init 'uniform' with epsilon 1e308", ...
                         {"[2 3 1]", "'init'", "'uniform'", "'epsilon'", "1e308"}, 1, "ok", false};
endfunction

function s = spec_forward (N, net_extra)
  s = new_spec ("bp_forward", 2, 3, false);
  s.pos = {
    "net", "net",    N,                               @p_net
    "x",   "matrix", "[0.1 0.9 -0.4; 0.7 0.2 0.5]",   @(v) p_matrix (v, 2, [], "ok")
  };
  s.extra = net_extra;
  s.specials(end+1,:) = {"x with 1e5 columns", {N, "rand (2, 1e5)"}, 3, "ok", false};
  s.specials(end+1,:) = {"x 2-by-0", {N, "zeros (2, 0)"}, 1, "error", false};
endfunction

function s = spec_predict (N, net_extra)
  s = new_spec ("bp_predict", 2, 2, false);
  s.pos = {
    "net", "net",    N,                               @p_net
    "X",   "matrix", "[0.1 0.9 -0.4; 0.7 0.2 0.5]",   @(v) p_matrix (v, 2, [], "ok")
  };
  s.extra = net_extra;
endfunction

function s = spec_loss ()
  s = new_spec ("bp_loss", 3, 2, false);
  s.pos = {
    "aL",   "matrix", "[0.2 0.7; 0.9 0.4]",  @(v) p_matrix (v, 2, 2, "ok")
    "y",    "matrix", "[0 1; 1 0]",          @(v) p_matrix (v, 2, 2, "ok")
    "name", "name",   "'quadratic'",         @(v) p_name (v, losses ())
  };
  ## The log losses need outputs and targets in [0, 1].
  for name = {"'cross-entropy'", "'log-likelihood'"}
    s.specials(end+1,:) = {["aL above 1 with " name{1}], {"[1.5 0.5; 0.5 0.5]", "[0 1; 1 0]", name{1}}, 2, "error", false};
    s.specials(end+1,:) = {["aL below 0 with " name{1}], {"[-eps 0.5; 0.5 0.5]", "[0 1; 1 0]", name{1}}, 2, "error", false};
    s.specials(end+1,:) = {["y above 1 with " name{1}], {"[0.2 0.7; 0.9 0.4]", "[0 2; 1 0]", name{1}}, 2, "error", false};
    s.specials(end+1,:) = {["aL exactly 0 and 1 with " name{1}], {"[0 1; 1 0]", "[1 0; 0 1]", name{1}}, 2, "ok", false};
  endfor
  s.specials(end+1,:) = {"1e308 outputs with sse (the loss overflows)", {"1e308 * ones (2, 2)", "-1e308 * ones (2, 2)", "'sse'"}, 2, "ok", false};
endfunction

function s = spec_activation ()
  s = new_spec ("bp_activation", 2, 2, false);
  s.pos = {
    "z",    "matrix", "[-2 -0.5 0 0.5 3]",  @(v) p_matrix (v, [], [], "ok")
    "name", "name",   "'sigmoid'",          @(v) p_name (v, activations ())
  };
  for name = activations ()
    s.specials(end+1,:) = {["extreme z with " name{1}], {"[-realmax -1e308 -800 0 800 1e308 realmax]", ["'" name{1} "'"]}, 2, "ok", false};
    s.specials(end+1,:) = {["denormal z with " name{1}], {"[-realmin/4; realmin/4]", ["'" name{1} "'"]}, 2, "ok", false};
  endfor
endfunction

function s = spec_gradient (N, net_extra)
  s = new_spec ("bp_gradient", 3, 4, true);
  s.pos = {
    "net", "net",    N,                       @p_net
    "x",   "matrix", "[0 0 1 1; 0 1 0 1]",    @(v) p_matrix (v, 2, 4, "any")
    "y",   "matrix", "[0 1 1 0]",             @(v) p_matrix (v, 1, 4, "any")
  };
  s.opts = {"lambda", "scalar", "0.1", @(v) p_scalar (v, 0, realmax, false)};
  s.extra = net_extra;
endfunction

function s = spec_sgd_step (N, net_extra)
  s = new_spec ("bp_sgd_step", 4, 1, false);
  s.pos = {
    "net", "net",    N,                                       @p_net
    "dW",  "cell",   "{0.1 * ones(3, 2), 0.1 * ones(1, 3)}",  @(v) p_cells (v, {[3 2], [1 3]}, true, "any")
    "db",  "cell",   "{0.1 * ones(3, 1), 0.1}",               @(v) p_cells (v, {[3 1], [1 1]}, true, "any")
    "eta", "scalar", "0.5",                                   @(v) p_scalar (v, 0, realmax, false)
  };
  s.extra = net_extra;
  s.specials(end+1,:) = {"dW and db of a 2-4-1 network", {N, "{ones(4, 2), ones(1, 4)}", "{ones(4, 1), 1}", "0.5"}, 1, "error", false};
endfunction

function s = spec_train (N, net_extra)
  s = new_spec ("bp_train", 3, 3, true);
  s.pos = {
    "net", "net",    N,                       @p_net
    "X",   "matrix", "[0 0 1 1; 0 1 0 1]",    @(v) p_matrix (v, 2, 4, "any")
    "Y",   "matrix", "[0 1 1 0]",             @(v) p_matrix (v, 1, 4, "any")
  };
  ## Large steps or decay may diverge, which is an error by design.  An
  ## option given as [] (0-by-0) takes its default, as in an optimset
  ## struct (bp_train's help); "verbose" and "callback" take any empty
  ## double for "not given".
  s.opts = {
    "epochs",     "scalar", "3",      @(v) p_scalar (v, 1, 1e9, true, "0x0")
    "batch",      "scalar", "2",      @(v) p_scalar (v, 1, flintmax, true, "0x0")
    "eta",        "scalar", "0.5",    @(v) p_scalar (v, 0, realmax, false, "0x0", 10)
    "momentum",   "scalar", "0.5",    @(v) p_scalar (v, 0, 1, false, "0x0")
    "lambda",     "scalar", "0.1",    @(v) p_scalar (v, 0, realmax, false, "0x0", 10)
    "shuffle",    "scalar", "false",  @(v) p_scalar (v, 0, 1, true, "0x0")
    "seed",       "scalar", "3",      @(v) p_scalar (v, 0, 2^32 - 1, true, "0x0")
    "validation", "cell",   "{[0 1; 1 0], [1 0]}", @p_validation
    "verbose",    "scalar", "false",  @(v) p_scalar (v, 0, 1, true, "double")
    "optimizer",  "name",   "'adam'", @p_optimizer
    "patience",   "scalar", "2",      @(v) p_scalar (v, 0, 1e9, true, "0x0")
    "min_delta",  "scalar", "0.01",   @(v) p_scalar (v, 0, realmax, false, "0x0")
    "schedule",   "cell",   "{'step', 2, 0.5}", @p_schedule
    "state",      "other",  "[]",     @p_state
    "callback",   "other",  "@(e, n, h) false", @p_callback
    ## The other optimizers' options, given to the default "sgd": refused
    ## (they do not apply), unless [] ("not given").  Their own ranges
    ## are tried in the specials below.
    "rho",        "scalar", "0.9",    @p_not_for_sgd
    "beta1",      "scalar", "0.9",    @p_not_for_sgd
    "beta2",      "scalar", "0.999",  @p_not_for_sgd
    "epsilon",    "scalar", "1e-8",   @p_not_for_sgd
    "max_iter",   "scalar", "5",      @p_not_for_sgd
    "tol",        "scalar", "1e-6",   @p_not_for_sgd
    "step",       "scalar", "0.01",   @p_not_for_sgd
    "line_tol",   "scalar", "0.1",    @p_not_for_sgd
  };
  s.extra = [net_extra; {
    "validation", "{[0 1; 1 0]}",                 "{Xv} (no Yv)",              "error"
    "validation", "{[0 1; 1 0], [1 0], 1}",       "{Xv, Yv, 1}",               "error"
    "validation", "{[0 1 0; 1 0 1], [1 0]}",      "Xv and Yv columns differ",  "error"
    "validation", "{[0 1; 1 0; 1 1], [1 0]}",     "Xv with 3 rows",            "error"
    "validation", "{[0 1; 1 0], [1 0; 0 1]}",     "Yv with 2 rows",            "error"
    "validation", "{zeros(2, 0), zeros(1, 0)}",   "an empty validation set",   "any"
    "validation", "{[0 1; 1 0], containers.Map()}", "Yv a containers.Map",     "error"
    "validation", "{[0 1; 1 0], struct('a', 1)}", "Yv a struct",               "error"
    "seed",       "2^32 - 1",                     "2^32 - 1 (largest seed)",   "ok"
    "seed",       "2^32",                         "2^32",                      "error"
    "epochs",     "1e9 + 1",                      "1e9 + 1",                   "error"
  }];
  X = "[0 0 1 1; 0 1 0 1]";
  Y = "[0 1 1 0]";
  s.specials(end+1,:) = {"eta 1e308 on a linear network (diverges)", {"bp_init ([2 1], 'activation', 'linear', 'loss', 'sse', 'seed', 1)", X, Y, "'eta'", "1e308"}, 2, "error", false};
  s.specials(end+1,:) = {"batch larger than the data", {N, X, Y, "'batch'", "100"}, 2, "ok", false};
  s.specials(end+1,:) = {"one-hot Y with validation", {"bp_init ([2 3 2], \"seed\", 1)", X, "[1 0 0 1; 0 1 1 0]", "'validation'", "{[0 1; 1 0], [1 0; 0 1]}"}, 2, "ok", false};
  s.specials(end+1,:) = {"every option valid at once", {N, X, Y, "'epochs'", "3", "'batch'", "2", "'eta'", "0.5", "'momentum'", "0.5", "'lambda'", "0.1", "'shuffle'", "true", "'seed'", "3", "'validation'", "{[0 1; 1 0], [1 0]}", "'verbose'", "false"}, 2, "ok", false};
  s.specials(end+1,:) = {"a softmax network of one output with log-likelihood", {"bp_init ([2 3 1], 'activation', {'tanh', 'softmax'}, 'loss', 'log-likelihood', 'seed', 1)", X, Y}, 2, "ok", false};
  s.specials = [s.specials; optimizer_specials(N, X, Y)];
endfunction

## bp_train's optimizers with their own options: each option's boundary
## values and values out of its range, with the optimizer that uses it,
## and every option given to an optimizer that does not use it.
function c = optimizer_specials (N, X, Y)
  c = cell (0, 5);
  ## {optimizer, option, valid values, invalid values}; the ranges are
  ## the core's since it refuses what an optimizer cannot use: rho in
  ## [0, 1), epsilon > 0, line_tol in (0, 1].
  table = {
    "'rmsprop'", "rho",      {"0", "0.5", "1 - eps"},       {"-0.1", "1", "1.1", "NaN", "[0.5 0.5]", "'0.5'"}
    "'rmsprop'", "epsilon",  {"1e-300", "1e-3", "realmax"}, {"0", "-1e-8", "Inf", "NaN", "int8 (1)"}
    "'adam'",    "beta1",    {"0", "0.5"},                  {"-eps", "1 + eps", "NaN", "true"}
    "'adam'",    "beta2",    {"0", "0.9"},                  {"-1", "2", "-Inf", "{0.9}"}
    "'adam'",    "epsilon",  {"1e-8"},                      {"0", "-1", "NaN"}
    "'cg'",      "max_iter", {"1", "3"},                    {"0", "1.5", "-1", "NaN", "1e9 + 1", "single (3)"}
    "'bfgs'",    "max_iter", {"1", "3"},                    {"0", "2.5", "Inf"}
    "'cg'",      "tol",      {"1e-3", "realmax"},           {"-1e-6", "NaN", "Inf", "[1 2]"}
    "'bfgs'",    "tol",      {"1e-3", "realmax"},           {"-1", "NaN"}
    "'cg'",      "step",     {"0.1", "1"},                  {"-0.01", "Inf", "NaN", "1 + 2i"}
    "'bfgs'",    "step",     {"0.1", "1", "realmax"},       {"-1", "Inf"}
    "'cg'",      "line_tol", {"0.5", "1"},                  {"0", "-0.1", "1.5", "NaN", "'0.1'"}
    "'bfgs'",    "line_tol", {"0.5", "1"},                  {"-0.1", "2", "Inf"}
  };
  for i = 1:rows (table)
    [opt, name, good, bad] = table{i,:};
    if (any (strcmp (opt, {"'cg'", "'bfgs'"})))
      more = {"'max_iter'", "3"};     # short runs
      if (strcmp (name, "max_iter"))
        more = {};
      endif
    else
      more = {"'epochs'", "2"};
    endif
    for v = good
      c(end+1,:) = {sprintf("optimizer %s with %s = %s", opt, name, v{1}), ...
                    [{N, X, Y, "'optimizer'", opt, ["'" name "'"], v{1}}, more], 2, "ok", false};
    endfor
    for v = bad
      c(end+1,:) = {sprintf("optimizer %s with %s = %s", opt, name, v{1}), ...
                    [{N, X, Y, "'optimizer'", opt, ["'" name "'"], v{1}}, more], 2, "error", false};
    endfor
  endfor
  ## Values the option table accepts but the optimizer cannot use: they
  ## must fail, and do (today as "diverged" or "no_progress" rather than
  ## out_of_range; a known core bug, tests/test_bad_input_bp_train.m).
  c(end+1,:) = {"optimizer 'adam' with beta1 = 1 (its bias correction divides by 0)", ...
                {N, X, Y, "'optimizer'", "'adam'", "'beta1'", "1", "'epochs'", "2"}, 2, "error", false};
  c(end+1,:) = {"optimizer 'adam' with beta2 = 1 (its bias correction divides by 0)", ...
                {N, X, Y, "'optimizer'", "'adam'", "'beta2'", "1", "'epochs'", "2"}, 2, "error", false};
  c(end+1,:) = {"optimizer 'cg' with step = 0 (no first trial step)", ...
                {N, X, Y, "'optimizer'", "'cg'", "'step'", "0", "'max_iter'", "3"}, 2, "error", false};
  c(end+1,:) = {"optimizer 'bfgs' with line_tol = 0 (no line search can succeed)", ...
                {N, X, Y, "'optimizer'", "'bfgs'", "'line_tol'", "0", "'max_iter'", "3"}, 2, "error", false};
  ## An option the optimizer does not use: refused.
  mine = struct ("sgd", {{"momentum"}}, "rmsprop", {{"rho", "epsilon"}}, ...
                 "adam", {{"beta1", "beta2", "epsilon"}}, ...
                 "cg", {{"max_iter", "tol", "step", "line_tol"}}, ...
                 "bfgs", {{"max_iter", "tol", "step", "line_tol"}});
  values = struct ("epochs", "2", "batch", "2", "eta", "0.1", "shuffle", "true", ...
                   "seed", "1", "momentum", "0.5", "rho", "0.9", "beta1", "0.9", ...
                   "beta2", "0.99", "epsilon", "1e-6", "max_iter", "3", ...
                   "tol", "1e-3", "step", "0.1", "line_tol", "0.2", ...
                   "schedule", "{'exponential', 0.9}");
  minibatch = {"epochs", "batch", "eta", "shuffle", "seed", "schedule"};
  for opt = fieldnames (mine)'
    full = any (strcmp (opt{1}, {"cg", "bfgs"}));
    for name = fieldnames (values)'
      uses = any (strcmp (name{1}, mine.(opt{1}))) || (! full && any (strcmp (name{1}, minibatch)));
      c(end+1,:) = {sprintf("optimizer '%s' with '%s'", opt{1}, name{1}), ...
                    {N, X, Y, "'optimizer'", ["'" opt{1} "'"], ["'" name{1} "'"], values.(name{1})}, ...
                    2, pick(uses, "ok", "error"), false};
    endfor
  endfor
  c(end+1,:) = {"optimizer 'nesterov' without momentum", {N, X, Y, "'optimizer'", "'nesterov'"}, 2, "error", false};
  c(end+1,:) = {"optimizer 'nesterov' with momentum 0.9", {N, X, Y, "'optimizer'", "'nesterov'", "'momentum'", "0.9"}, 2, "ok", false};
  c(end+1,:) = {"optimizer 'cg' with validation data and early stopping", ...
                {N, X, Y, "'optimizer'", "'cg'", "'max_iter'", "20", "'validation'", "{[0 1; 1 0], [1 0]}", "'patience'", "2"}, 2, "ok", false};
  c(end+1,:) = {"optimizer 'bfgs' with weight decay", {N, X, Y, "'optimizer'", "'bfgs'", "'lambda'", "0.1"}, 2, "ok", false};
  c(end+1,:) = {"optimizer 'cg' with a state", {N, X, Y, "'optimizer'", "'cg'", "'state'", "struct ('optimizer', 'cg')"}, 2, "error", false};
endfunction

function s = spec_unroll (N, net_extra)
  s = new_spec ("bp_unroll", 1, 2, false);
  s.pos = {"net", "net", N, @p_net};
  s.extra = net_extra;
  s.specials(end+1,:) = {"a network of 9999 layers", {"bp_init (ones (1, 1e4))"}, 2, "ok", false};
  s.specials(end+1,:) = {"a 784-1000-10 network (795010 parameters)", {"bp_init ([784 1000 10], 'seed', 1)"}, 2, "ok", false};
endfunction

## The 2-3-1 network has 3*2 + 3 + 1*3 + 1 = 13 parameters.
function s = spec_roll (N, net_extra)
  s = new_spec ("bp_roll", 2, 1, false);
  s.pos = {
    "theta", "matrix", "(1:13)' / 10",  @(v) p_theta (v, 13, "ok")
    "net",   "net",    N,               @p_net
  };
  s.extra = [net_extra; theta_extra()];
  s.specials(end+1,:) = {"theta of a network of 9999 layers", {"ones (19998, 1)", "bp_init (ones (1, 1e4))"}, 1, "ok", false};
endfunction

function s = spec_cost (N, net_extra)
  s = new_spec ("bp_cost", 4, 2, true);
  ## Huge weights may overflow the loss to Inf (a value, not an error).
  s.pos = {
    "theta", "matrix", "(1:13)' / 10",          @(v) p_theta (v, 13, "any")
    "net",   "net",    N,                       @p_net
    "X",     "matrix", "[0 0 1 1; 0 1 0 1]",    @(v) p_matrix (v, 2, 4, "any")
    "Y",     "matrix", "[0 1 1 0]",             @(v) p_matrix (v, 1, 4, "any")
  };
  s.opts = {"lambda", "scalar", "0.1", @(v) p_scalar (v, 0, realmax, false)};
  s.extra = [net_extra; theta_extra()];
  T = "(1:13)' / 10";
  X = "[0 0 1 1; 0 1 0 1]";
  Y = "[0 1 1 0]";
  s.specials(end+1,:) = {"options as a struct", {T, N, X, Y, "struct ('lambda', 0.1)"}, 2, "ok", false};
  s.specials(end+1,:) = {"options as a struct with fminunc's GradObj", {T, N, X, Y, "optimset ('GradObj', 'on')"}, 2, "error", false};
  s.specials(end+1,:) = {"a struct, then lambda as a pair", {T, N, X, Y, "struct ('lambda', 0.1)", "'lambda'", "1"}, 2, "ok", false};
  s.specials(end+1,:) = {"X with 1e5 columns", {T, N, "rand (2, 1e5)", "rand (1, 1e5)"}, 2, "ok", false};
  s.specials(end+1,:) = {"a softmax network with log-likelihood", ...
                         {"(1:13)' / 10", "bp_init ([2 3 1], 'activation', {'tanh', 'softmax'}, 'loss', 'log-likelihood', 'seed', 1)", X, Y}, 2, "ok", false};
  s.specials(end+1,:) = {"cross-entropy with Y = 2", ...
                         {T, "bp_init ([2 3 1], 'loss', 'cross-entropy', 'seed', 1)", X, "[0 2 1 0]"}, 2, "error", false};
  s.specials(end+1,:) = {"a 1-1e6-1 network on 1e6 samples (8 TB of scratch)", ...
                         {"zeros (3e6 + 1, 1)", "bp_init ([1 1e6 1], 'init', 'zeros')", "zeros (1, 1e6)", "zeros (1, 1e6)"}, 2, "error", false};
endfunction

## Values of theta for the 2-3-1 network beyond the generic ones.
function e = theta_extra ()
  e = {
    "theta", "bp_unroll (bp_init ([2 4 1], 'seed', 1))", "the theta of a 2-4-1 network", "error"
    "theta", "bp_unroll (bp_init ([2 3 1], 'seed', 7))", "the theta of another 2-3-1 network", "ok"
    "theta", "-zeros (13, 1)",                "13 negative zeros",          "ok"
    "theta", "[(1:12)' / 10; NaN]",           "a NaN last",                 "error"
    "theta", "(1:13) / 10",                   "a row of 13",                "error"
    "theta", "reshape ((1:13) / 10, 1, 1, 13)", "a 1x1x13 array",           "error"
    "theta", "{(1:13)' / 10}",                "{theta}",                    "error"
    "theta", "num2cell ((1:13)' / 10)",       "num2cell (theta)",           "error"
  };
endfunction

function s = spec_load_idx (fix)
  s = new_spec ("bp_load_idx", 1, 2, false);
  good = fix.idx(strcmp (fix.idx(:,3), "ok"), 1);
  s.pos = {"file", "file", quote(good{1}), @(v) p_idx_file (v, good)};
  n = rows (fix.idx);
  s.extra = [repmat({"file"}, n, 1), cellfun(@quote, fix.idx(:,1), "uniformoutput", false), ...
             fix.idx(:,2:3)];
endfunction

function s = spec_dataset ()
  s = new_spec ("bp_dataset", 1, 3, true);
  s.pos = {"name", "name", "'spirals'", @(v) p_name (v, {"xor", "spirals", "moons", "circles", "article-232"})};
  ## Relative to "spirals", which takes every option.
  s.opts = {
    "n",       "scalar", "20",        @(v) p_scalar (v, 1, 1e7, true, "double")
    "noise",   "scalar", "0.1",       @(v) p_scalar (v, 0, 1e300, false, "double")
    "turns",   "scalar", "2",         @(v) p_scalar (v, 0.01, 100, false, "double")
    "classes", "scalar", "3",         @(v) p_scalar (v, 2, 12, true, "double")
    "targets", "name",   "'binary'",  @(v) p_name (v, {"onehot", "binary"}, "double")
    "seed",    "scalar", "1",         @(v) p_scalar (v, 0, 2^32 - 1, true, "double")
  };
  uses = struct ("xor", {{"targets"}}, "moons", {{"n", "noise", "targets"}}, ...
                 "circles", {{"n", "noise", "targets"}}, "article_232", {{}});
  values = struct ("n", "20", "noise", "0.1", "turns", "2", "classes", "3", ...
                   "targets", "'onehot'");
  for name = {"xor", "moons", "circles", "article-232"}
    used = uses.(strrep (name{1}, "-", "_"));
    for opt = fieldnames (values)'
      expect = pick (any (strcmp (opt{1}, used)), "ok", "error");
      s.specials(end+1,:) = {sprintf("'%s' with option '%s'", name{1}, opt{1}), ...
                             {["'" name{1} "'"], ["'" opt{1} "'"], values.(opt{1})}, 3, expect, false};
    endfor
    s.specials(end+1,:) = {sprintf("'%s' with a seed", name{1}), ...
                           {["'" name{1} "'"], "'seed'", "7"}, 3, "ok", false};
  endfor
  s.specials(end+1,:) = {"targets 'binary' with 3 classes", {"'spirals'", "'classes'", "3", "'targets'", "'binary'"}, 3, "error", false};
  s.specials(end+1,:) = {"n = 1e7 (its largest) with 12 classes: 12 GB of targets", ...
                         {"'spirals'", "'n'", "1e7", "'classes'", "12"}, 3, "any", true};
endfunction

function s = spec_plot_network (N, net_extra, fix)
  s = new_spec ("bp_plot_network", 1, 1, true);
  s.pos = {"net", "net", N, @p_net};
  s.opts = {
    "gradient", "cell",   "{0.1 * ones(3, 2), -0.1 * ones(1, 3)}", @(v) p_unset_or (v, "double", @(u) p_cells (u, {[3 2], [1 3]}, true, "ok"))
    "x",        "matrix", "[0.5; -0.5]",   @(v) p_unset_or (v, "double", @(u) p_matrix (u, 2, 1, "any"))
    "labels",   "cell",   "{'x', 'h', 'y'}", @p_net_labels
    "values",   "scalar", "true",          @(v) p_scalar (v, 0, 1, true, "double")
    "maxnodes", "scalar", "5",             @(v) p_scalar (v, 3, 1000, true)
    "maxlayers", "scalar", "4",            @(v) p_scalar (v, 3, 1000, true)
    "title",    "name",   "'A title'",     @(v) p_unset_or (v, "double", @p_text)
    "fontsize", "scalar", "12",            @(v) p_scalar (v, 4, 200, false, "double")
    "file",     "file",   quote(fix.png),         @(v) p_png (v, fix)
    "visible",  "scalar", "false",         @(v) p_visible (v)
    "size",     "matrix", "[500 400]",     @(v) p_size (v, [100 100])
  };
  s.extra = [net_extra; png_extra(fix); {
    "labels", "struct ('nodes', {{'x', 'h', 'y'}}, 'weights', {{'w', 'u'}})", "nodes and weights", "ok"
    "labels", "struct ('weights', {{'w', 'u'}})",  "weights only",                "ok"
    "labels", "struct ('weights', {{'w'}})",       "one weight name short",       "error"
    "labels", "struct ('edges', 1)",               "an unknown field",            "error"
    "labels", "false",                             "false (the older 'values')",  "ok"
    "labels", "{'x', 'h', repmat('y', 1, 41)}",    "a name of 41 characters",     "error"
  }];
  s.specials(end+1,:) = {"labels true and values false together", {N, "'labels'", "true", "'values'", "false"}, 1, "error", false};
  s.specials(end+1,:) = {"an axes handle first", {hax_expr(), N}, 1, "ok", false};
  s.specials(end+1,:) = {"an axes handle and a size", {hax_expr(), N, "'size'", "[500 400]"}, 1, "error", false};
  s.specials(end+1,:) = {"a 784-30-10 network with every value written, into a file", ...
                         {"bp_init ([784 30 10], 'seed', 1)", "'values'", "true", "'file'", quote(fix.png)}, 1, "ok", true};
  s.specials(end+1,:) = {"a 2-1000-1 network", {"bp_init ([2 1000 1], 'seed', 1)"}, 1, "ok", false};
  s.specials(end+1,:) = {"a network of 130 layers, into a file (once a hang: a figure wider than gnuplot takes)", ...
                         {"bp_init (2 * ones (1, 130), 'seed', 1)", "'file'", quote(fix.png)}, 1, "ok", false};
  s.specials(end+1,:) = {"gradient and x together, into a file", {N, "'gradient'", "{ones(3, 2), -ones(1, 3)}", "'x'", "[1; 2]", "'file'", quote(fix.png)}, 1, "ok", false};
endfunction

function s = spec_plot_history (fix)
  s = new_spec ("bp_plot_history", 1, 1, true);
  s.pos = {"hist", "other", "struct ('loss', [1 0.5 0.25], 'accuracy', [0.5 0.7 0.9])", @p_hist};
  s.opts = {
    "log",     "scalar", "true",       @(v) p_scalar (v, 0, 1, true, "double")
    "show",    "name",   "'loss'",     @p_show
    "names",   "cell",   "{'run'}",    @p_run_names
    "yscale",  "name",   "'log'",      @(v) p_name (v, {"linear", "log"}, "double")
    "fontsize", "scalar", "12",        @(v) p_scalar (v, 4, 200, false, "double")
    "title",   "name",   "'A title'",  @(v) p_unset_or (v, "double", @p_text)
    "file",    "file",   quote(fix.png),      @(v) p_png (v, fix)
    "visible", "scalar", "false",      @(v) p_visible (v)
    "size",    "matrix", "[500 400]",  @(v) p_size (v, [100 100])
  };
  s.extra = [png_extra(fix); {
    "hist", "struct ('loss', [1 0.5], 'accuracy', [0.5 0.7 0.9])",   "accuracy longer than loss",   "error"
    "hist", "struct ('accuracy', [0.5 0.7])",                         "no loss field",               "error"
    "hist", "struct ('loss', [1 NaN 0.5])",                           "loss with a NaN",             "error"
    "hist", "struct ('loss', [1 Inf 0.5])",                           "loss with an Inf",            "any"
    "hist", "struct ('loss', [1; 0.5])",                              "loss a column",               "ok"
    "hist", "struct ('loss', {[1 0.5], [1 0.5]})",                    "1x2 struct array (two runs)", "ok"
    "hist", "{[1 0.5], struct('loss', [2 1 0.5])}",                   "a cell of two runs",          "ok"
    "hist", "{[1 0.5], {1}}",                                         "a cell holding a cell",       "error"
    "hist", "[1 0.5; 2 1; 3 0.25]",                                   "a matrix: a run per column",  "ok"
    "hist", "struct ('loss', [1 0.5], 'grad_rms', [1 2])",            "grad_rms of the wrong shape", "error"
    "hist", "struct ('loss', [1 0.5], 'epoch', [3 2])",               "epochs that go back",         "error"
    "hist", "struct ('loss', {{1, 0.5}})",                            "loss a cell",                 "error"
    "hist", "struct ('loss', single ([1 0.5]))",                      "loss single",                 "error"
    "hist", "struct ('loss', [1 0.5], 'val_loss', [2 1], 'val_accuracy', [0.1 0.2], 'seconds', [0.1 0.1])", "every field", "ok"
    "hist", "struct ('loss', [1 0.5], 'val_loss', [2 NaN])",          "val_loss with a NaN",         "error"
    "hist", "struct ('loss', [1 0.5], 'accuracy', 'ab')",             "accuracy a string",           "error"
    "hist", "complex ([1 2; 3 4], 0)",                                "a complex matrix (no imaginary part)", "error"
    "hist", "struct ('loss', 1e308 * [1 -1])",                        "losses of +-1e308 (beyond what axes can span)", "error"
    "hist", "struct ('loss', zeros (1, 0))",                          "no epochs",                   "error"
    "hist", "rand (1, 1e5)",                                          "1e5 epochs",                  "ok"
  }];
  ## A logarithmic axis shows positive losses only (zeros once gave empty
  ## axes without a word, negative ones a mirrored axis).
  s.specials(end+1,:) = {"losses of 0 on a log axis", {"[0 0 0]", "'log'", "true"}, 1, "error", false};
  s.specials(end+1,:) = {"negative losses on a log axis", {"[-1 -0.5]", "'log'", "true"}, 1, "error", false};
  s.specials(end+1,:) = {"a validation loss of 0 on a log axis", {"struct ('loss', [1 0.5], 'val_loss', [0.5 0])", "'log'", "1"}, 1, "error", false};
  s.specials(end+1,:) = {"losses of 0 on a linear axis", {"[0 0 0]", "'log'", "false"}, 1, "ok", false};
  s.specials(end+1,:) = {"yscale and log together", {"[1 0.5]", "'yscale'", "'log'", "'log'", "true"}, 1, "error", false};
  s.specials(end+1,:) = {"the grad_rms panel", {"struct ('loss', [1 0.5], 'grad_rms', [1 2; 0.5 1])", "'show'", "'grad_rms'"}, 1, "ok", false};
  s.specials(end+1,:) = {"three panels", {"struct ('loss', [1 0.5], 'accuracy', [0 1], 'grad_rms', [1 2; 0.5 1])", "'show'", "{'loss', 'accuracy', 'grad_rms'}"}, 1, "ok", false};
  s.specials(end+1,:) = {"an axes handle first", {hax_expr(), "[1 0.5]"}, 1, "ok", false};
  s.specials(end+1,:) = {"an axes handle and two panels", {hax_expr(), "struct ('loss', [1 0.5], 'accuracy', [0 1])", "'show'", "{'loss', 'accuracy'}"}, 1, "error", false};
  s.specials(end+1,:) = {"two runs and two names", {"{[1 0.5], [2 1]}", "'names'", "{'a', 'b'}"}, 1, "ok", false};
  s.specials(end+1,:) = {"two runs and one name", {"{[1 0.5], [2 1]}", "'names'", "{'a'}"}, 1, "error", false};
endfunction

function s = spec_plot_boundary (N, net_extra, fix)
  s = new_spec ("bp_plot_boundary", 3, 1, true);
  s.pos = {
    "net",    "net",    N,                        @p_net
    "X",      "matrix", "[0 1 0.5; 1 0 0.5]",     @(v) p_matrix (v, 2, 3, "any")
    "labels", "matrix", "[1 2 1]",                @(v) p_labels (v, 3, 2)
  };
  s.opts = {
    "resolution", "scalar", "20",           @(v) p_scalar (v, 10, 2000, true)
    "limits",     "matrix", "[-1 2 -1 2]",  @p_limits
    "threshold",  "scalar", "0.3",          @(v) p_scalar (v, -realmax, realmax, false, "double")
    "title",      "name",   "'A title'",    @(v) p_unset_or (v, "double", @p_text)
    "legend",     "scalar", "false",        @(v) p_scalar (v, 0, 1, true)
    "fontsize",   "scalar", "12",           @(v) p_scalar (v, 4, 200, false, "double")
    "file",       "file",   quote(fix.png),        @(v) p_png (v, fix)
    "visible",    "scalar", "false",        @(v) p_visible (v)
    "size",       "matrix", "[500 400]",    @(v) p_size (v, [300 200])
  };
  s.extra = [net_extra; png_extra(fix)];
  X = "[0 1 0.5; 1 0 0.5]";
  s.specials(end+1,:) = {"a network with 3 inputs", {"bp_init ([3 2], 'seed', 1)", "ones (3, 3)", "[1 2 1]"}, 1, "error", false};
  s.specials(end+1,:) = {"threshold on a two-output network", {"bp_init ([2 2], 'seed', 1)", X, "[1 2 1]", "'threshold'", "0"}, 1, "error", false};
  s.specials(end+1,:) = {"one point", {N, "[0.5; 0.5]", "1"}, 1, "ok", false};
  s.specials(end+1,:) = {"points at +-1e300", {N, "[-1e300 1e300 0; 0 0 1e300]", "[1 2 1]"}, 1, "any", false};
  s.specials(end+1,:) = {"an axes handle first", {hax_expr(), N, X, "[1 2 1]", "'resolution'", "20"}, 1, "ok", false};
  s.specials(end+1,:) = {"an axes handle and visible", {hax_expr(), N, X, "[1 2 1]", "'visible'", "false"}, 1, "error", false};
endfunction

function s = spec_chain (N, net_extra)
  s = new_spec ("bp_chain", 6, 1, false);
  ## w_12^(2) of the 2-3-1 network: l = 2 has 1 node, layer 1 has 3.
  s.pos = {
    "net", "net",    N,               @p_net
    "x",   "matrix", "[0.3; -0.6]",   @(v) p_matrix (v, 2, 1, "any")
    "y",   "matrix", "0.7",           @(v) p_matrix (v, 1, 1, "any")
    "l",   "scalar", "2",             @(v) p_scalar (v, 1, 2, true)
    "j",   "scalar", "1",             @(v) p_scalar (v, 1, 1, true)
    "k",   "scalar", "2",             @(v) p_scalar (v, 1, 3, true)
  };
  s.extra = net_extra;
  s.specials(end+1,:) = {"a softmax output layer", {"bp_init ([2 3 3], 'activation', {'tanh', 'softmax'}, 'loss', 'log-likelihood', 'seed', 1)", "[0.5; -1]", "[0; 1; 0]", "2", "3", "1"}, 1, "ok", false};
  s.specials(end+1,:) = {"a saturated cross-entropy output", {"setfield (bp_init ([1 1], 'loss', 'cross-entropy'), 'W', {100})", "1", "0", "1", "1", "1"}, 1, "ok", false};
  s.specials(end+1,:) = {"l = 1, j = 3, k = 2 (layer 1)", {N, "[0.3; -0.6]", "0.7", "1", "3", "2"}, 1, "ok", false};
  s.specials(end+1,:) = {"l = 1, j = 3, k = 3 (k beyond the 2 inputs)", {N, "[0.3; -0.6]", "0.7", "1", "3", "3"}, 1, "error", false};
endfunction

function s = spec_chain_factors ()
  s = new_spec ("bp_chain_factors", 0, 1, false);
  s.octave_outputs = true;
  ## The struct of bp_chain's result for w_12^(2) (output layer) and
  ## w_21^(1) (hidden layer) of the 2-3-1 network.
  out = "struct (bp_chain (bp_init ([2 3 1], 'seed', 1), [0.3; -0.6], 0.7, 2, 1, 2))";
  hid = "struct (bp_chain (bp_init ([2 3 1], 'seed', 1), [0.3; -0.6], 0.7, 1, 2, 1))";
  s.pos = {"s", "struct", out, @p_factors};
  set = @(e, f, v) sprintf ("setfield (%s, '%s', %s)", e, f, v);
  rm = @(e, f) sprintf ("rmfield (%s, '%s')", e, f);
  x = {
    hid,                          "a hidden layer's struct"
    rm(out, "note"),              "without note"
    rm(out, "terms"),             "output layer without terms"
    rm(out, "y"),                 "output layer without y"
    rm(hid, "terms"),             "hidden layer without terms"
    rm(hid, "y"),                 "hidden layer without y"
    set(out, "extra", "1"),       "an extra field"
    sprintf("[%s, %s]", out, out), "a 1x2 struct array"
    set(out, "l", "'abc'"),       "l = 'abc'"
    set(out, "l", "2.5"),         "l = 2.5"
    set(out, "l", "3"),           "l = 3 > L"
    set(out, "L", "0"),           "L = 0"
    set(out, "j", "NaN"),         "j = NaN"
    set(out, "k", "int8 (2)"),    "k = int8 (2)"
    set(out, "loss", "1"),        "loss = 1"
    set(out, "loss", "'hinge'"),  "loss = 'hinge'"
    set(out, "g", "{'sigmoid'}"), "g = {'sigmoid'}"
    set(out, "g", "['relu' char(0)]"), "g = 'relu', NUL"
    set(out, "a", "'x'"),         "a = 'x'"
    set(out, "dC_dw", "{1}"),     "dC_dw = {1}"
    set(out, "dC_da", "-Inf"),    "dC_da = -Inf"
    set(out, "da_dz", "NaN"),     "da_dz = NaN"
    set(out, "delta", "[1 2]"),   "delta = [1 2]"
    set(out, "delta", "1 + 2i"),  "delta complex"
    set(out, "via_delta", "2"),   "via_delta = 2"
    set(out, "via_delta", "1"),   "via_delta = 1 (a double)"
    set(out, "via_delta", "'yes'"), "via_delta = 'yes'"
    set(out, "note", "5"),        "note = 5"
    set(out, "note", "['a'; 'b']"), "note a char matrix"
    set(out, "y", "[]"),          "output layer with y = []"
    set(out, "terms", "[1; 2]"),  "output layer with terms"
    set(out, "next_g", "'tanh'"), "output layer with next_g"
    set(hid, "y", "0.7"),         "hidden layer with a y"
    set(hid, "terms", "[1; 2]"),  "hidden layer, terms one entry long (the others 1)"
    set(hid, "terms", "[1 2]"),   "hidden layer, terms a row"
    set(hid, "next_w", "'a'"),    "hidden layer, next_w = 'a'"
    set(hid, "next_w", "sparse (1)"), "hidden layer, next_w sparse"
    set(hid, "next_g", "'swish'"), "hidden layer, next_g = 'swish'"
    set(hid, "next_g", "''"),     "hidden layer, next_g = ''"
  };
  s.extra = [repmat({"s"}, rows (x), 1), x, repmat({""}, rows (x), 1)];
endfunction

function s = spec_gradcheck (N, net_extra)
  s = new_spec ("bp_gradcheck", 3, 1, true);
  s.pos = {
    "net", "net",    N,                   @p_net
    "x",   "matrix", "[0.1 0.5; 0.2 -0.7]", @(v) p_matrix (v, 2, 2, "any")
    "y",   "matrix", "[0 1]",             @(v) p_matrix (v, 1, 2, "any")
  };
  grad = "{{0.1 * ones(3, 2), 0.1 * ones(1, 3)}, {0.1 * ones(3, 1), 0.1}}";
  s.opts = {
    "method",    "name",   "'complex'", @(v) p_name (v, {"central", "complex"})
    "lambda",    "scalar", "0.1",       @(v) p_scalar (v, 0, realmax, false)
    "tolerance", "scalar", "1e-4",      @(v) p_scalar (v, 0, realmax, false, "any")
    "gradient",  "cell",   grad,        @p_gradcheck_gradient
    "verbose",   "scalar", "true",      @(v) p_scalar (v, 0, 1, true)
  };
  ## Weights of 1e308 are finite, but the second layer's z overflows to
  ## -Inf, from which no numerical derivative can be formed: the check
  ## may refuse such a network (it does, as not_finite naming z).
  huge = ! cellfun (@isempty, strfind (net_extra(:,2), "1e308"));
  net_extra(huge,4) = {"any"};
  s.extra = [net_extra; {
    "gradient", "{{0.1 * ones(3, 2), NaN(1, 3)}, {0.1 * ones(3, 1), Inf}}", "a gradient with NaN and Inf (fails the check)", "ok"
    "gradient", "{{0.1 * ones(2, 3), 0.1 * ones(1, 3)}, {0.1 * ones(3, 1), 0.1}}", "dW{1} transposed", "error"
    "gradient", "{{0.1 * ones(3, 2), 0.1 * ones(1, 3)}}", "{dW} without db", "error"
  }];
  s.specials(end+1,:) = {"complex step through relu and softmax", {"bp_init ([2 3 2], 'activation', {'relu', 'softmax'}, 'loss', 'log-likelihood', 'seed', 1)", "[0.1 0.5; 0.2 -0.7]", "[1 0; 0 1]", "'method'", "'complex'"}, 1, "ok", false};
endfunction

function s = spec_plot_weights (N, net_extra, fix)
  ## Layer 1 of the 2-3-1 network has 2 inputs: a 1-by-2 image, which
  ## must be given (2 is no square), so this call takes at least 3
  ## inputs (a square layer takes 2: a special below).
  s = new_spec ("bp_plot_weights", 3, 1, true);
  s.pos = {
    "net",   "net",    N,        @p_net
    "l",     "scalar", "1",      @(v) p_scalar (v, 1, 1, true)
    "shape", "matrix", "[1 2]",  @p_shape
  };
  s.opts = {
    "units",    "matrix", "[1 3]",        @p_units
    "scale",    "name",   "'layer'",      @(v) p_name (v, {"unit", "layer"})
    "title",    "name",   "'A title'",    @(v) p_unset_or (v, "double", @p_text)
    "fontsize", "scalar", "12",           @(v) p_scalar (v, 4, 200, false, "double")
    "file",     "file",   quote(fix.png), @(v) p_png (v, fix)
    "visible",  "scalar", "false",        @(v) p_visible (v)
    "size",     "matrix", "[500 400]",    @(v) p_size (v, [100 100])
  };
  s.extra = [net_extra; png_extra(fix)];
  s.specials(end+1,:) = {"layer 2 with its 3 inputs as [3 1]", {N, "2", "[3 1]"}, 1, "ok", false};
  s.specials(end+1,:) = {"a square layer without a shape", {"bp_init ([4 3], 'seed', 1)", "1"}, 1, "ok", false};
  s.specials(end+1,:) = {"a layer that is not square, without a shape", {N, "1"}, 1, "error", false};
  s.specials(end+1,:) = {"784 inputs as 28x28, into a file", {"bp_init ([784 30 10], 'seed', 1)", "1", "[28 28]", "'file'", quote(fix.png)}, 1, "ok", false};
  s.specials(end+1,:) = {"an axes handle first", {hax_expr(), N, "1", "[2 1]"}, 1, "ok", false};
endfunction

function s = spec_confusion (N)
  s = new_spec ("bp_confusion", 2, 1, true);
  s.pos = {
    "predicted", "matrix", "[1 2 2 1]",  @(v) p_class_row (v, 4)
    "actual",    "matrix", "[1 2 1 1]",  @(v) p_class_row (v, 4)
  };
  s.opts = {
    "classes", "matrix", "[1 2 3]",     @p_class_list
    "names",   "cell",   "{'a', 'b'}",  @(v) p_class_names (v, 2)
  };
  X = "[0 0 1 1; 0 1 0 1]";
  s.specials(end+1,:) = {"a network, X and 0/1 targets", {N, X, "[0 1 1 0]"}, 1, "ok", false};
  s.specials(end+1,:) = {"a network, X and one-hot targets", {"bp_init ([2 3 2], 'seed', 1)", X, "[1 0 0 1; 0 1 1 0]"}, 1, "ok", false};
  s.specials(end+1,:) = {"a network, X and class numbers", {"bp_init ([2 3 2], 'seed', 1)", X, "[1 2 2 1]"}, 1, "ok", false};
  s.specials(end+1,:) = {"a network and targets that are not one-hot", {"bp_init ([2 3 2], 'seed', 1)", X, "[1 1 0 1; 0 1 1 0]"}, 1, "error", false};
  s.specials(end+1,:) = {"a network and a class it does not have", {N, X, "[0 1 2 0]"}, 1, "error", false};
  s.specials(end+1,:) = {"a network and Y of the wrong width", {N, X, "[0 1 1]"}, 1, "error", false};
  s.specials(end+1,:) = {"a network without Y", {N, X}, 1, "error", false};
  s.specials(end+1,:) = {"the table printed", {"[1 2 2 1]", "[1 2 1 1]"}, 0, "ok", false};
  s.specials(end+1,:) = {"a million classes (a 8 TB matrix)", {"[1 2]", "[1 2]", "'classes'", "1:1e6"}, 1, "error", false};
endfunction

function s = spec_plot_confusion (fix)
  s = new_spec ("bp_plot_confusion", 1, 1, true);
  s.pos = {"c", "other", "struct ('counts', [3 1; 0 2])", @p_confusion_struct};
  s.opts = {
    "names",    "cell",   "{'a', 'b'}",   @(v) p_class_names (v, 2)
    "classes",  "matrix", "[1 2]",        @(v) pick (isa (v, "double") && isempty (v), "ok", "error")
    "title",    "name",   "'A title'",    @(v) p_unset_or (v, "double", @p_text)
    "fontsize", "scalar", "12",           @(v) p_scalar (v, 4, 200, false, "double")
    "file",     "file",   quote(fix.png), @(v) p_png (v, fix)
    "visible",  "scalar", "false",        @(v) p_visible (v)
    "size",     "matrix", "[500 400]",    @(v) p_size (v, [100 100])
  };
  s.extra = png_extra (fix);
  s.extra(end+1,:) = {"c", "struct ('counts', [3 1; 0 2], 'names', {{'a', 'b'}})", "with names", "ok"};
  s.extra(end+1,:) = {"c", "struct ('counts', zeros (2))", "no sample at all", "error"};
  s.extra(end+1,:) = {"c", "struct ('counts', [3 1; 0 2], 'names', 1)", "names = 1", "error"};
  s.extra(end+1,:) = {"c", "bp_confusion ([1 2 2], [1 2 1])", "bp_confusion's result", "ok"};
  X = "[0 0 1 1; 0 1 0 1]";
  s.specials(end+1,:) = {"predicted and actual", {"[1 2 2 1]", "[1 2 1 1]", "'names'", "{'a', 'b'}"}, 1, "ok", false};
  s.specials(end+1,:) = {"predicted and actual of different lengths", {"[1 2 2 1]", "[1 2 1]"}, 1, "error", false};
  s.specials(end+1,:) = {"a network, X and Y", {"bp_init ([2 3 2], 'seed', 1)", X, "[1 2 2 1]"}, 1, "ok", false};
  s.specials(end+1,:) = {"a network and X only", {"bp_init ([2 3 2], 'seed', 1)", X}, 1, "error", false};
  s.specials(end+1,:) = {"an axes handle first", {hax_expr(), "[1 2 2 1]", "[1 2 1 1]"}, 1, "ok", false};
endfunction

function s = spec_figure ()
  s = new_spec ("bp_figure", 0, 2, true);
  s.opts = {
    "size",    "matrix", "[640 360]",  @(v) p_size (v, [100 100])
    "panels",  "matrix", "[2 3]",      @p_panels
    "visible", "scalar", "false",      @(v) p_visible (v)
  };
endfunction

function s = spec_print (fix)
  s = new_spec ("bp_print", 1, 1, false);
  ## A figure with something in it (an empty one cannot be printed).
  fig = "ancestor (plot (axes ('parent', bp_figure ('visible', false)), 1:3), 'figure')";
  ## A file is needed when one is given: "" names none.
  s.pos = {
    "h",    "other", fig,            @p_figure_handle
    "file", "file",  quote(fix.png), @(v) pick (ischar (v) && isempty (v), "error", p_png (v, fix))
  };
  s.extra = png_extra (fix);
  s.specials(end+1,:) = {"no file: a temporary PNG", {fig}, 1, "ok", false};
  s.specials(end+1,:) = {"a figure of one empty panel", {"bp_figure ('visible', false)", quote(fix.png)}, 0, "ok", false};
  s.specials(end+1,:) = {"the root (0)", {"0", quote(fix.png)}, 0, "error", false};
endfunction

function s = spec_overview ()
  s = new_spec ("backprop", 0, 1, false);
endfunction

## An axes of a figure made for the call: the plots' first argument.
function e = hax_expr ()
  e = "axes ('parent', figure ('visible', 'off'))";
endfunction

## PATH as an Octave string literal.
function e = quote (path)
  e = ["'" strrep(path, "'", "''") "'"];
endfunction

## File names for the plots' "file" option, relative to fix.out (an
## existing folder inside the run's scratch space).
function e = png_extra (fix)
  d = fix.out;
  e = {
    "file", sprintf("'%s/b'", d),               "a name without extension (.png is added)", "ok"
    "file", sprintf("'%s/c.PNG'", d),           "an upper-case .PNG",                      "ok"
    "file", sprintf("'%s/d.jpg'", d),           "a .jpg name",                             "error"
    "file", sprintf("'%s/d.svg'", d),           "an .svg name",                            "ok"
    "file", sprintf("'%s/d.PDF'", d),           "an upper-case .PDF name",                 "ok"
    "file", sprintf("'%s/e.png.txt'", d),       "a .txt name",                             "error"
    "file", "'/nonexistent-folder/f.png'",      "a folder that does not exist",            "error"
    "file", sprintf("'%s/no/such/g.png'", d),   "a missing subfolder",                     "error"
    "file", sprintf("'%s'", d),                 "the folder itself (writes <folder>.png)", "ok"
    "file", sprintf("'%s/s p$(x)&;.png'", d),   "spaces, $( ), & and ; in the name",       "ok"
    ## Quotes: writing the file or refusing the name are both fine, but a
    ## name must never be run (gnuplot reads `set output '<name>'`).
    "file", sprintf("'%s/q''uote.png'", d),     "a single quote in the name",              "any"
    "file", sprintf("'%s/q\"uote.png'", d),     "a double quote in the name",              "any"
    "file", "'x''; system ''touch PWNED''; set output ''y.png'", "a name that is gnuplot commands", "any"
    "file", "'relative.png'",                   "a relative name (the working folder)",     "ok"
    "file", sprintf("'%s/.png'", d),            "only an extension",                        "any"
    "file", quote(fix.pipe),                    "a named pipe that nobody reads",           "error"
  };
endfunction

## ---- predicates: "ok", "error" or "any" for a value v

function n = activations ()
  n = {"sigmoid", "tanh", "relu", "leaky-relu", "linear", "softmax"};
endfunction

function n = losses ()
  n = {"sse", "quadratic", "mse", "cross-entropy", "log-likelihood"};
endfunction

## True for an empty double, the "not given" of most options; "0x0" only
## for [] itself (bp_train's options, where [] means the default as in an
## optimset struct); "any" also counts every other empty value
## (bp_gradcheck's tolerance and gradient).
function tf = is_unset (v, unset)
  switch (unset)
    case "double"
      tf = isa (v, "double") && isempty (v);
    case "0x0"
      tf = isa (v, "double") && isequal (size (v), [0 0]);
    case "any"
      tf = isempty (v);
    otherwise
      tf = false;
  endswitch
endfunction

function r = p_unset_or (v, unset, pred)
  if (is_unset (v, unset))
    r = "ok";
  else
    r = pred (v);
  endif
endfunction

## A real, full, 2-D, non-empty, finite double matrix of ROWS by COLS
## ([] = any).  Valid values of huge magnitude may overflow inside
## (training diverges): EXTREME says what to expect of them.
function r = p_matrix (v, nrows, ncols, extreme)
  r = "error";
  if (! (isa (v, "double") && isreal (v) && ! issparse (v) && ndims (v) == 2 ...
         && ! isempty (v) && all (isfinite (v(:)))))
    return;
  elseif ((! isempty (nrows) && rows (v) != nrows) ...
          || (! isempty (ncols) && columns (v) != ncols))
    return;
  endif
  r = pick (any (abs (v(:)) > 1e100), extreme, "ok");
endfunction

## A real finite double scalar in [lo, hi], whole if INTEGER; logical
## true/false count where the value is a flag (0..1 whole), as in the
## package's bp_check_scalar.  Values above BIG may diverge ("any").
function r = p_scalar (v, lo, hi, integer, unset = "", big = Inf)
  if (is_unset (v, unset))
    r = "ok";
    return;
  endif
  if (integer && lo == 0 && hi == 1 && islogical (v) && isscalar (v))
    v = double (v);
  endif
  r = "error";
  if (isa (v, "double") && isreal (v) && ! issparse (v) && isscalar (v) ...
      && isfinite (v) && v >= lo && v <= hi && (! integer || v == fix (v)))
    r = pick (v > big, "any", "ok");
  endif
endfunction

function r = p_name (v, names, unset = "")
  r = "error";
  if (is_unset (v, unset))
    r = "ok";
  elseif (ischar (v) && isrow (v) && any (strcmp (v, names)))
    r = "ok";
  endif
endfunction

function r = p_text (v)
  r = pick (ischar (v) && (isrow (v) || isempty (v)), "ok", "error");
endfunction

## bp_init's "activation": one name, or a cell of L names.
function r = p_activation (v, L, names)
  r = "error";
  if (ischar (v))
    r = p_name (v, names);
  elseif (iscell (v) && numel (v) == L ...
          && all (cellfun (@(c) strcmp (p_name (c, names), "ok"), v)))
    r = "ok";
  endif
endfunction

## bp_init's sizes.  Valid widths whose weights cannot fit under the
## child's 4 GB cap must fail; middling ones may go either way.
function r = p_sizes (v)
  r = "error";
  if (! (isa (v, "double") && isreal (v) && ! issparse (v) && isvector (v) ...
         && numel (v) >= 2 && all (isfinite (v)) && all (v >= 1) ...
         && all (v == fix (v))))
    return;
  endif
  v = v(:)';
  biggest = max (v(1:end-1) .* v(2:end));
  if (biggest > 5e8)
    r = "error";
  elseif (biggest > 1e7 || numel (v) > 1e5)
    r = "any";
  else
    r = "ok";
  endif
endfunction

## Anything but a scalar struct with the five fields is no network; the
## broken networks of fuzz_nets carry their own expectations.
function r = p_net (v)
  r = "error";
  if (isstruct (v) && isscalar (v) ...
      && all (isfield (v, {"sizes", "W", "b", "g", "loss"})))
    r = pick (isequal (v.sizes, [2 3 1]), "ok", "any");
  endif
endfunction

## A cell of matrices of the given SHAPES (the dW, db of a network).  A
## cell of the other orientation gets COLUMN_CELL (the contract says
## "1-by-L cells" for gradients).
function r = p_cells (v, shapes, finite, column_cell)
  r = "error";
  if (! (iscell (v) && numel (v) == numel (shapes)))
    return;
  endif
  for l = 1:numel (shapes)
    m = v{l};
    if (! (isa (m, "double") && isreal (m) && ! issparse (m) && ndims (m) == 2 ...
           && isequal (size (m), shapes{l})))
      return;
    elseif (finite && ! all (isfinite (m(:))))
      return;
    endif
  endfor
  r = pick (isrow (v), "ok", column_cell);
endfunction

## bp_train's "optimizer" in a call with no other option: the names of
## bp_train's help ('nesterov' needs a momentum, which is 0 here).
function r = p_optimizer (v)
  r = p_unset_or (v, "0x0", @(u) p_name (u, {"sgd", "momentum", "rmsprop", "adam", "cg", "bfgs"}));
endfunction

## bp_train's "state": [] (0-by-0) is "not given", and no generic value
## is a state (a valid state is the third output of an earlier call).
## Other empty values are taken as "not given" by the gateway too: the
## help does not say, so either answer is fine.
function r = p_state (v)
  if (isa (v, "double") && isequal (size (v), [0 0]))
    r = "ok";
  elseif (isempty (v))
    r = "any";
  else
    r = "error";
  endif
endfunction

## An option of another optimizer given to the default "sgd": refused,
## unless [] (0-by-0: bp_train drops it as "not given").
function r = p_not_for_sgd (v)
  r = pick (isa (v, "double") && isequal (size (v), [0 0]), "ok", "error");
endfunction

## bp_train's "schedule" (its help): [] (0-by-0) or "constant", or
## {"step", every, factor}, {"exponential", gamma},
## {"plateau", patience, factor, min_eta} with every and patience whole
## numbers >= 1, factor and gamma in (0, 1] (plateau's factor in (0, 1)),
## min_eta >= 0.
function r = p_schedule (v)
  r = "error";
  if (isa (v, "double") && isequal (size (v), [0 0]))
    r = "ok";
    return;
  elseif (ischar (v))
    r = pick (strcmp (v, "constant"), "ok", "error");
    return;
  elseif (! (iscell (v) && ! isempty (v) && ischar (v{1}) && isrow (v{1})))
    return;
  endif
  num = @(u) isa (u, "double") && isreal (u) && ! issparse (u) && isscalar (u) && isfinite (u);
  whole = @(u) num (u) && u >= 1 && u <= 1e15 && u == fix (u);
  unit = @(u) num (u) && u > 0 && u <= 1;
  p = v(2:end);
  switch (v{1})
    case "constant"
      ok = isempty (p);
    case "step"
      ok = numel (p) == 2 && whole (p{1}) && unit (p{2});
    case "exponential"
      ok = numel (p) == 1 && unit (p{1});
    case "plateau"
      ok = (numel (p) == 3 && whole (p{1}) && unit (p{2}) && p{2} < 1 ...
            && num (p{3}) && p{3} >= 0);
    otherwise
      ok = false;
  endswitch
  r = pick (ok, "ok", "error");
endfunction

## bp_train's "callback": an empty double (not given), or a function
## handle, which is called as callback (epoch, net, hist).  A handle that
## cannot take three arguments fails with its own error, which reaches
## the caller as it is (the help), so that call must fail but may carry
## any identifier.
function r = p_callback (v)
  if (is_unset (v, "double"))
    r = "ok";
  elseif (is_function_handle (v))
    try
      n = nargin (v);
    catch
      n = 1;          # a built-in function such as @sin: one argument
    end_try_catch
    r = pick (n >= 0 && n < 3, "octave", "any");
  else
    r = "error";
  endif
endfunction

## A parameter vector for a network of P parameters: a real, full,
## finite double column of P values.  Huge values may overflow what is
## computed from them: EXTREME says what to expect then.
function r = p_theta (v, P, extreme)
  r = p_matrix (v, P, 1, extreme);
endfunction

## bp_train's "validation": empty, or {Xv, Yv} for the 2-input, 1-output
## network.  {} and [] mean "no validation data"; the gateway takes every
## other empty value the same way, which the help does not settle.
function r = p_validation (v)
  if ((iscell (v) || isa (v, "double")) && isempty (v))
    r = "ok";
  elseif (isempty (v))
    r = "any";
  elseif (iscell (v) && numel (v) == 2)
    a = p_matrix (v{1}, 2, [], "any");
    b = p_matrix (v{2}, 1, [], "any");
    r = "error";
    if (! strcmp (a, "error") && ! strcmp (b, "error") ...
        && columns (v{1}) == columns (v{2}))
      r = pick (strcmp (a, "ok") && strcmp (b, "ok"), "ok", "any");
    endif
  else
    r = "error";
  endif
endfunction

function r = p_gradcheck_gradient (v)
  if (isempty (v))
    r = "ok";
  elseif (iscell (v) && numel (v) == 2 && iscell (v{1}) && iscell (v{2}))
    a = p_cells (v{1}, {[3 2], [1 3]}, false, "ok");
    b = p_cells (v{2}, {[3 1], [1 1]}, false, "ok");
    r = pick (strcmp (a, "ok") && strcmp (b, "ok"), "ok", "error");
  else
    r = "error";
  endif
endfunction

## bp_chain_factors: the struct bp_chain's result converts to (its help).
function r = p_factors (v)
  r = "error";
  known = {"l", "j", "k", "L", "loss", "g", "a", "z", "y", "dC_da", ...
           "da_dz", "dz_dw", "dC_dw", "delta", "via_delta", "note", ...
           "next_g", "next_dC_da", "next_da_dz", "next_delta", "next_w", ...
           "terms"};
  need = {"l", "j", "k", "L", "loss", "g", "a", "z", "dC_da", "da_dz", ...
          "dz_dw", "dC_dw", "delta", "via_delta"};
  next = {"next_dC_da", "next_da_dz", "next_delta", "next_w", "terms"};
  scalar = @(u) isa (u, "double") && isreal (u) && ! issparse (u) && isscalar (u);
  index = @(u) scalar (u) && isfinite (u) && u >= 1 && u == fix (u);
  name = @(u, names) ischar (u) && isrow (u) && any (strcmp (u, names));
  acts = activations ();
  if (! (isstruct (v) && isscalar (v)) || ! all (ismember (fieldnames (v), known)) ...
      || ! all (isfield (v, need)))
    return;
  elseif (! (index (v.l) && index (v.j) && index (v.k) && index (v.L) && v.l <= v.L))
    return;
  elseif (! (name (v.loss, losses ()) && name (v.g, acts)))
    return;
  elseif (! all (cellfun (@(f) scalar (v.(f)), {"a", "z", "dC_da", "da_dz", "dz_dw", "dC_dw", "delta"})))
    return;
  elseif (! ((islogical (v.via_delta) || scalar (v.via_delta)) && isscalar (v.via_delta) ...
             && any (v.via_delta == [0 1])))
    return;
  elseif (isfield (v, "note") && ! (ischar (v.note) && (isrow (v.note) || isempty (v.note))))
    return;
  endif
  if (v.l == v.L)
    if (! (isfield (v, "y") && scalar (v.y)))
      return;
    endif
    for f = [next, {"next_g"}]
      if (isfield (v, f{1}) && ! isempty (v.(f{1})))
        return;
      endif
    endfor
  else
    if (! all (isfield (v, [next, {"next_g"}])) || ! name (v.next_g, acts) ...
        || (isfield (v, "y") && ! isempty (v.y)))
      return;
    endif
    n = cellfun (@(f) numel (v.(f)), next);
    if (! all (cellfun (@(f) double_column (v.(f)), next)) || any (n != n(1)))
      return;
    endif
  endif
  r = "ok";
endfunction

function tf = double_column (u)
  tf = isa (u, "double") && isreal (u) && ! issparse (u) && iscolumn (u) && ! isempty (u);
endfunction

## bp_load_idx: only the good fixture files can be read.
function r = p_idx_file (v, good)
  r = pick (ischar (v) && isrow (v) && any (strcmp (v, good)), "ok", "error");
endfunction

## A PNG file name for the plots ("" or [] = no file).  Relative names
## land in the child's working folder, inside the scratch space.
function r = p_png (v, fix)
  if (isa (v, "double") && isempty (v))
    r = "error";          # the default is "", and [] is not a string
    return;
  elseif (! (ischar (v) && (isrow (v) || isempty (v))))
    r = "error";
    return;
  elseif (isempty (v))
    r = "ok";
    return;
  endif
  [folder, name, ext] = fileparts (v);
  if (any (v == 0))
    r = "error";
  elseif (numel ([name ext]) > 255)
    r = "error";          # longer than a Linux file name may be
  elseif (! isempty (ext) && ! any (strcmpi (ext, {".png", ".svg", ".pdf"})))
    r = "error";
  elseif (! isempty (folder) && ! isfolder (folder))
    r = "error";
  else
    r = "ok";
  endif
endfunction

## Without a display "visible" must be false (or unset).
function r = p_visible (v)
  r = p_scalar (v, 0, 1, true, "double");
  if (strcmp (r, "ok") && ! (isa (v, "double") && isempty (v)) && v)
    r = "error";
  endif
endfunction

## [width height] in pixels, each from MIN to 10000.
function r = p_size (v, lo)
  if (isa (v, "double") && isempty (v))
    r = "ok";
  elseif (isa (v, "double") && isreal (v) && ! issparse (v) && numel (v) == 2 ...
          && all (isfinite (v)) && all (v(:)' >= lo) && all (v <= 10000))
    r = pick (ndims (v) == 2, "ok", "any");
  else
    r = "error";
  endif
endfunction

function r = p_hist (v)
  if (iscell (v))
    ## Several runs: each a vector of losses or a history struct.
    r = "error";
    if (! isempty (v))
      each = cellfun (@(h) p_hist_run (h, true), v, "uniformoutput", false);
      r = pick (all (strcmp (each, "ok")), "ok", "error");
    endif
  elseif (isstruct (v) && numel (v) > 1)
    each = arrayfun (@(h) p_hist_run (h, true), v, "uniformoutput", false);
    r = pick (all (strcmp (each, "ok")), "ok", "error");
  else
    r = p_hist_run (v, false);
  endif
endfunction

## One run (ONE: a vector only), or for a matrix one run per column.
function r = p_hist_run (v, one)
  if (isnumeric (v))
    r = "error";
    if (isa (v, "double") && isreal (v) && ! issparse (v) && ndims (v) == 2 ...
        && ! isempty (v) && (isvector (v) || ! one) && ! any (isnan (v(:))))
      ## Octave's axes cannot span magnitudes beyond about 1e+-150 (see
      ## inst/private/bp_check_drawable.m): such values are refused.
      a = abs (v(:));
      drawable = all (a <= 1e150 & (a == 0 | a >= 1e-150));
      r = pick (all (isfinite (v(:))) && drawable, "ok", "error");
    endif
  elseif (isstruct (v) && isscalar (v) && isfield (v, "loss"))
    r = p_hist_run (v.loss, true);
  else
    r = "error";
  endif
endfunction

## Class indices 1..K, one per column of X.
function r = p_labels (v, m, K)
  r = "error";
  if (isa (v, "double") && isreal (v) && ! issparse (v) && isvector (v) ...
      && numel (v) == m && all (v >= 1 & v <= K & v == fix (v)))
    r = "ok";
  endif
endfunction

function r = p_limits (v)
  if (isa (v, "double") && isempty (v))
    r = "ok";
  elseif (isa (v, "double") && isreal (v) && ! issparse (v) && numel (v) == 4 ...
          && all (isfinite (v(:))) && v(1) < v(2) && v(3) < v(4))
    ## Each axis must span at least 1e-6 (and 1e-6 of its ends' size),
    ## within the magnitudes Octave's axes can draw.
    span = [v(2) - v(1), v(4) - v(3)];
    ends = [max(abs (v(1:2))), max(abs (v(3:4)))];
    drawable = all (abs (v(:)) <= 1e150) && all (span >= 1e-6 * max (1, ends));
    r = pick (isvector (v) && drawable, "ok", pick (drawable, "any", "error"));
  else
    r = "error";
  endif
endfunction

## bp_plot_network's "labels": a cell of 3 layer names, a struct of
## them and 2 weight names, or true/false (the older "values").
function r = p_net_labels (v)
  if (isa (v, "double") && isempty (v))
    r = "ok";
  elseif ((isnumeric (v) || islogical (v)) && isscalar (v))
    r = p_scalar (v, 0, 1, true);
  elseif (iscell (v))
    r = names_ok (v, 3);
  elseif (isstruct (v) && isscalar (v) ...
          && all (ismember (fieldnames (v), {"nodes", "weights"})))
    r = "ok";
    if (isfield (v, "nodes") && strcmp (names_ok (v.nodes, 3), "error"))
      r = "error";
    elseif (isfield (v, "weights") && strcmp (names_ok (v.weights, 2), "error"))
      r = "error";
    endif
  else
    r = "error";
  endif
endfunction

function r = names_ok (c, n)
  ok = (iscell (c) && numel (c) == n ...
       && all (cellfun (@(s) ischar (s) && isrow (s) && numel (s) >= 1 && numel (s) <= 40, c)));
  r = pick (ok, "ok", "error");
endfunction

## bp_plot_history's "show" for a history with a loss and an accuracy.
function r = p_show (v)
  if (isa (v, "double") && isempty (v))
    r = "ok";
    return;
  elseif (ischar (v) && isrow (v))
    v = {v};
  endif
  ok = (iscellstr (v) && ! isempty (v) && all (ismember (v, {"loss", "accuracy"})) ...
       && numel (unique (v)) == numel (v));
  r = pick (ok, "ok", "error");
endfunction

## One run's name: a string, or a cell of one string ("" counts).
function r = p_run_names (v)
  if (isa (v, "double") && isempty (v))
    r = "ok";
  elseif (ischar (v) && (isrow (v) || isempty (v)))
    r = "ok";
  else
    r = pick (iscell (v) && numel (v) == 1 && ischar (v{1}) ...
              && (isrow (v{1}) || isempty (v{1})), "ok", "error");
  endif
endfunction

## bp_plot_weights' [rows cols] for 2 inputs.
function r = p_shape (v)
  ok = (isa (v, "double") && isreal (v) && ! issparse (v) && numel (v) == 2 ...
       && all (isfinite (v)) && all (v >= 1) && all (v == fix (v)) && prod (v) == 2);
  r = pick (ok, "ok", "error");
endfunction

## Units of a layer of 3.
function r = p_units (v)
  if (isa (v, "double") && isempty (v))
    r = "ok";
  else
    ok = (isa (v, "double") && isreal (v) && ! issparse (v) && isvector (v) ...
         && all (v >= 1 & v <= 3 & v == fix (v)));
    r = pick (ok, "ok", "error");
  endif
endfunction

## N class numbers: whole, finite (any sign).
function r = p_class_row (v, n)
  ok = (isa (v, "double") && isreal (v) && ! issparse (v) && isvector (v) ...
       && numel (v) == n && all (isfinite (v)) && all (v == fix (v)));
  r = pick (ok, "ok", "error");
endfunction

## The class list for predicted [1 2 2 1], actual [1 2 1 1].
function r = p_class_list (v)
  if (isa (v, "double") && isempty (v))
    r = "ok";
    return;
  endif
  ok = (isa (v, "double") && isreal (v) && ! issparse (v) && isvector (v) ...
       && all (isfinite (v)) && all (v == fix (v)) ...
       && numel (unique (v)) == numel (v) && all (ismember ([1 2], v)));
  r = pick (ok, "ok", "error");
endfunction

function r = p_class_names (v, K)
  if (isa (v, "double") && isempty (v))
    r = "ok";
  else
    ok = (iscell (v) && numel (v) == K ...
         && all (cellfun (@(s) ischar (s) && isrow (s) && ! isempty (s), v)));
    r = pick (ok, "ok", "error");
  endif
endfunction

## A confusion matrix struct: square counts, whole, >= 0, not all 0.
function r = p_confusion_struct (v)
  r = "error";
  if (! (isstruct (v) && isscalar (v) && isfield (v, "counts")))
    return;
  endif
  N = v.counts;
  if (isa (N, "double") && isreal (N) && ! issparse (N) && ndims (N) == 2 ...
      && rows (N) == columns (N) && rows (N) >= 1 && all (isfinite (N(:))) ...
      && all (N(:) >= 0) && all (N(:) == fix (N(:))) && sum (N(:)) > 0)
    r = "ok";
    if (isfield (v, "names"))
      r = p_class_names (v.names, rows (N));
    endif
  endif
endfunction

function r = p_panels (v)
  ok = (isa (v, "double") && isreal (v) && ! issparse (v) && numel (v) == 2 ...
       && all (v >= 1 & v <= 20 & v == fix (v)));
  r = pick (ok, "ok", "error");
endfunction

## A figure's handle.  A whole number may be the handle of a figure an
## earlier call's argument made in the same child.
function r = p_figure_handle (v)
  r = "error";
  if (isa (v, "double") && isreal (v) && isscalar (v) && v >= 1 && v == fix (v) ...
      && v < 1e6)
    r = "any";
  endif
endfunction
