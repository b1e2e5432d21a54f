/**
 * A comparison of GAN recipes, as the data flows:
 * <ol>
 *   <li><b>plan</b>: {@link dev.ganiqa.harness.compare.CompareConfig} (validated options, a {@code Preset}, tuned
 *       settings from {@code --tuned}) becomes a {@link dev.ganiqa.harness.compare.Plan} of units (variant x seed x
 *       budget) and a {@link dev.ganiqa.harness.compare.Workspace} (the data split into training, validation and
 *       test once, the extractor, the reference statistics and features shared by every unit);</li>
 *   <li><b>run</b>: each unit is trained and sampled by {@link dev.ganiqa.harness.compare.UnitRunner} (trainers
 *       module), then evaluated by {@link dev.ganiqa.harness.compare.UnitEvaluator} (the metrics module's {@code eval}
 *       for set and per-class metrics, its {@code image} measures for sharpness and noise); units run here ({@link dev.ganiqa.harness.compare.Comparison}, side by side
 *       in worker processes: {@code LocalWorkers}) or on Slurm (the {@code slurm} package, which uses this one and
 *       never the other way): each an {@link dev.ganiqa.harness.compare.Executor}, chosen by
 *       {@link dev.ganiqa.harness.compare.ExecutorKind};</li>
 *   <li><b>record</b>: every unit's outcome is a {@code UnitFile} in the {@link dev.ganiqa.harness.compare.RunFolder},
 *       whose rules (which units are done, what a continued run may change, locks) let any run resume;</li>
 *   <li><b>collect</b>: the units, learning curves and statistics ({@code stats}) become the reports module's
 *       results model ({@link dev.ganiqa.harness.compare.ProvenanceFactory} for the provenance), written as
 *       results.json and a report.</li>
 * </ol>
 * {@link dev.ganiqa.harness.compare.Tuner} runs the same loop over a search space on the validation split.
 */
package dev.ganiqa.harness.compare;
