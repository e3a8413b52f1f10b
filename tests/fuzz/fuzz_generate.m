## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn  {} {@var{n} =} fuzz_generate (@var{out_file}, @var{scratch}, @var{sample}, @var{seed})
## @deftypefnx {} {@var{n} =} fuzz_generate (@dots{}, @var{index_file})
## Write the fuzz catalogue: every call the suite makes, one a line, to
## @var{out_file}, and the fixture files those calls read into
## @var{scratch}/fixtures.  Returns the number of calls written.
##
## First of all, the functions with a spec (fuzz_specs) must be exactly
## the public functions, those the package's @file{INDEX} lists
## (@var{index_file}, by default the INDEX two folders up): a public
## function without a spec is an error that names it, and nothing runs.
## A new public function cannot slip past the suite.
##
## For each public function (fuzz_specs): every positional argument and
## every option is replaced, one at a time, by each generic hostile value
## (fuzz_hostile) and each near miss of its valid value, and, for a
## network, by each broken network (fuzz_nets); the option names
## themselves are fuzzed; the call is made with 0 to max+1 inputs and 0
## to max+1 outputs; and the function's special calls are added.
##
## With @var{sample} > 0 only that many calls are kept, spread evenly over
## the functions and drawn with the generator seeded by @var{seed}, so a
## sample is the same on every run; the slow special calls are left out.
##
## A line is tab-separated:
## @example
## id  function  nout  expect  description  arg1  arg2 ...
## @end example
## where @var{expect} is @qcode{"ok"} (the call must succeed),
## @qcode{"error"} (it must fail with a backprop:function: identifier),
## @qcode{"any"}, or @qcode{"octave"} (it must fail, and may fail with
## Octave's own error: too many outputs of a class constructor), and each
## arg is an Octave expression for its value.
## @end deftypefn

function n = fuzz_generate (out_file, scratch, sample, seed, index_file = "")
  if (isempty (index_file))
    index_file = fullfile (fileparts (mfilename ("fullpath")), "..", "..", "INDEX");
  endif
  ## The specs' names without making any fixture: fuzz_specs only builds
  ## expressions from the fixtures' names.
  check_index (index_file, {fuzz_specs(no_fixtures ()).fn});
  fix = fuzz_fixtures (fullfile (scratch, "fixtures"));
  specs = fuzz_specs (fix);
  generic = fuzz_hostile ();
  cases = [];
  for s = specs
    cases = [cases, cases_of(s, generic)];
  endfor
  cases = unique_calls (cases);
  if (sample > 0)
    cases = draw_sample (cases, sample, seed, numel (specs));
  endif
  ## Only now evaluate the hostile values, to decide what each call must
  ## do: for a small sample this is most of the generator's time saved.
  [cases, dropped] = resolve_expectations (cases);
  n = write_catalogue (out_file, cases);
  printf ("catalogue: %d calls of %d functions", n, numel (specs));
  if (sample > 0)
    printf (" (a sample, seed %d)", seed);
  endif
  if (! isempty (dropped))
    printf (", %d values skipped (their expression does not evaluate):\n  %s", ...
            numel (dropped), strjoin (unique (dropped), "\n  "));
  endif
  printf ("\n");
endfunction

## ---- every public function has a spec

function check_index (index_file, fns)
  text = fileread (index_file);
  ## INDEX: a title line, category lines, and one indented function name
  ## a line.
  listed = regexp (text, '(?m)^\s+(\S+)\s*$', "tokens");
  listed = cellfun (@(c) c{1}, listed, "uniformoutput", false);
  missing = setdiff (listed, fns);
  unknown = setdiff (fns, listed);
  if (! isempty (missing))
    error ("fuzz_generate: no fuzz spec for %s, which %s lists as public; every public function must have one: add it to tests/fuzz/fuzz_specs.m", ...
           strjoin (missing, ", "), index_file);
  elseif (! isempty (unknown))
    error ("fuzz_generate: fuzz spec for %s, which %s does not list; remove the spec or list the function", ...
           strjoin (unknown, ", "), index_file);
  endif
endfunction

## What fuzz_specs needs of the fixtures (their names), without the files.
function fix = no_fixtures ()
  fix = struct ("dir", "", "out", "out", "png", "out/a.png", ...
                "idx", {{"x", "a file", "ok"}}, "pipe", "pipe.png");
endfunction

## ---- building the calls

## One call: ARGS are expressions; EXPECT is fixed, or decided later by
## PRED applied to the value of ARGS{SLOT}.
function c = new_case (fn, nout, desc, args, expect, pred = [], slot = 0, ...
                       slow = false)
  c = struct ("fn", fn, "nout", nout, "desc", desc, "args", {args}, ...
              "expect", expect, "pred", {pred}, "slot", slot, "slow", slow);
endfunction

function cases = cases_of (s, generic)
  base = s.pos(:,3)';
  cases = [count_cases(s, base), ...
           slot_cases(s, base, generic), ...
           option_name_cases(s, base, generic), ...
           special_cases(s)];
endfunction

## 0 .. max+1 inputs (valid ones, or a lone option name past the
## positional ones), and 0 .. max+1 outputs.
function cases = count_cases (s, base)
  cases = [];
  npos = numel (base);
  for nin = 0:npos+1
    args = base(1:min (nin, npos));
    if (nin > npos)
      if (s.has_options)
        args{end+1} = ["'" s.opts{1,1} "'"];
      else
        args{end+1} = "1";
      endif
    endif
    ok = nin >= s.minin && nin <= npos;
    cases = [cases, new_case(s.fn, 1, sprintf ("%d inputs", nin), args, ...
                             pick (ok, "ok", "error"))];
  endfor
  for nout = 0:s.maxout+1
    too_many = pick (s.octave_outputs, "octave", "error");
    cases = [cases, new_case(s.fn, nout, sprintf ("%d outputs", nout), base, ...
                             pick (nout <= s.maxout, "ok", too_many))];
  endfor
endfunction

## Each position (argument or option) replaced by each hostile value.
function cases = slot_cases (s, base, generic)
  cases = [];
  npos = numel (base);
  for i = 1:npos
    [name, kind, valid, pred] = s.pos{i,:};
    values = slot_values (s, name, kind, valid, generic);
    for nout = unique ([1, s.maxout])
      for v = 1:rows (values)
        args = base;
        args{i} = values{v,1};
        desc = sprintf ("%s = %s", name, values{v,2});
        cases = [cases, slot_case(s.fn, nout, desc, args, values{v,3}, pred, i)];
      endfor
    endfor
  endfor
  for i = 1:rows (s.opts)
    [name, kind, valid, pred] = s.opts{i,:};
    values = slot_values (s, name, kind, valid, generic);
    for v = 1:rows (values)
      args = [base, {["'" name "'"], values{v,1}}];
      desc = sprintf ("option '%s' = %s", name, values{v,2});
      cases = [cases, slot_case(s.fn, s.maxout, desc, args, values{v,3}, pred, ...
                                numel (args))];
    endfor
  endfor
endfunction

function c = slot_case (fn, nout, desc, args, expect, pred, slot)
  if (isempty (expect))
    c = new_case (fn, nout, desc, args, "", pred, slot);
  else
    c = new_case (fn, nout, desc, args, expect);
  endif
endfunction

## Rows {expression, label, expect}: the valid value, the generic
## values, the near misses of the valid one, and the spec's extra values
## for this position.  An empty expect means "ask the predicate".
function values = slot_values (s, name, kind, valid, generic)
  near = fuzz_hostile (kind, valid);
  values = [{valid, ["the valid " valid]}; generic; near];
  values(:,3) = {""};
  extra = s.extra(strcmp (s.extra(:,1), name), 2:4);
  values = [values; extra];
endfunction

## The option names themselves: generic values and near misses of the
## first option's name, followed by that option's valid value.
function cases = option_name_cases (s, base, generic)
  cases = [];
  if (! s.has_options)
    return;
  endif
  first = s.opts{1,1};
  names = s.opts(:,1)';
  values = [generic; fuzz_hostile("name", ["'" first "'"])];
  pred = @(v) option_name_ok (v, first, names);
  for v = 1:rows (values)
    args = [base, values(v,1), s.opts(1,3)];
    desc = sprintf ("option name %s (with the value of '%s')", values{v,2}, first);
    cases = [cases, new_case(s.fn, s.maxout, desc, args, "", pred, numel (base) + 1)];
  endfor
endfunction

## Option names are matched without regard to case; another option's
## name with this value may or may not be valid.
function r = option_name_ok (v, first, names)
  r = "error";
  if (ischar (v) && isrow (v))
    if (strcmpi (v, first))
      r = "ok";
    elseif (any (strcmpi (v, names)))
      r = "any";
    endif
  endif
endfunction

function cases = special_cases (s)
  cases = [];
  for i = 1:rows (s.specials)
    [desc, args, nout, expect, slow] = s.specials{i,:};
    cases = [cases, new_case(s.fn, nout, desc, args, expect, [], 0, slow)];
  endfor
endfunction

## ---- selecting and deciding

## The same call reached twice (the valid value, the count variants)
## is kept once.
function cases = unique_calls (cases)
  keys = arrayfun (@(c) sprintf ("%s|%d|%s", c.fn, c.nout, ...
                                 strjoin (c.args, "\x1f")), cases, ...
                   "uniformoutput", false);
  [~, first] = unique (keys, "first");
  cases = cases(sort (first));
endfunction

## SAMPLE calls spread evenly over the functions, never a slow one.
function cases = draw_sample (cases, sample, seed, nfn)
  saved = rand ("state");
  rand ("twister", seed);
  fns = unique ({cases.fn});
  per = ceil (sample / nfn);
  keep = [];
  for i = 1:numel (fns)
    idx = find (strcmp ({cases.fn}, fns{i}) & ! [cases.slow]);
    take = min (per, numel (idx));
    keep = [keep, idx(randperm (numel (idx), take))];
  endfor
  rand ("state", saved);
  cases = cases(sort (keep));
endfunction

function [cases, dropped] = resolve_expectations (cases)
  dropped = {};
  keep = true (1, numel (cases));
  for i = 1:numel (cases)
    c = cases(i);
    if (! isempty (c.expect))
      continue;
    endif
    try
      v = value_of (c.args{c.slot});
    catch err
      keep(i) = false;
      dropped{end+1} = sprintf ("%s: %s (%s)", c.fn, c.args{c.slot}, err.message);
      continue;
    end_try_catch
    cases(i).expect = c.pred (v);
  endfor
  cases = cases(keep);
endfunction

## Evaluate EXPR in a workspace of its own.
function v = value_of (expr)
  v = eval (expr);
endfunction

function n = write_catalogue (file, cases)
  fid = fopen (file, "w");
  if (fid < 0)
    error ("fuzz_generate: cannot write %s", file);
  endif
  unwind_protect
    for i = 1:numel (cases)
      c = cases(i);
      fields = [{sprintf("%d", i), c.fn, sprintf("%d", c.nout), c.expect, c.desc}, c.args];
      if (any (cellfun (@(f) any (f == "\t" | f == "\n"), fields)))
        error ("fuzz_generate: a tab or newline in call %d (%s)", i, c.desc);
      endif
      fprintf (fid, "%s\n", strjoin (fields, "\t"));
    endfor
  unwind_protect_cleanup
    fclose (fid);
  end_unwind_protect
  n = numel (cases);
endfunction
