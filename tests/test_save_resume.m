## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later
##
## A network is a plain struct (doc/design-decisions.md), so Octave's save and
## load keep it, and training can stop and go on later, in another session:
##
##  * A network trained for E1 epochs without shuffling, saved in text
##    (-text), Octave binary (-binary) and MAT 7 (-v7) format, loaded in a
##    NEW Octave session (a child octave-cli) and trained for E2 more
##    epochs, has the weights of one uninterrupted run of E1 + E2 epochs.
##    Without shuffling and without momentum the network is the whole
##    state of a run (momentum's velocities are not saved, so a resumed
##    momentum run starts them from zero again).
##
##    Tolerance: -binary and -v7 store the doubles' bits.  -text writes
##    save_precision significant digits; Octave 7's default, which this
##    test sets explicitly, is 17, and 17 significant digits identify a
##    double exactly, so the loaded network is checked to be *equal* to the
##    saved one.  The resumed run then repeats the same arithmetic on the
##    same numbers; it is asked to agree to 1e-12 (absolute, weights of
##    order 1) rather than exactly only to allow a BLAS that splits its
##    sums differently in another process.  On this machine it agrees
##    exactly.
##
##  * A file whose network was edited into an inconsistent shape loads as
##    Octave's load finds it, and fails at its first use (bp_forward,
##    bp_train) with backprop:<fn>:invalid_net and a message naming the
##    field and the layer.

## ---------------------------------------------------------------------
## Helpers

%!function [net0, X, Y, opts] = setup ()
%!  ## A 4-6-3 tanh/softmax network and 30 samples of 3 one-hot classes;
%!  ## batches of 7 (the last one smaller), weight decay, no shuffling.
%!  net0 = bp_init ([4 6 3], "activation", {"tanh", "softmax"}, ...
%!                  "loss", "log-likelihood", "seed", 5);
%!  X = reshape (sin (1:120) + 0.3 * cos (7 * (1:120)), 4, 30);
%!  Y = zeros (3, 30);
%!  Y(sub2ind (size (Y), mod (0:29, 3) + 1, 1:30)) = 1;
%!  opts = {"batch", 7, "eta", 0.3, "lambda", 0.01, "shuffle", false, ...
%!          "verbose", false};

%!function expect_invalid (fn, args, field_text, what)
%!  ## FN (ARGS{:}) must fail with backprop:FN:invalid_net, its message
%!  ## starting "FN: " and containing FIELD_TEXT.
%!  try
%!    feval (fn, args{:});
%!    error ("test:no_error", "%s: %s raised no error", what, fn);
%!  catch err
%!    assert (err.identifier, ["backprop:" fn ":invalid_net"], ...
%!            sprintf ("%s: %s raised [%s] %s", what, fn, err.identifier, err.message));
%!    assert (strncmp (err.message, [fn ": "], numel (fn) + 2) && ...
%!            ! isempty (strfind (err.message, field_text)), ...
%!            "%s: %s's message does not name '%s': %s", what, fn, ...
%!            field_text, err.message);
%!  end_try_catch

%!function s = disp_cell (c)
%!  ## Octave source text for a cell row of strings, numbers and logicals.
%!  parts = cell (size (c));
%!  for i = 1:numel (c)
%!    v = c{i};
%!    if (ischar (v))
%!      parts{i} = ["'" v "'"];
%!    elseif (islogical (v))
%!      parts{i} = ifelse_str (v, "true", "false");
%!    else
%!      parts{i} = sprintf ("%.17g", v);
%!    endif
%!  endfor
%!  s = ["{" strjoin(parts, ", ") "}"];

%!function s = ifelse_str (c, a, b)
%!  if (c)
%!    s = a;
%!  else
%!    s = b;
%!  endif

## ---------------------------------------------------------------------

%!test
%! ## Resume in a new session from each file format.
%! octave = fullfile (OCTAVE_HOME (), "bin", "octave-cli");
%! if (! exist (octave, "file"))
%!   printf ("  skipped: no octave-cli next to this Octave to run a new session\n");
%!   return;
%! endif
%! [net0, X, Y, opts] = setup ();
%! E1 = 4;  E2 = 6;
%! whole = bp_train (net0, X, Y, "epochs", E1 + E2, opts{:});
%! part = bp_train (net0, X, Y, "epochs", E1, opts{:});
%! d = tempname ();
%! mkdir (d);
%! old_precision = save_precision (17);
%! unwind_protect
%!   formats = {"-text", "-binary", "-v7"};
%!   code = {sprintf("opts = %s;", strtrim (disp_cell (opts)))};
%!   for i = 1:numel (formats)
%!     file = fullfile (d, sprintf ("part%d.dat", i));
%!     save (formats{i}, file, "part", "X", "Y");
%!     ## The file holds the network exactly (17 digits suffice in text).
%!     S = load (file);
%!     assert (isequal (S.part, part), "%s: the network loaded is not the one saved", ...
%!             formats{i});
%!     code{end+1} = sprintf (["S = load ('%s');  n = bp_train (S.part, S.X, S.Y, 'epochs', %d, opts{:});" ...
%!                             "  save ('-binary', '%s', 'n');"], ...
%!                            file, E2, fullfile (d, sprintf ("resumed%d.dat", i)));
%!   endfor
%!   code{end+1} = "printf ('CHILD DONE\\n');";
%!   [status, out] = run_octave_child (code, 120, 0);
%!   assert (status == 0 && ! isempty (strfind (out, "CHILD DONE")), ...
%!           "the new session failed (status %d):\n%s", status, out);
%!   for i = 1:numel (formats)
%!     R = load (fullfile (d, sprintf ("resumed%d.dat", i)));
%!     diffs = [cellfun(@(a, b) max (abs (a(:) - b(:))), R.n.W, whole.W), ...
%!              cellfun(@(a, b) max (abs (a(:) - b(:))), R.n.b, whole.b)];
%!     printf ("  resume from %-7s: largest difference to the uninterrupted run %g\n", ...
%!             formats{i}, max (diffs));
%!     assert (max (diffs) <= 1e-12, ...
%!             "%s: resumed weights differ from the uninterrupted run by %g", ...
%!             formats{i}, max (diffs));
%!     assert (isequal (rmfield (R.n, {"W", "b"}), rmfield (whole, {"W", "b"})), ...
%!             "%s: the resumed network's other fields differ", formats{i});
%!   endfor
%!   ## The two halves really are different networks (the check above is not
%!   ## comparing a network with itself).
%!   assert (max (abs (part.W{1}(:) - whole.W{1}(:))) > 1e-3);
%! unwind_protect_cleanup
%!   save_precision (old_precision);
%!   confirm_recursive_rmdir (false, "local");
%!   [~] = rmdir (d, "s");
%! end_unwind_protect

%!test
%! ## Files whose network was edited into an inconsistent shape: loaded as
%! ## they are, refused at first use, the message naming field and layer.
%! [net0, X, Y, opts] = setup ();
%! net = bp_train (net0, X, Y, "epochs", 2, opts{:});
%! edits = {
%!   "W{2} one column short",   setfield(net, "W", {net.W{1}, net.W{2}(:,1:end-1)}), "net.W{2}"
%!   "W{1} one row too many",   setfield(net, "W", {[net.W{1}; net.W{1}(1,:)], net.W{2}}), "net.W{1}"
%!   "b{1} saved as a row",     setfield(net, "b", {net.b{1}', net.b{2}}), "net.b{1}"
%!   "no field g",              rmfield(net, "g"), "'g'"
%!   "no field W",              rmfield(net, "W"), "'W'"
%!   "g with one name",         setfield(net, "g", net.g(1)), "net.g"
%!   "g{2} misspelt",           setfield(net, "g", {"tanh", "softmaxx"}), "net.g{2}"
%!   "sizes(2) changed",        setfield(net, "sizes", [4 7 3]), "net.W{1}"
%!   "loss of another pair",    setfield(net, "loss", "cross-entropy"), "net.loss"
%!   "W{2} holding a NaN",      setfield(net, "W", {net.W{1}, [NaN net.W{2}(2:end)]}), "net.W{2}"
%! };
%! d = tempname ();
%! mkdir (d);
%! unwind_protect
%!   for i = 1:rows (edits)
%!     [what, bad, field_text] = edits{i,:};
%!     for fmt = {"-text", "-v7"}
%!       file = fullfile (d, "edited.dat");
%!       save (fmt{1}, file, "bad");
%!       S = load (file);
%!       label = sprintf ("%s (%s)", what, fmt{1});
%!       expect_invalid ("bp_forward", {S.bad, X}, field_text, label);
%!       expect_invalid ("bp_train", {S.bad, X, Y, opts{:}}, field_text, label);
%!     endfor
%!   endfor
%! unwind_protect_cleanup
%!   confirm_recursive_rmdir (false, "local");
%!   [~] = rmdir (d, "s");
%! end_unwind_protect
