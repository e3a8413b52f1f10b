## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later
##
## Bad-input tests of bp_load_idx: corrupted IDX files, plain and
## gzip-compressed.  A downloaded data set can be cut short, saved as an
## HTML error page, or compressed twice; each case must give an error with
## a backprop:bp_load_idx:<reason> identifier and a message naming the
## file, and must leave nothing behind: nothing in the temporary folder,
## no decompressed copy next to the user's file, the working directory
## unchanged.  Each file is written byte by byte here, so the bytes under
## test are exactly the ones shown.
##
## Then hostile files rather than broken ones: a named pipe, a file called
## "-", a gzip bomb, a sparse file of 3 GB, headers whose dimensions no
## array can have.  The calls that once hung, read the standard input or
## ran out of memory the hard way run in a child Octave with a timeout
## (and, where it matters, limits on memory or on the size of the files
## it may write), so that a regression fails here instead of hanging the
## test run.

%!function bytes = idx_bytes (code, dims, payload)
%!  ## The bytes of an IDX file: magic, type CODE, big-endian uint32 DIMS,
%!  ## then PAYLOAD (already a row of bytes).
%!  be32 = @(v) double (typecast (swapbytes (uint32 (v)), "uint8"));
%!  bytes = [0 0 code numel(dims)];
%!  for d = dims
%!    bytes = [bytes be32(d)];
%!  endfor
%!  bytes = [bytes payload];

%!function write_bytes (path, bytes)
%!  fid = fopen (path, "w");
%!  fwrite (fid, bytes, "uint8");
%!  fclose (fid);

%!function bytes = read_bytes (path)
%!  fid = fopen (path, "r");
%!  bytes = fread (fid, Inf, "uint8")';
%!  fclose (fid);

%!function gz = gzip_bytes (dir, bytes)
%!  ## The gzip compression of BYTES, as a row of bytes.
%!  plain = fullfile (dir, "plain");
%!  write_bytes (plain, bytes);
%!  gzip (plain, dir);
%!  gz = read_bytes ([plain ".gz"]);
%!  unlink ([plain ".gz"]);
%!  unlink (plain);

%!function expect_error (file, reason, pattern)
%!  ## bp_load_idx (FILE) must fail with REASON, a message naming FILE and
%!  ## matching PATTERN, and leave the temporary folder (a fresh one for
%!  ## the call), FILE's directory and the working directory as they were.
%!  siblings = readdir (fileparts (file));
%!  here = pwd ();
%!  tmp = tempname ();
%!  mkdir (tmp);
%!  saved = getenv ("TMPDIR");
%!  setenv ("TMPDIR", tmp);
%!  unwind_protect
%!    try
%!      bp_load_idx (file);
%!      error ("test:no_error", "no error for %s (expected %s)", file, reason);
%!    catch err
%!      assert (err.identifier, ["backprop:bp_load_idx:" reason]);
%!      assert (! isempty (strfind (err.message, file)), ...
%!              "message does not name the file: %s", err.message);
%!      assert (! isempty (regexp (err.message, pattern, "once")), ...
%!              "message '%s' does not match '%s'", err.message, pattern);
%!    end_try_catch
%!    assert (readdir (tmp), {"."; ".."});
%!  unwind_protect_cleanup
%!    if (isempty (saved))
%!      unsetenv ("TMPDIR");
%!    else
%!      setenv ("TMPDIR", saved);
%!    endif
%!    confirm_recursive_rmdir (false, "local");
%!    rmdir (tmp, "s");
%!  end_unwind_protect
%!  assert (readdir (fileparts (file)), siblings);
%!  assert (pwd (), here);

%!shared dir, f, good
%! dir = tempname ();
%! mkdir (dir);
%! f = fullfile (dir, "data.idx");
%! ## Two 2-by-2 uint8 images.
%! good = idx_bytes (0x08, [2 2 2], [0 51 102 255 1 2 3 4]);

%!test
%! ## The well-formed file reads back (the baseline for the cases below).
%! write_bytes (f, good);
%! assert (bp_load_idx (f), [0 51 102 255; 1 2 3 4]' / 255);

%!test
%! ## Truncated header: empty file, inside the magic/type/count bytes,
%! ## inside the list of dimensions.
%! write_bytes (f, []);
%! expect_error (f, "truncated", "header needs 4 bytes, the file has 0");
%! write_bytes (f, [0 0 8]);
%! expect_error (f, "truncated", "header needs 4 bytes, the file has 3");
%! write_bytes (f, good(1:9));
%! expect_error (f, "truncated", "inside its header: 3 dimensions declared, 1 present");
%! write_bytes (f, good(1:14));
%! expect_error (f, "truncated", "3 dimensions declared, 2 present");

%!test
%! ## Truncated payload: one byte short, no payload at all; a multi-byte
%! ## type cut inside a value.
%! write_bytes (f, good(1:end-1));
%! expect_error (f, "truncated", "promises 8 uint8 values \\(8 bytes\\), only 7");
%! write_bytes (f, good(1:16));
%! expect_error (f, "truncated", "only 0 bytes follow");
%! write_bytes (f, idx_bytes (0x0E, 2, zeros (1, 15)));
%! expect_error (f, "truncated", "2 float64 values \\(16 bytes\\), only 15");

%!test
%! ## A corrupt header that promises terabytes is caught before any
%! ## allocation, as a truncation.
%! write_bytes (f, idx_bytes (0x0E, [2^32-1 2^32-1 2^32-1], 1:8));
%! tic;
%! expect_error (f, "truncated", "only 8 bytes follow");
%! assert (toc < 5);

%!test
%! ## Trailing data: one extra byte, a second file appended.
%! write_bytes (f, [good 0]);
%! expect_error (f, "trailing_data", "1 byte of trailing data");
%! write_bytes (f, [good good]);
%! expect_error (f, "trailing_data", "24 bytes of trailing data");

%!test
%! ## Bad magic: text, an HTML error page, a PNG, a single nonzero byte.
%! write_bytes (f, double ("P5\n28 28\n255\n"));
%! expect_error (f, "bad_magic", "not an IDX file: it starts with bytes 50 35");
%! write_bytes (f, double ("<!DOCTYPE html><title>404</title>"));
%! expect_error (f, "bad_magic", "3C 21");
%! write_bytes (f, [0x89 double("PNG") 13 10 26 10]);
%! expect_error (f, "bad_magic", "89 50");
%! write_bytes (f, 1);
%! expect_error (f, "bad_magic", "bytes 01,");
%! write_bytes (f, [0 1 8 1 0 0 0 0]);
%! expect_error (f, "bad_magic", "00 01");

%!test
%! ## Unknown type code and zero dimensions.
%! write_bytes (f, [0 0 0x07 1 0 0 0 1 5]);
%! expect_error (f, "unknown_type", "type code 0x07");
%! write_bytes (f, [0 0 0xFF 1 0 0 0 1 5]);
%! expect_error (f, "unknown_type", "type code 0xFF");
%! write_bytes (f, [0 0 0x08 0 5]);
%! expect_error (f, "bad_header", "declares 0 dimensions");

%!test
%! ## Garbage gzip: the gzip magic followed by junk, a gzip stream cut in
%! ## half, a gzip stream with its checksum damaged.
%! gz = gzip_bytes (dir, good);
%! write_bytes (f, [0x1F 0x8B 0 0 0 0 0 0]);
%! expect_error (f, "bad_gzip", "does not decompress");
%! write_bytes (f, [0x1F 0x8B randi([0 255], 1, 200)]);
%! expect_error (f, "bad_gzip", "does not decompress");
%! write_bytes (f, gz(1:floor (end/2)));
%! expect_error (f, "bad_gzip", "does not decompress");
%! damaged = gz;
%! damaged(end-5) = bitxor (damaged(end-5), 0xFF);
%! write_bytes (f, damaged);
%! expect_error (f, "bad_gzip", "does not decompress");

%!test
%! ## Valid gzip around a corrupted IDX file: the message says the
%! ## problem was found after decompression.
%! write_bytes (f, gzip_bytes (dir, good(1:end-3)));
%! expect_error (f, "truncated", "\\(decompressed\\) is truncated.*only 5 bytes");
%! write_bytes (f, gzip_bytes (dir, [good 7]));
%! expect_error (f, "trailing_data", "\\(decompressed\\) has trailing data after the 8 uint8 values");
%! write_bytes (f, gzip_bytes (dir, double ("<html>not found</html>")));
%! expect_error (f, "bad_magic", "\\(decompressed\\) is not an IDX file");
%! ## Compressed twice: after one gunzip it is still gzip, not IDX.
%! write_bytes (f, gzip_bytes (dir, gzip_bytes (dir, good)));
%! expect_error (f, "bad_magic", "starts with bytes 1F 8B");

%!test
%! ## A gzip file is read in place: nothing is written next to it (its
%! ## directory may be read-only), and a name with shell characters is safe.
%! odd = fullfile (dir, "-it's a \"$(touch pwned)\" `touch pwned`;.gz");
%! write_bytes (odd, gzip_bytes (dir, good));
%! before = readdir (dir);
%! assert (bp_load_idx (odd), [0 51 102 255; 1 2 3 4]' / 255);
%! assert (readdir (dir), before);
%! assert (! exist (fullfile (pwd (), "pwned"), "file"));
%! unlink (odd);

%!test
%! ## Reading a gzip file leaves the working directory and the load path
%! ## alone, without a warning: while Octave's working directory is
%! ## elsewhere (as it is inside Octave's gunzip), a relative folder on the
%! ## path such as addpath ("demo") fails to update and is reported.
%! write_bytes (f, gzip_bytes (dir, good));
%! here = pwd ();
%! cd (dir);
%! mkdir ("rel");
%! unwind_protect
%!   addpath ("rel");
%!   p = path ();
%!   lastwarn ("");
%!   assert (bp_load_idx ("data.idx"), [0 51 102 255; 1 2 3 4]' / 255);
%!   assert (lastwarn (), "");
%!   assert (path (), p);
%!   assert (pwd (), dir);
%! unwind_protect_cleanup
%!   rmpath ("rel");
%!   rmdir ("rel");
%!   cd (here);
%! end_unwind_protect

%!test
%! ## Missing files, directories.
%! expect_error (fullfile (dir, "missing.idx"), "not_found", "no such file");
%! expect_error (fullfile (dir, "no", "such", "dir.idx"), "not_found", "no such file");
%! sub = fullfile (dir, "sub");
%! mkdir (sub);
%! expect_error (sub, "not_regular", "not a regular file");
%! rmdir (sub);

%!test
%! ## A file without read permission (skipped when running as root, who
%! ## can read it anyway).
%! write_bytes (f, good);
%! chmod = @(mode) system (sprintf ("chmod %s '%s'", mode, f));
%! chmod ("000");
%! [fid, ~] = fopen (f, "r");
%! if (fid >= 0)
%!   fclose (fid);
%! else
%!   expect_error (f, "not_readable", "cannot open");
%! endif
%! chmod ("644");

%!test
%! ## The real data set, when it is installed: sizes, range, label counts.
%! d = "/usr/share/datasets/fashion-mnist";
%! images = fullfile (d, "t10k-images-idx3-ubyte.gz");
%! labels = fullfile (d, "t10k-labels-idx1-ubyte.gz");
%! if (exist (images, "file") && exist (labels, "file"))
%!   [X, dims] = bp_load_idx (images);
%!   y = bp_load_idx (labels);
%!   assert (dims, [10000 28 28]);
%!   assert (size (X), [784 10000]);
%!   assert ([min(X(:)) max(X(:))], [0 1]);
%!   assert (accumarray (y' + 1, 1)', 1000 * ones (1, 10));
%! endif

## ---------------------------------------------------------------------
## Hostile files.  The child-process cases print "ID <identifier>" and
## "SECONDS <time of the call>" (or "GOT <value>"); a child that hangs is
## killed by the timeout and the test fails with what it printed.

%!function out = child (code, seconds, kbytes = 0, limits = "")
%!  [status, out] = run_octave_child (code, seconds, kbytes, limits);
%!  assert (status == 0, "the child failed or hung (exit status %d), printing:\n%s", ...
%!          status, out);

%!function v = printed (out, key)
%!  ## The text after "KEY " on the line the child printed it.
%!  v = regexp (out, ['(?<=^' key ' )[^\n]*'], "match", "once", "lineanchors");
%!  assert (! isempty (v), "the child printed no %s line:\n%s", key, out);

%!function code = call_code (file_expr)
%!  ## Child lines (a column) that call bp_load_idx on FILE_EXPR and report.
%!  code = {["f = " file_expr ";"],
%!          "t0 = tic ();",
%!          "try",
%!          "  bp_load_idx (f);  printf ('ID none\\n');",
%!          "catch err",
%!          "  printf ('ID %s\\nMESSAGE %s\\n', err.identifier, err.message);",
%!          "end_try_catch",
%!          "printf ('SECONDS %.3f\\n', toc (t0));"};

%!test
%! ## A named pipe without a writer: refused before it is opened (an open
%! ## would wait for a writer for ever), also behind a symbolic link and
%! ## under a name that says .gz.  Bound: refusing takes one stat, well
%! ## under a second; 5 s leaves room for a loaded machine.
%! for name = {"fifo.idx", "fifo.gz", "link.idx"}
%!   code = [{"d = tempname ();  mkdir (d);",
%!            "[err, msg] = mkfifo (fullfile (d, 'fifo.idx'), 600);",
%!            "assert (err == 0, msg);",
%!            "[err, msg] = mkfifo (fullfile (d, 'fifo.gz'), 600);",
%!            "assert (err == 0, msg);",
%!            "symlink (fullfile (d, 'fifo.idx'), fullfile (d, 'link.idx'));"},
%!           call_code(sprintf ("fullfile (d, '%s')", name{1}));
%!           {"confirm_recursive_rmdir (false);  rmdir (d, 's');"}];
%!   out = child (code, 60);
%!   assert (printed (out, "ID"), "backprop:bp_load_idx:not_regular");
%!   assert (str2double (printed (out, "SECONDS")) < 5);
%! endfor

%!test
%! ## A file called "-" is that file, gzip or not, never the standard
%! ## input (gzip -d -c -- - reads stdin even after --).  The child's
%! ## standard input is /dev/null, so reading it gives no IDX file.
%! code = {"d = tempname ();  mkdir (d);  cd (d);",
%!         "fid = fopen ('-', 'w');  fwrite (fid, [0 0 8 1 0 0 0 3 7 0 9], 'uint8');  fclose (fid);",
%!         "printf ('PLAIN %s\\n', mat2str (bp_load_idx ('-')));",
%!         "gzip ('-');  rename ('-.gz', '-');",
%!         "[fid, msg] = fopen ('-');  magic = fread (fid, 2)';  fclose (fid);",
%!         "printf ('MAGIC %s\\n', mat2str (magic));",
%!         "printf ('GZIP %s\\n', mat2str (bp_load_idx ('-')));",
%!         "cd (tempdir ());  confirm_recursive_rmdir (false);  rmdir (d, 's');"};
%! out = child (code, 60);
%! assert (printed (out, "PLAIN"), "[7 0 9]");
%! assert (printed (out, "MAGIC"), "[31 139]");        # it is gzip
%! assert (printed (out, "GZIP"), "[7 0 9]");

%!test
%! ## A gzip bomb: a valid header promising one value, and then 8 GB of
%! ## zeros compressed into 8 MB (8000 gzip members of 1 MB each, which
%! ## gzip and zlib read as one stream).  Only the header and the promised
%! ## byte plus one are decompressed: the call ends at once with
%! ## trailing_data, writes nothing (the child may write no file above
%! ## 10 MB, ulimit -f) and uses no memory to speak of (VmHWM, the peak
%! ## resident size, may grow by at most 64 MB; the whole result is one
%! ## double).  Decompressing 8 GB would take several seconds at any
%! ## speed zlib reaches: the bound is 2 s.
%! code = [{"d = tempname ();  mkdir (d);",
%!          "function put (p, b)",
%!          "  fid = fopen (p, 'w');  fwrite (fid, b, 'uint8');  fclose (fid);",
%!          "endfunction",
%!          "function b = get (p)",
%!          "  fid = fopen (p, 'r');  b = fread (fid, Inf, 'uint8=>uint8')';  fclose (fid);",
%!          "endfunction",
%!          "put (fullfile (d, 'first'), [0 0 8 1 0 0 0 1 5 zeros(1, 2^20)]);",
%!          "put (fullfile (d, 'zeros'), zeros (1, 2^20));",
%!          "gzip (fullfile (d, 'first'));  gzip (fullfile (d, 'zeros'));",
%!          "bomb = [get(fullfile (d, 'first.gz')), repmat(get (fullfile (d, 'zeros.gz')), 1, 8000)];",
%!          "put (fullfile (d, 'bomb.idx'), bomb);",
%!          "printf ('BOMB %d\\n', numel (bomb));",
%!          "hwm = @() sscanf (regexp (fileread ('/proc/self/status'), 'VmHWM:\\s*\\d+', 'match', 'once')(7:end), '%d');",
%!          "before = hwm ();"};
%!         call_code("fullfile (d, 'bomb.idx')");
%!         {"printf ('GROWTH %d\\n', hwm () - before);",
%!          "confirm_recursive_rmdir (false);  rmdir (d, 's');"}];
%! out = child (code, 120, 4e6, "-f 10240");
%! assert (str2double (printed (out, "BOMB")) < 10e6);
%! assert (printed (out, "ID"), "backprop:bp_load_idx:trailing_data");
%! assert (str2double (printed (out, "SECONDS")) < 2);
%! assert (str2double (printed (out, "GROWTH")) < 64 * 1024);

%!test
%! ## A sparse file of 3 GB whose header matches its size (3e9 uint8
%! ## labels): the result would be 24 GB of doubles, so the call is
%! ## refused before reading, in a child capped at 4 GB, with
%! ## out_of_memory, not after seconds of reading with Octave's
%! ## bad-alloc.  The same header in a gzip file (where the size is not
%! ## known before decompressing) is refused the same way.  Bound: a stat
%! ## and a 1 kB read, 2 s.
%! setup = {"d = tempname ();  mkdir (d);",
%!          "f = fullfile (d, 'sparse.idx');",
%!          "fid = fopen (f, 'w');  fwrite (fid, [0 0 8 1], 'uint8');  fwrite (fid, 3e9, 'uint32', 0, 'ieee-be');  fclose (fid);",
%!          "[status, msg] = system (sprintf ('truncate -s %d ''%s''', 8 + 3e9, f));",
%!          "assert (status == 0, msg);",
%!          "g = fullfile (d, 'claim');",
%!          "fid = fopen (g, 'w');  fwrite (fid, [0 0 8 1], 'uint8');  fwrite (fid, 3e9, 'uint32', 0, 'ieee-be');  fwrite (fid, 1:100, 'uint8');  fclose (fid);",
%!          "gzip (g);"};
%! for file = {"f", "[g '.gz']"}
%!   out = child ([setup; call_code(file{1}); {"confirm_recursive_rmdir (false);  rmdir (d, 's');"}], ...
%!                120, 4e6);
%!   assert (printed (out, "ID"), "backprop:bp_load_idx:out_of_memory");
%!   assert (str2double (printed (out, "SECONDS")) < 2);
%! endfor

%!test
%! ## Dimensions whose product no array can have, in a 16-byte file that
%! ## holds all it promises (0 samples of 4294967295-by-4294967295): a
%! ## 1.8e19-by-0 matrix is beyond Octave's index type, so the header is
%! ## refused, not left to Octave's bad-alloc.
%! write_bytes (f, [0 0 8 3 0 0 0 0 255 255 255 255 255 255 255 255]);
%! expect_error (f, "too_large", "dimensions \\[0 4294967295 4294967295\\]");
%! ## As gzip, and with a nonzero first dimension (then it is also short).
%! write_bytes (f, gzip_bytes (dir, [0 0 8 3 0 0 0 0 255 255 255 255 255 255 255 255]));
%! expect_error (f, "too_large", "more than an Octave array can have");
%! write_bytes (f, [0 0 8 3 0 0 0 1 255 255 255 255 255 255 255 255]);
%! expect_error (f, "truncated", "only 0 bytes follow");
%! ## The largest sample that is allowed: 2^26 * 2^27 = 2^53 values, none stored.
%! write_bytes (f, [0 0 8 3 0 0 0 0 4 0 0 0 8 0 0 0]);
%! assert (size (bp_load_idx (f)), [2^53 0]);

%!test
%! ## Last: remove the scratch directory (and check it holds nothing else).
%! unlink (f);
%! assert (readdir (dir), {"."; ".."});
%! rmdir (dir);
