package dev.ganiqa.harness.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ganiqa.datasets.AtomicFiles;
import dev.ganiqa.metrics.eval.MetricDefinitions;
import dev.ganiqa.reports.model.Tuning;
import dev.ganiqa.reports.model.UnitResult;
import dev.ganiqa.trainers.GanVariant;
import dev.ganiqa.trainers.GanVariants;
import dev.ganiqa.trainers.TrainingListener;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * {@code ganiqa tune}: the same search for every variant. The settings to try are drawn once from the
 * {@link SearchSpace} ({@code grid}, or {@code random} with a seed), and every variant trains one unit per setting
 * with the same budget, data, batch and seed; each trial is scored by the FID of its last learning-curve point against
 * the validation split, and the test split is never evaluated. The lowest validation FID of each variant's trials that
 * did not diverge is chosen. Everything is written to the folder's {@value #FILE} after every trial (atomically), which
 * {@code compare --tuned} reads; a rerun continues the search, and the trials run on parallel workers like a
 * comparison's units.
 */
public final class Tuner {
    public static final String FILE = "tuning.json";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The search: its kind, trials per variant, seed and space. */
    public record Search(String kind, int trials, long seed, SearchSpace space) {
    }

    private final CompareConfig config;
    private final Search search;
    private final Path dir;
    private final PrintStream err;
    private final Map<String, String> env;
    private final IntFunction<Parallelism> parallelism;
    private final Function<String, TrainingListener> progress;
    private Tuning tuning;

    /**
     * @param config the trials' common configuration: variants, budget, training subset, one seed, curve samples (the
     *               validation FID's sample size), extractor, batch; its settings apply under every trial's
     */
    public Tuner(CompareConfig config, Search search, Path dir, PrintStream err, Map<String, String> env,
                 IntFunction<Parallelism> parallelism, Function<String, TrainingListener> progress) {
        if (config.seeds().size() != 1) {
            throw new IllegalArgumentException("expected one training seed for every trial, found " + config.seeds());
        }
        if (config.curveSamples() < 2) {
            throw new IllegalArgumentException("expected curve samples >= 2 (the validation FID of each trial), found "
                    + config.curveSamples());
        }
        this.config = config;
        this.search = search;
        this.dir = dir;
        this.err = err;
        this.env = Map.copyOf(env);
        this.parallelism = parallelism;
        this.progress = progress;
    }

    /**
     * The trials: setting by setting, every searched variant at each (so an interrupted search has compared them
     * alike). A matched variant whose conditional partner is searched too has no trials of its own: it takes the
     * partner's choice ({@link #inherited}), or tuning both independently would tune away the very terms that make
     * the pair differ in the label alone (measured: dcgan-matched's trials then equal dcgan's to the last bit).
     */
    Plan plan() {
        List<Map<String, String>> settings = search.space().draw(search.kind(), search.trials(), search.seed());
        long seed = config.seeds().get(0);
        List<Plan.Entry> out = new ArrayList<>();
        for (int t = 0; t < settings.size(); t++) {
            for (String v : searched()) {
                out.add(new Plan.Entry(out.size(), v, seed, v + "-t" + (t + 1) + "-seed" + seed,
                        SearchSpace.overrides(v, settings.get(t))));
            }
        }
        return new Plan(out, true);
    }

    public Tuning run() throws IOException, InterruptedException {
        long start = System.nanoTime();
        try (RunFolder folder = RunFolder.lock(dir)) {
            if (folder.check(config).isPresent()) {
                throw new IllegalArgumentException(dir + ": expected the budget the search began with, found "
                        + config.budget() + " (a search is not extended)");
            }
            Plan plan = plan();
            if (Files.exists(dir.resolve(Plan.FILE)) && !Plan.read(dir).equals(plan)) {
                throw new IllegalArgumentException(dir + ": expected the search " + dir.resolve(Plan.FILE)
                        + " records, found another one (search, trials, seed or space differ); use another --out");
            }
            folder.removeTemporaries();
            Plan.Entry first = plan.units().get(0);
            Parallelism par = parallelism.apply(left(plan, read()).size());
            int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
            try (Workspace ws = Workspace.open(config, env, par.jobs() == 1 ? par.threads() : cores, this::notice)) {
                String sha = ProvenanceFactory.sha256(ws.train, ws.validation, ws.test);
                tuning = read().orElse(new Tuning(config.dataSpec(), sha, config.variants(), search.kind(),
                        search.seed(), search.space().dimensions(), ResultsMapping.budget(config).describe(),
                        first.seed(), ws.extractor.info().label(), List.of(), Map.of()));
                if (!sha.equals(tuning.datasetSha256())) {
                    throw new IllegalArgumentException(dir.resolve(FILE) + ": expected the data the search began with "
                            + "(sha256 " + tuning.datasetSha256() + "), found other images (sha256 " + sha + ")");
                }
                folder.record(config);
                plan.write(dir);
                ws.validationEvaluator();
                if (par.jobs() > 1) {
                    ws.shareValidation(dir);
                }
                for (Plan.Entry e : plan.units()) {
                    Optional<UnitFile> f = UnitFile.read(dir, e.name());
                    if (f.isPresent() && done(f.get().result()) && !recorded(e)) {
                        tuning = tuning.withTrial(trial(e, f.get().result()));
                    }
                }
                write();
                List<Plan.Entry> left = left(plan, Optional.of(tuning));
                List<String> inheriting = config.variants().stream().filter(v -> inherited(v).isPresent()).toList();
                if (!inheriting.isEmpty()) {
                    notice(String.join(", ", inheriting.stream().map(v -> v + " takes " + inherited(v).get()
                            + "'s choice").toList()) + " (a matched pair differs in the label alone)");
                }
                notice("tuning " + String.join(", ", searched()) + ": " + plan.units().size()
                        / searched().size() + " " + search.kind() + " setting(s) each, " + left.size()
                        + " trial(s) left, scored on " + ws.validation.size() + " validation images");
                new LocalRun(config, plan, dir, ws, par, env, this::notice, progress, start).run(left, Map.of(),
                        (entry, result, node, threads) -> {
                            tuning = tuning.withTrial(trial(entry, result));
                            write();
                        });
            }
            if (left(plan, Optional.of(tuning)).isEmpty()) {
                tuning = tuning.withChosen(choose());
                write();
            }
            return tuning;
        }
    }

    private boolean recorded(Plan.Entry e) {
        return tuning.trials().stream().anyMatch(t -> t.variant().equals(e.variant()) && t.trial() == trialNumber(e)
                && !t.status().equals("FAILED"));
    }

    private static boolean done(UnitResult r) {
        return r.status() != dev.ganiqa.reports.model.UnitStatus.FAILED;
    }

    private List<Plan.Entry> left(Plan plan, Optional<Tuning> t) {
        return plan.units().stream().filter(e -> t.isEmpty() || t.get().trials().stream().noneMatch(
                x -> x.variant().equals(e.variant()) && x.trial() == trialNumber(e) && !x.status().equals("FAILED")))
                .toList();
    }

    static int trialNumber(Plan.Entry e) {
        String rest = e.name().substring(e.variant().length() + 2);
        return Integer.parseInt(rest.substring(0, rest.indexOf('-')));
    }

    private static Tuning.Trial trial(Plan.Entry e, UnitResult r) {
        var fid = r.metrics().get(MetricDefinitions.FID_VALIDATION);
        return new Tuning.Trial(e.variant(), trialNumber(e), e.settings(), r.status().toString(),
                fid == null ? null : fid.value(), fid == null ? null : fid.std(),
                r.convergence() == null ? null : r.convergence().words(),
                r.training() == null ? 0 : r.training().wallSeconds());
    }

    /** The variants with trials of their own: all but the matched ones whose partner is searched. */
    private List<String> searched() {
        return config.variants().stream().filter(v -> inherited(v).isEmpty()).toList();
    }

    /** The searched conditional partner whose choice {@code variant} takes, if it is a matched variant with one. */
    private Optional<String> inherited(String variant) {
        return GanVariants.partner(variant).map(GanVariant::name).filter(config.variants()::contains);
    }

    /**
     * Per searched variant, the settings of its OK trial with the lowest validation FID (the first of equals); per
     * matched variant, its partner's settings under its own name.
     */
    private Map<String, List<String>> choose() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String v : searched()) {
            tuning.trials().stream().filter(t -> t.variant().equals(v) && t.status().equals("OK")
                            && t.validationFid() != null && Double.isFinite(t.validationFid()))
                    .min(Comparator.comparingDouble(Tuning.Trial::validationFid)
                            .thenComparingInt(Tuning.Trial::trial))
                    .ifPresent(t -> out.put(v, t.settings()));
        }
        for (String v : config.variants()) {
            inherited(v).map(out::get).ifPresent(settings -> out.put(v, settings.stream()
                    .map(x -> v + x.substring(x.indexOf('.'))).toList()));
        }
        return out;
    }

    private Optional<Tuning> read() throws IOException {
        Path file = dir.resolve(FILE);
        return Files.exists(file) ? Optional.of(read(file)) : Optional.empty();
    }

    /**
     * A search's tuning.json (or its folder), or the results.json of a tuned comparison, whose
     * {@code provenance.tuning} is the search it used: a published bundle then reproduces its settings without the
     * tune folder it was made from.
     */
    public static Tuning read(Path file) throws IOException {
        Path f = Files.isDirectory(file) ? file.resolve(FILE) : file;
        com.fasterxml.jackson.databind.JsonNode tree = RunJson.read(JSON, f, com.fasterxml.jackson.databind.JsonNode.class,
                "a tuning search (ganiqa tune)", "a tuning search");
        com.fasterxml.jackson.databind.JsonNode provenance = tree.get("provenance");
        if (provenance != null) {
            com.fasterxml.jackson.databind.JsonNode search = provenance.get("tuning");
            if (search == null || search.isNull()) {
                throw new IOException(f + ": expected a tuning search or the results.json of a tuned comparison, "
                        + "found a results.json without provenance.tuning (compare ran without --tuned)");
            }
            tree = search;
        }
        try {
            return JSON.treeToValue(tree, Tuning.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(f + ": expected a tuning search, found " + e.getOriginalMessage(), e);
        }
    }

    private void write() throws IOException {
        AtomicFiles.write(dir.resolve(FILE), out -> JSON.writeValue(out, tuning));
    }

    private void notice(String message) {
        err.println("ganiqa: " + message);
    }
}
