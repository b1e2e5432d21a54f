/** The {@code ganiqa} entry point; the harness is the only module that knows all the others. */
package dev.ganiqa.harness;
