package dev.ganiqa.harness.commands;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import dev.ganiqa.harness.cli.BaseCommand;
import dev.ganiqa.harness.cli.CliException;
import dev.ganiqa.harness.cli.CommandContext;
import dev.ganiqa.harness.compare.slurm.Collector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ganiqa collect RUN_DIR}: merges the unit files of a comparison run as separate tasks into results.json and
 * report.html; exit 1 when a unit of the plan has no result.
 */
@Parameters(commandNames = "collect", commandDescription = "Merge RUN_DIR/units/*/unit.json into results.json and "
        + "report.html (statistics across seeds); exit 1 when units are missing")
public final class CollectCommand extends BaseCommand {
    @Parameter(description = "RUN_DIR")
    public List<String> runDirs = new ArrayList<>();

    private final Map<String, String> env;

    public CollectCommand() {
        this(System.getenv());
    }

    /** @param env the environment (SLURM_JOB_ID of the collect job); tests pass their own */
    public CollectCommand(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public int run(CommandContext context) throws Exception {
        if (runDirs.size() != 1) {
            throw CliException.usage("collect", "expected one RUN_DIR, found " + runDirs.size());
        }
        Path runDir = Path.of(runDirs.get(0));
        Collector.Outcome outcome;
        try {
            String job = env.get("SLURM_JOB_ID");
            outcome = new Collector(runDir).collect(job == null ? List.of() : List.of("collect:" + job));
        } catch (java.io.IOException e) {
            throw new CliException("collect", e.getMessage(), 1, e);
        }
        for (String f : outcome.failed()) {
            context.notice("unit " + f + " failed");
        }
        context.out().println("results: " + runDir.resolve("results.json"));
        context.out().println("report:  " + outcome.report());
        if (!outcome.missing().isEmpty()) {
            throw new CliException("collect", runDir + ": expected a unit.json for every unit of plan.json, found "
                    + outcome.missing().size() + " missing: " + String.join(", ", outcome.missing())
                    + " (rerun compare --executor slurm on this folder to submit them)");
        }
        return 0;
    }
}
