package dev.ganiqa.reports.site;

import dev.ganiqa.reports.html.HtmlReport;
import dev.ganiqa.reports.html.ReportLinks;
import dev.ganiqa.reports.html.Templates;
import dev.ganiqa.reports.io.FileOutput;
import dev.ganiqa.reports.model.Completeness;
import dev.ganiqa.reports.model.ResultsJson;
import dev.ganiqa.reports.model.RunResults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A static site ready for any web server:
 * <pre>
 * SITE/index.html                    leaderboards per (dataset, extractor) and the list of runs
 * SITE/runs/RUN/index.html           the run's report
 * SITE/runs/RUN/results.json         the run's results with its images embedded ({@link SelfContained})
 * </pre>
 * RUN is {@link RunFolders#of(String)} of the run id, so a page never moves. Publishing again adds or
 * replaces the given runs and rebuilds the index from every results.json under {@code runs/}; earlier runs and
 * their links stay. All links are relative; every file is written through the given {@link FileOutput}.
 */
public final class SitePublisher {
    public static final String RUNS = "runs";
    public static final String PAGE = "index.html";

    private final FileOutput output;

    /** @param output the atomic writer every page and results.json goes through */
    public SitePublisher(FileOutput output) {
        this.output = output;
    }

    /** Publishes {@code runDirs} (each holding a results.json) into {@code siteDir}; returns the run pages. */
    public List<Path> publish(List<Path> runDirs, Path siteDir) throws IOException {
        Map<Path, RunResults> runs = new LinkedHashMap<>();
        for (Path dir : runDirs) {
            runs.put(dir, ResultsJson.read(dir));
        }
        return publish(runs, siteDir);
    }

    /**
     * Publishes runs already read (the caller may have brought what they record up to date): each key is the run
     * folder or the results.json its images are found beside.
     */
    public List<Path> publish(Map<Path, RunResults> runs, Path siteDir) throws IOException {
        HtmlReport report = new HtmlReport();
        List<Path> pages = new ArrayList<>();
        ReportLinks links = new ReportLinks(ResultsJson.FILE_NAME, "../../" + PAGE);
        for (Map.Entry<Path, RunResults> run : runs.entrySet()) {
            Path folder = folderOf(siteDir, run.getValue());
            Path existing = folder.resolve(ResultsJson.FILE_NAME);
            Path source = Files.isDirectory(run.getKey()) ? run.getKey().resolve(ResultsJson.FILE_NAME) : run.getKey();
            // The site's copy embeds the grids: the run folder (samples, checkpoints) does not travel with it. The
            // page is rendered from that copy, so it shows what the site's results.json holds.
            byte[] json = ResultsJson.toBytes(SelfContained.of(run.getValue(), source.toAbsolutePath().getParent()));
            String html = report.render(shown(ResultsJson.parse(json, existing), folder), null, null, links);
            output.write(existing, json);
            Path page = folder.resolve(PAGE);
            output.write(page, html.getBytes(StandardCharsets.UTF_8));
            pages.add(page);
        }
        writeIndex(siteDir);
        return pages;
    }

    /**
     * The run's folder on the site: {@link RunFolders#of} of its id, unless that folder holds another run with the
     * same id (two machines' {@code runs/20261130-101010}, two folders named {@code run-a}); then the run gets a
     * folder and an id of its own, so no run's page is ever replaced by another's. The same run (same id and start
     * time) published again replaces its own page. Never through a symbolic link: that could write outside the site.
     */
    static Path folderOf(Path siteDir, RunResults run) throws IOException {
        Path runs = siteDir.resolve(RUNS);
        refuseLink(runs);
        Path folder = runs.resolve(RunFolders.of(run.runId()));
        if (holdsOther(folder, run)) {
            folder = runs.resolve(RunFolders.distinct(run.runId(), String.valueOf(run.provenance().startedAt())));
            if (holdsOther(folder, run)) {
                throw new IOException(folder + ": expected run " + run.runId() + ", found another run's folder");
            }
        }
        return folder;
    }

    private static boolean holdsOther(Path folder, RunResults run) throws IOException {
        refuseLink(folder);
        Path existing = folder.resolve(ResultsJson.FILE_NAME);
        refuseLink(existing);
        if (!Files.exists(existing)) {
            return false;
        }
        return !ResultsJson.read(existing).sameRun(run);
    }

    private static void refuseLink(Path path) throws IOException {
        if (Files.isSymbolicLink(path)) {
            throw new IOException(path + ": expected a folder or file of the site, found a symbolic link (to "
                    + Files.readSymbolicLink(path) + "); publish never writes through links");
        }
    }

    /** A run published under a folder of its own is shown under that folder's name, its own id on the site. */
    private static RunResults shown(RunResults run, Path folder) {
        String name = folder.getFileName().toString();
        if (name.equals(RunFolders.of(run.runId()))) {
            return run;
        }
        return run.withRunId(name);
    }

    private void writeIndex(Path siteDir) throws IOException {
        List<RunResults> all = new ArrayList<>();
        Map<String, String> hrefs = new LinkedHashMap<>();
        Path runsDir = siteDir.resolve(RUNS);
        try (Stream<Path> folders = Files.list(runsDir)) {
            for (Path folder : folders.sorted().toList()) {
                Path file = folder.resolve(ResultsJson.FILE_NAME);
                if (Files.isRegularFile(file)) {
                    RunResults r = shown(ResultsJson.read(file), folder);
                    all.add(r);
                    hrefs.put(r.runId(), RUNS + "/" + folder.getFileName() + "/");
                }
            }
        }
        all.sort(Comparator.comparing((RunResults r) -> r.provenance().startedAt() == null ? Instant.EPOCH
                : r.provenance().startedAt()).reversed());
        List<SiteIndex.Board> boards = new ArrayList<>();
        Map<String, String> pageHrefs = new LinkedHashMap<>();
        hrefs.forEach((id, href) -> pageHrefs.put(id, href + PAGE));
        Leaderboards.group(all).values().forEach(group -> boards.add(Leaderboards.board(group, pageHrefs)));
        List<SiteIndex.RunLine> lines = all.stream().map(r -> new SiteIndex.RunLine(r.runId(),
                pageHrefs.get(r.runId()), hrefs.get(r.runId()) + ResultsJson.FILE_NAME, r.provenance().dataset().spec(),
                r.provenance().extractor().name(),
                r.provenance().startedAt() == null ? "\u2013" : r.provenance().startedAt().toString(),
                r.verdict() == null ? "no verdict" : r.incomplete() && r.verdict().winner() != null
                        ? "No verdict: the run is incomplete." : r.verdict().sentence(),
                r.incomplete() ? Completeness.of(r).describe() : null)).toList();
        String html = Templates.render("site.jte", new SiteIndex(boards, lines, Templates.css(),
                Templates.contentSecurityPolicy()));
        output.write(siteDir.resolve(PAGE), html.getBytes(StandardCharsets.UTF_8));
    }
}
