package dev.ganiqa.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module layout the code promises, read from the sources: dependencies point one way (nothing below the
 * harness imports it; reports imports no other module) and no module's packages form a cycle.
 */
class ArchitectureTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(dev\\.ganiqa\\.[a-z.]+)\\.[A-Z]",
            Pattern.MULTILINE);
    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\n]*", Pattern.DOTALL);
    private static final Pattern QUALIFIED = Pattern.compile("\\b(dev\\.ganiqa\\.[a-z.]+)\\.[A-Z]");

    private static Map<String, Set<String>> packageImports(String module) throws IOException {
        Path src = ROOT.resolve(module).resolve("src/main/java");
        Map<String, Set<String>> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(src)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = src.relativize(file.getParent()).toString().replace('/', '.');
                // Code only: comments may name other packages without depending on them.
                String text = COMMENTS.matcher(Files.readString(file)).replaceAll(" ");
                Set<String> targets = out.computeIfAbsent(pkg, k -> new TreeSet<>());
                for (Pattern p : List.of(IMPORT, QUALIFIED)) {
                    Matcher m = p.matcher(text);
                    while (m.find()) {
                        if (!m.group(1).equals(pkg)) {
                            targets.add(m.group(1));
                        }
                    }
                }
            }
        }
        return out;
    }

    @Test
    void nothingBelowTheHarnessImportsItAndReportsImportsNoOtherModule() throws IOException {
        for (String module : List.of("datasets", "trainers", "metrics", "reports")) {
            packageImports(module).forEach((pkg, targets) -> assertThat(targets).as(pkg)
                    .noneMatch(t -> t.startsWith("dev.ganiqa.harness")));
        }
        packageImports("reports").forEach((pkg, targets) -> assertThat(targets).as(pkg)
                .allMatch(t -> t.startsWith("dev.ganiqa.reports")));
        packageImports("datasets").forEach((pkg, targets) -> assertThat(targets).as(pkg)
                .allMatch(t -> t.startsWith("dev.ganiqa.datasets")));
    }

    /**
     * No extractor may be built or tuned with the held-out out-of-distribution families: the code that trains
     * extractors does not reach the package that makes them.
     */
    @Test
    void extractorTrainingNeverSeesTheHeldOutFamilies() throws IOException {
        assertThat(packageImports("metrics").get("dev.ganiqa.metrics.features.train"))
                .doesNotContain("dev.ganiqa.metrics.eval");
    }

    /**
     * The types mirrored between the metrics or trainers module and the results model are converted in one place
     * ({@code ResultsMapping}): no other harness source constructs them.
     */
    @Test
    void mirroredResultTypesAreMadeOnlyByTheOneMapper() throws IOException {
        Pattern made = Pattern.compile("new (MetricInfo|MetricValue|PerClassFid|Collapse|Budget|ExtractorInfo|"
                + "Distribution)\\(|(MetricValue|Distribution)\\.of\\(");
        Path src = ROOT.resolve("harness/src/main/java");
        List<String> elsewhere = new ArrayList<>();
        try (Stream<Path> files = Files.walk(src)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = COMMENTS.matcher(Files.readString(file)).replaceAll(" ");
                Matcher m = made.matcher(code);
                while (!file.getFileName().toString().equals("ResultsMapping.java") && m.find()) {
                    // Only the results model's types: metrics and trainers have classes of the same names.
                    String type = m.group(1) != null ? m.group(1) : m.group(2);
                    if (code.contains("import dev.ganiqa.reports.model." + type + ";")
                            || code.contains("dev.ganiqa.reports.model." + m.group())) {
                        elsewhere.add(src.relativize(file) + ": " + m.group());
                    }
                }
            }
        }
        assertThat(elsewhere).isEmpty();
    }

    @Test
    void noModulesPackagesFormACycle() throws IOException {
        List<String> cycles = new ArrayList<>();
        for (String module : List.of("datasets", "trainers", "metrics", "reports", "harness")) {
            cycles.addAll(cycles(module));
        }
        assertThat(cycles).isEmpty();
    }

    /** Packages of {@code module} from which an import path leads back to themselves. */
    private static List<String> cycles(String module) throws IOException {
        Map<String, Set<String>> graph = packageImports(module);
        graph.values().forEach(t -> t.removeIf(p -> !p.startsWith("dev.ganiqa." + module)));
        List<String> cycles = new ArrayList<>();
        for (String start : graph.keySet()) {
            // Depth-first search for a path from a package back to itself.
            List<String> stack = new ArrayList<>(List.of(start));
            Set<String> seen = new HashSet<>();
            while (!stack.isEmpty()) {
                String p = stack.remove(stack.size() - 1);
                for (String next : graph.getOrDefault(p, Set.of())) {
                    if (next.equals(start)) {
                        cycles.add(start + " (via " + p + ")");
                    } else if (seen.add(next)) {
                        stack.add(next);
                    }
                }
            }
        }
        return cycles;
    }
}
