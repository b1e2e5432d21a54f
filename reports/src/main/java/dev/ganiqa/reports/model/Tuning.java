package dev.ganiqa.reports.model;

import java.util.List;
import java.util.Map;

/**
 * A tuning search ({@code ganiqa tune}, written as its folder's tuning.json) and what it chose: every variant gets
 * the same settings to try (the same trials, drawn once), the same budget and seed, and is scored by the FID of its
 * last learning-curve point against the validation split; the test split is never used. A comparison run with
 * {@code --tuned} records the whole search, so the report shows the spread over trials, not only the winner
 * (Lucic et al. 2018 plot it for the same reason).
 *
 * @param data          the dataset spec
 * @param datasetSha256 checksum of the splits as the search read them
 * @param variants      the variants searched
 * @param search        {@code grid} or {@code random}
 * @param searchSeed    the seed of the random draw of settings
 * @param space         each dimension's values, e.g. {@code learningRate: [1e-4, 2e-4, 4e-4]}
 * @param budget        the budget of every trial, in words
 * @param seed          the training seed of every trial
 * @param extractor     the extractor of the validation FID
 * @param trials        every trial's result
 * @param chosen        per variant, the chosen trial's settings ({@code VARIANT.FIELD=VALUE}); absent while unfinished
 */
public record Tuning(String data, String datasetSha256, List<String> variants, String search, long searchSeed,
                     Map<String, List<String>> space, String budget, long seed, String extractor, List<Trial> trials,
                     Map<String, List<String>> chosen) {
    public Tuning {
        variants = Checks.list(variants);
        space = Checks.map(space);
        trials = Checks.list(trials);
        chosen = Checks.map(chosen);
    }

    /**
     * One trial of one variant.
     *
     * @param trial          its number, 1..n, the same setting for every variant
     * @param settings       its overrides ({@code VARIANT.FIELD=VALUE})
     * @param status         OK, DIVERGED or FAILED
     * @param validationFid  FID of the last curve point against the validation split (null unless OK)
     * @param fidError       that FID's bootstrap spread (null when not measured)
     * @param convergence    where its curve stood at the end (null unless OK)
     * @param wallSeconds    its training wall time
     */
    public record Trial(String variant, int trial, List<String> settings, String status, Double validationFid,
                        Double fidError, String convergence, double wallSeconds) {
        public Trial {
            settings = Checks.list(settings);
        }
    }

    public Tuning withTrial(Trial t) {
        List<Trial> out = new java.util.ArrayList<>(trials.stream()
                .filter(x -> !(x.variant().equals(t.variant()) && x.trial() == t.trial())).toList());
        out.add(t);
        out.sort(java.util.Comparator.comparing(Trial::variant).thenComparingInt(Trial::trial));
        return new Tuning(data, datasetSha256, variants, search, searchSeed, space, budget, seed, extractor, out,
                chosen);
    }

    public Tuning withChosen(Map<String, List<String>> c) {
        return new Tuning(data, datasetSha256, variants, search, searchSeed, space, budget, seed, extractor, trials, c);
    }

    /** The chosen settings of every variant, one list. */
    public List<String> chosenSettings() {
        return chosen.values().stream().flatMap(List::stream).toList();
    }
}
