package dev.ganiqa.reports.site;

import dev.ganiqa.reports.FileOutput;
import dev.ganiqa.reports.html.HtmlReport;
import dev.ganiqa.reports.html.ReportLinks;
import dev.ganiqa.reports.html.Templates;
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
 * SITE/runs/RUN/results.json         the run's results, byte for byte
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
        HtmlReport report = new HtmlReport();
        List<Path> pages = new ArrayList<>();
        ReportLinks links = new ReportLinks(ResultsJson.FILE_NAME, "../../" + PAGE);
        for (Map.Entry<Path, RunResults> run : runs.entrySet()) {
            Path folder = siteDir.resolve(RUNS).resolve(RunFolders.of(run.getValue().runId()));
            Path existing = folder.resolve(ResultsJson.FILE_NAME);
            if (Files.exists(existing) && !ResultsJson.read(existing).runId().equals(run.getValue().runId())) {
                throw new IOException(folder + ": expected run " + run.getValue().runId() + ", found another run's "
                        + "folder");
            }
            Path source = Files.isDirectory(run.getKey()) ? run.getKey().resolve(ResultsJson.FILE_NAME) : run.getKey();
            String html = report.render(run.getValue(), source.getParent(), links);
            output.write(existing, Files.readAllBytes(source));
            Path page = folder.resolve(PAGE);
            output.write(page, html.getBytes(StandardCharsets.UTF_8));
            pages.add(page);
        }
        writeIndex(siteDir);
        return pages;
    }

    private void writeIndex(Path siteDir) throws IOException {
        List<RunResults> all = new ArrayList<>();
        Map<String, String> hrefs = new LinkedHashMap<>();
        Path runsDir = siteDir.resolve(RUNS);
        try (Stream<Path> folders = Files.list(runsDir)) {
            for (Path folder : folders.sorted().toList()) {
                Path file = folder.resolve(ResultsJson.FILE_NAME);
                if (Files.isRegularFile(file)) {
                    RunResults r = ResultsJson.read(file);
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
                r.verdict() == null ? "no verdict" : r.verdict().sentence())).toList();
        String html = Templates.render("site.jte", new SiteIndex(boards, lines, Templates.css(),
                Templates.contentSecurityPolicy()));
        output.write(siteDir.resolve(PAGE), html.getBytes(StandardCharsets.UTF_8));
    }
}
