package dev.ganiqa.harness.compare;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ganiqa.trainers.GanVariants;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The declared ranges of a tuning search: each dimension a hyper-parameter field ({@link Overrides}) with its
 * values; {@code learningRate} sets both networks' rates. Every variant is searched over the same settings, drawn once
 * (equal tuning budgets, Lucic et al. 2018).
 *
 * <p>The default space spans the settings the variants' sources use: Adam learning rates 1e-4 (WGAN-GP, Gulrajani et
 * al. 2017), 2e-4 (DCGAN, Radford et al. 2015; Miyato &amp; Koyama 2018) and 4e-4 (the conditional recipes' ablation,
 * no published source); beta1 0 (Gulrajani et al., algorithm 1) and 0.5 (Radford et al.); the mode-seeking weight 0,
 * 0.5 and 1 (Mao et al. 2019 use 1). 18 settings.
 *
 * @param dimensions field name to its values, in declaration order
 */
public record SearchSpace(Map<String, List<String>> dimensions) {
    public static final String LEARNING_RATE = "learningRate";

    public SearchSpace {
        if (dimensions == null || dimensions.isEmpty()) {
            throw new IllegalArgumentException("expected at least one dimension in the search space, found none");
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        dimensions.forEach((k, v) -> {
            if (v == null || v.isEmpty()) {
                throw new IllegalArgumentException("expected values for search dimension '" + k + "', found none");
            }
            copy.put(k, List.copyOf(v));
        });
        dimensions = Collections.unmodifiableMap(copy);
        // Every value must be a valid override of every variant: fail now, not after hours of training.
        for (Map<String, String> setting : grid(dimensions)) {
            for (var v : GanVariants.all()) {
                Overrides.apply(v, overrides(v.name(), setting));
            }
        }
    }

    public static SearchSpace defaults() {
        Map<String, List<String>> d = new LinkedHashMap<>();
        d.put(LEARNING_RATE, List.of("1e-4", "2e-4", "4e-4"));
        d.put("beta1", List.of("0", "0.5"));
        d.put("modeSeeking", List.of("0", "0.5", "1"));
        return new SearchSpace(d);
    }

    /** A JSON object of dimension name to a list of values, e.g. {@code {"learningRate": ["1e-4", "2e-4"]}}. */
    public static SearchSpace read(Path file) throws IOException {
        Map<String, List<Object>> raw;
        try {
            raw = new ObjectMapper().readValue(file.toFile(), new TypeReference<>() { });
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(file + ": expected a JSON object of dimension to values, found unreadable JSON: "
                    + e.getOriginalMessage(), e);
        }
        Map<String, List<String>> d = new LinkedHashMap<>();
        raw.forEach((k, v) -> d.put(k, v == null ? null : v.stream().map(String::valueOf).toList()));
        try {
            return new SearchSpace(d);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** Every combination, the first dimension varying slowest. */
    public List<Map<String, String>> grid() {
        return grid(dimensions);
    }

    private static List<Map<String, String>> grid(Map<String, List<String>> dimensions) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (var dim : dimensions.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : out) {
                for (String value : dim.getValue()) {
                    Map<String, String> m = new LinkedHashMap<>(partial);
                    m.put(dim.getKey(), value);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    /**
     * The settings to try: the whole grid ({@code grid}, when it holds at most {@code trials}), or {@code trials}
     * distinct settings drawn from it by a seeded shuffle ({@code random}).
     */
    public List<Map<String, String>> draw(String search, int trials, long seed) {
        List<Map<String, String>> all = grid();
        if (trials < 1) {
            throw new IllegalArgumentException("expected at least 1 trial, found " + trials);
        }
        switch (search) {
            case "grid" -> {
                if (all.size() > trials) {
                    throw new IllegalArgumentException("expected --trials >= the grid's " + all.size()
                            + " settings for --search grid, found " + trials + " (use --search random)");
                }
                return all;
            }
            case "random" -> {
                List<Map<String, String>> shuffled = new ArrayList<>(all);
                SplittableRandom random = new SplittableRandom(seed);
                for (int i = shuffled.size() - 1; i > 0; i--) {
                    Collections.swap(shuffled, i, random.nextInt(i + 1));
                }
                return shuffled.subList(0, Math.min(trials, shuffled.size()));
            }
            default -> throw new IllegalArgumentException("expected --search grid or random, found '" + search + "'");
        }
    }

    /** {@code setting} as overrides of {@code variant}: {@code wgan.learningRateG=2e-4}, ... */
    public static List<String> overrides(String variant, Map<String, String> setting) {
        List<String> out = new ArrayList<>();
        setting.forEach((k, v) -> {
            if (k.equals(LEARNING_RATE)) {
                out.add(variant + ".learningRateG=" + v);
                out.add(variant + ".learningRateD=" + v);
            } else {
                out.add(variant + "." + k + "=" + v);
            }
        });
        return out;
    }
}
