## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later
##
## A fixed, seeded sample of the fuzz suite (tests/fuzz, all of which
## `make fuzz` runs): 300 hostile calls spread over every public function
## (wrong types, complex, sparse, integer, N-d, empty, NaN/Inf, absurd
## sizes, broken networks, wrong argument counts, ...), made in two child
## Octaves with a memory cap and no display, so that a crash or a hang is
## seen rather than suffered.  No call may crash or hang, fail with an
## identifier other than backprop:<function>:<reason>, accept an invalid
## value, reject a valid one, or change the caller's variables
## (doc/robustness.md).  The counts are printed; on failure the report
## lists every BAD call with the statement that reproduces it.

%!test
%! here = fileparts (which ("test_fuzz_sample"));
%! if (isempty (here))
%!   here = pwd ();
%! endif
%! driver = fullfile (here, "fuzz", "run_fuzz.sh");
%! ## The children load the package from wherever this Octave found it.
%! dirs = unique ({fileparts(which ("bp_init")), fileparts(which ("__bp_names__"))});
%! setup = sprintf ("addpath ('%s'); ", dirs{:});
%! octave = fullfile (OCTAVE_HOME (), "bin", "octave-cli");
%! if (! exist (octave, "file"))
%!   octave = "octave-cli";
%! endif
%! saved = {getenv("FUZZ_SETUP"), getenv("FUZZ_OCTAVE")};
%! setenv ("FUZZ_SETUP", setup);
%! setenv ("FUZZ_OCTAVE", octave);
%! unwind_protect
%!   [status, out] = system (sprintf ("bash '%s' --sample 300 --seed 1 --jobs 2 --quiet 2>&1", ...
%!                                    driver));
%! unwind_protect_cleanup
%!   setenv ("FUZZ_SETUP", saved{1});
%!   setenv ("FUZZ_OCTAVE", saved{2});
%! end_unwind_protect
%! summary = regexp (out, '(backprop fuzz: [^\n]*|outcomes: [^\n]*)', "match");
%! printf ("  %s\n", summary{:});
%! if (status != 0)
%!   error ("the fuzz sample found BAD calls (or could not run), exit status %d:\n%s", ...
%!          status, out);
%! endif

%!test
%! ## The suite refuses to run when a public function (listed in INDEX)
%! ## has no spec, naming it: here an INDEX that lists one more function.
%! ## (The sample above runs against the package's own INDEX, so every
%! ## public function has a spec, bp_chain_factors included.)
%! here = fileparts (which ("test_fuzz_sample"));
%! if (isempty (here))
%!   here = pwd ();
%! endif
%! index = tempname ();
%! fid = fopen (index, "w");
%! fputs (fid, [fileread(fullfile (here, "..", "INDEX")) "Untested\n bp_not_fuzzed\n"]);
%! fclose (fid);
%! dirs = unique ({fileparts(which ("bp_init")), fileparts(which ("__bp_names__"))});
%! octave = fullfile (OCTAVE_HOME (), "bin", "octave-cli");
%! if (! exist (octave, "file"))
%!   octave = "octave-cli";
%! endif
%! saved = {getenv("FUZZ_SETUP"), getenv("FUZZ_OCTAVE")};
%! setenv ("FUZZ_SETUP", sprintf ("addpath ('%s'); ", dirs{:}));
%! setenv ("FUZZ_OCTAVE", octave);
%! unwind_protect
%!   [status, out] = system (sprintf ("bash '%s' --sample 10 --index '%s' 2>&1", ...
%!                                    fullfile (here, "fuzz", "run_fuzz.sh"), index));
%! unwind_protect_cleanup
%!   setenv ("FUZZ_SETUP", saved{1});
%!   setenv ("FUZZ_OCTAVE", saved{2});
%!   unlink (index);
%! end_unwind_protect
%! assert (status != 0, "the fuzz suite ran without a spec for bp_not_fuzzed:\n%s", out);
%! assert (! isempty (strfind (out, "no fuzz spec for bp_not_fuzzed")), ...
%!         "the refusal does not name the function:\n%s", out);
%! assert (isempty (strfind (out, "running ")), "calls were run:\n%s", out);
