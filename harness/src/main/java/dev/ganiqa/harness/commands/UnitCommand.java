package dev.ganiqa.harness.commands;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import dev.ganiqa.harness.cli.BaseCommand;
import dev.ganiqa.harness.cli.CliException;
import dev.ganiqa.harness.cli.CommandContext;
import dev.ganiqa.harness.cli.NumberChecks;
import dev.ganiqa.harness.compare.UnitFile;
import dev.ganiqa.harness.compare.UnitTask;
import dev.ganiqa.reports.model.UnitStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code ganiqa unit RUN_DIR --index I}: one unit of a comparison prepared by {@code compare --executor slurm}. */
@Parameters(commandNames = "unit", commandDescription = "Run unit I of a prepared comparison (a Slurm array task): "
        + "writes RUN_DIR/units/<name>/unit.json")
public final class UnitCommand extends BaseCommand {
    @Parameter(description = "RUN_DIR")
    public List<String> runDirs = new ArrayList<>();

    @Parameter(names = "--index", required = true, validateWith = NumberChecks.NonNegative.class,
            description = "The unit's index in RUN_DIR/plan.json ($SLURM_ARRAY_TASK_ID)")
    public int index;

    private final Map<String, String> env;

    public UnitCommand() {
        this(System.getenv());
    }

    /** @param env the environment (SLURM_*, GANIQA_CACHE, HOME); tests pass their own */
    public UnitCommand(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public int run(CommandContext context) throws Exception {
        if (runDirs.size() != 1) {
            throw CliException.usage("unit", "expected one RUN_DIR, found " + runDirs.size());
        }
        UnitFile file;
        try {
            file = new UnitTask(Path.of(runDirs.get(0)), env, context.err()).run(index,
                    new TrainProgress(context.err()));
        } catch (java.io.IOException e) {
            throw new CliException("unit", e.getMessage(), 1, e);
        }
        context.out().println(file.name() + " " + file.result().status() + " on " + file.node());
        return file.result().status() == UnitStatus.FAILED ? 1 : 0;
    }
}
