package dev.ganiqa.harness.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ganiqa.datasets.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The units of a comparison with their index, as {@value #FILE} in the run folder: Slurm array task i runs unit
 * i. The order is that of the local executor (seeds outer, variants inner). A tuning search's plan holds one unit per
 * trial, each with its own settings, and is {@code validationOnly}: its units are scored on the validation split and
 * never touch the test split.
 */
public record Plan(List<Entry> units, boolean validationOnly) {
    public static final String FILE = "plan.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One unit: its array index, variant, seed, folder name under units/, and the hyper-parameter overrides of this
     * unit on top of the comparison's ({@code FIELD=VALUE}; a tuning trial's setting; empty in a comparison).
     */
    public record Entry(int index, String variant, long seed, String name, List<String> settings) {
        public Entry {
            if (index < 0) {
                throw new IllegalArgumentException("expected a unit index >= 0, found " + index);
            }
            if (variant == null || variant.isBlank() || name == null || name.isBlank()) {
                throw new IllegalArgumentException("expected a variant and a unit name, found " + variant + ", " + name);
            }
            settings = settings == null ? List.of() : List.copyOf(settings);
        }

        public Entry(int index, String variant, long seed, String name) {
            this(index, variant, seed, name, List.of());
        }
    }

    public Plan(List<Entry> units) {
        this(units, false);
    }

    public Plan {
        units = List.copyOf(units);
        for (int i = 0; i < units.size(); i++) {
            if (units.get(i).index() != i) {
                throw new IllegalArgumentException("expected unit indices 0.." + (units.size() - 1)
                        + " in order, found " + units.get(i).index() + " at position " + i);
            }
        }
    }

    public static Plan of(CompareConfig config) {
        List<Entry> out = new ArrayList<>();
        for (long seed : config.seeds()) {
            for (String variant : config.variants()) {
                out.add(new Entry(out.size(), variant, seed, UnitRunner.unitName(variant, seed)));
            }
        }
        return new Plan(out);
    }

    public Entry unit(int index) {
        if (index < 0 || index >= units.size()) {
            throw new IllegalArgumentException("expected a unit index in 0.." + (units.size() - 1) + ", found " + index);
        }
        return units.get(index);
    }

    public void write(Path runDir) throws IOException {
        AtomicFiles.write(runDir.resolve(FILE), out -> JSON.writeValue(out, this));
    }

    public static Plan read(Path runDir) throws IOException {
        return RunJson.read(JSON, runDir.resolve(FILE), Plan.class, "the plan of a prepared comparison",
                "a plan of units");
    }
}
