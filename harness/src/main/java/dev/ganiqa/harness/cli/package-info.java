/** The command line plumbing: parsing, dispatch, one-line errors and exit codes. Commands live in {@code commands}. */
package dev.ganiqa.harness.cli;
