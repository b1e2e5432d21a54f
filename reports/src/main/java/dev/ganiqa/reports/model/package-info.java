/**
 * The results model: the contract between the {@code ganiqa compare} pipeline (harness), which fills it, and
 * the report and site, which only read it. Serialised as results.json by {@link dev.ganiqa.reports.model.ResultsJson}
 * (Jackson, records as objects, times as ISO-8601, nulls omitted, written atomically).
 *
 * <h2>Shape</h2>
 * <pre>
 * RunResults  schemaVersion, runId
 *  +- Provenance      ganiqaVersion, DatasetInfo(spec, sha256, splitSizes, size, classNames),
 *  |                  variantConfigs (variant -> map), seeds, Budget(kind epochs|gsteps|time, amount),
 *  |                  ExtractorInfo(name, version, sha256),
 *  |                  Environment(java, TF, OS, CPU, cores), startedAt/finishedAt, wallSeconds, commandLine,
 *  |                  Execution(executor local|slurm, jobIds, unitNodes; absent in older files)
 *  +- metrics         List&lt;MetricInfo&gt;: id, label, Direction, extractorBased (the metrics module's definitions, copied in by the pipeline)
 *  +- units           List&lt;UnitResult&gt;, one per (variant, seed):
 *  |                  UnitStatus (+ reason), TrainingStats (epochs, generator/critic steps, images seen, wall
 *  |                  time, Collapse: the trainer's per-class collapse flag), PhaseTimes, curve (EpochPoint: epoch, fid, losses, position on every budget axis),
 *  |                  BestEpoch, metrics (id -> MetricValue), imageMeasures (id -> Distribution),
 *  |                  PerClassFid, sampleGrid (ImageRef), neighbours (NeighbourPair),
 *  |                  Convergence (IMPROVING | FLAT | WORSENING | OSCILLATING | NOT_STARTED | UNKNOWN at the end),
 *  |                  budget (the Budget the unit was trained to; behind the run's after a killed extension)
 *  +- reference       RealReference: the test-vs-train row with the same maps, plus a real sample grid
 *  +- variants        List&lt;VariantSummary&gt;: metric id -> MetricSummary(n, mean, std, 95% CI, rank)
 *  +- tests           List&lt;PairwiseTest&gt;: metric, A, B, test, p, Holm-adjusted p, significant
 *  +- verdict         Verdict(sentence, Confidence, metric, winner, provisional)
 *  +- missing         List&lt;UnitId&gt;(variant, seed): planned units without a result (see {@link dev.ganiqa.reports.model.Completeness})
 * </pre>
 *
 * <h2>How the pipeline fills it</h2>
 * <ul>
 *   <li>Metric maps are keyed by the ids of the file's own {@code metrics} list; a new metric only
 *       needs a {@link dev.ganiqa.reports.model.MetricInfo} in {@code RunResults.metrics}, no schema change.
 *       Extractor-based metrics are labelled with the extractor's name in every report.</li>
 *   <li>{@code variants}, {@code tests} and {@code verdict} come from
 *       {@code dev.ganiqa.harness.compare.stats.SeedStatistics} applied to the OK units.</li>
 *   <li>Images: embed small PNGs with {@code ImageRef.png(bytes, caption)}; {@code ImageRef.file} paths are
 *       relative to the run folder and are inlined by the report when it renders.</li>
 *   <li>Image measures: {@code Distribution.of(values)} keeps summary statistics and at most 500 values.</li>
 *   <li>A diverged or failed unit is still recorded with its reason; it enters no statistic. A collapsed unit
 *       (flag in {@code TrainingStats.collapse}) is OK: it enters the statistics and the report flags it.</li>
 *   <li>A run with planned units missing, or OK units behind its budget, is incomplete: it ranks nothing (no
 *       winner, no best cell, no tests or claims) and the report says at the top what it lacks.</li>
 *   <li>Write after every finished unit with {@code ResultsJson.write} (atomic), so an interrupted run leaves a
 *       valid file to resume from.</li>
 * </ul>
 * Records validate in their compact constructors; collections are copied and never null. Nothing here renders.
 */
package dev.ganiqa.reports.model;
