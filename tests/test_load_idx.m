## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later
##
## Bad-input tests of bp_load_idx: corrupted IDX files, plain and
## gzip-compressed.  A downloaded data set can be cut short, saved as an
## HTML error page, or compressed twice; each case must give an error with
## a backprop:bp_load_idx:<reason> identifier and a message naming the
## file, and must leave nothing behind: no temporary directory, no
## decompressed copy next to the user's file, the working directory
## unchanged.  Each file is written byte by byte here, so the bytes under
## test are exactly the ones shown.

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
%!  ## matching PATTERN, and leave tempdir, FILE's directory and the
%!  ## working directory as they were.
%!  temps = glob (fullfile (tempdir (), "bp_load_idx-*"));
%!  siblings = readdir (fileparts (file));
%!  here = pwd ();
%!  try
%!    bp_load_idx (file);
%!    error ("test:no_error", "no error for %s (expected %s)", file, reason);
%!  catch err
%!    assert (err.identifier, ["backprop:bp_load_idx:" reason]);
%!    assert (! isempty (strfind (err.message, file)),
%!            "message does not name the file: %s", err.message);
%!    assert (! isempty (regexp (err.message, pattern, "once")),
%!            "message '%s' does not match '%s'", err.message, pattern);
%!  end_try_catch
%!  assert (glob (fullfile (tempdir (), "bp_load_idx-*")), temps);
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
%! expect_error (f, "truncated", "\\(after gunzip\\) is truncated.*only 5 bytes");
%! write_bytes (f, gzip_bytes (dir, [good 7]));
%! expect_error (f, "trailing_data", "\\(after gunzip\\) has 1 byte of trailing");
%! write_bytes (f, gzip_bytes (dir, double ("<html>not found</html>")));
%! expect_error (f, "bad_magic", "\\(after gunzip\\) is not an IDX file");
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
%! expect_error (fullfile (dir, "missing.idx"), "not_found", "not found");
%! expect_error (fullfile (dir, "no", "such", "dir.idx"), "not_found", "not found");
%! sub = fullfile (dir, "sub");
%! mkdir (sub);
%! expect_error (sub, "unreadable", "is a directory");
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
%!   expect_error (f, "unreadable", "cannot open");
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

%!test
%! ## Last: remove the scratch directory (and check it holds nothing else).
%! unlink (f);
%! assert (readdir (dir), {"."; ".."});
%! rmdir (dir);
