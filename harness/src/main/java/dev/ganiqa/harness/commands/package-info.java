/** One class per {@code ganiqa} subcommand: parameters, validation, and a call into the pipeline. */
package dev.ganiqa.harness.commands;
