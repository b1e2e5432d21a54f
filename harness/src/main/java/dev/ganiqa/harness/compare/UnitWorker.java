package dev.ganiqa.harness.compare;

import dev.ganiqa.trainers.EpochSummary;
import dev.ganiqa.trainers.Generator;
import dev.ganiqa.trainers.TrainingListener;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A worker process of a parallel local comparison ({@link LocalWorkers} starts it): it opens the run's workspace
 * once, with its own TF thread count, reads the shared work its coordinator saved, and then runs what it is told
 * on its standard input, one command per line, answering on its standard output:
 * <pre>
 *   probe VARIANT SECONDS  ->  probe VARIANT MEDIAN LOW HIGH      (seconds per batch, {@link SpeedProbe})
 *   unit INDEX             ->  epoch INDEX E OF SECONDS ... done INDEX STATUS   (or: error INDEX WHY)
 *   exit                   ->  (ends)
 * </pre>
 * Each unit is run exactly as a Slurm array task runs it ({@link UnitTask}: the unit folder's lock, then
 * {@code units/<name>/unit.json}). Everything else it prints goes to standard error, which its coordinator keeps in
 * {@code workers/worker-K.log}. When its standard input ends without {@code exit}, the coordinator is gone (killed):
 * the worker stops at once, and a rerun of the comparison continues its unit from the last checkpoint.
 */
public final class UnitWorker {
    static final String END_OF_INPUT = "\u0000eof";
    private final Path runDir;
    private final int threads;
    private final Map<String, String> env;
    private final PrintStream answers;
    private final PrintStream err;

    UnitWorker(Path runDir, int threads, Map<String, String> env, PrintStream answers, PrintStream err) {
        this.runDir = runDir;
        this.threads = threads;
        this.env = Map.copyOf(env);
        this.answers = answers;
        this.err = err;
    }

    /**
     * Entry point of a worker process, not a command of its own: its coordinator starts it with
     * {@code RUN_DIR THREADS} and talks to it over standard input and output.
     */
    public static void main(String[] args) throws InterruptedException {
        dev.ganiqa.harness.cli.Logging.quietLibraries();
        PrintStream answers = System.out;
        // Standard output carries the protocol only: anything printed elsewhere goes to the worker's log.
        System.setOut(System.err);
        int code = run(args, System.in, answers, System.err, System.getenv());
        answers.flush();
        System.err.flush();
        System.exit(code);
    }

    /**
     * The worker process's body: {@code args} are RUN_DIR and the TF thread count. Returns the exit status (1 with
     * one line on {@code err} when the run folder cannot be served).
     */
    public static int run(String[] args, java.io.InputStream in, PrintStream answers, PrintStream err,
                          Map<String, String> env) throws InterruptedException {
        if (args.length != 2) {
            err.println("ganiqa: worker: expected RUN_DIR THREADS, found " + args.length + " argument(s)");
            return 2;
        }
        try {
            UnitWorker worker = new UnitWorker(Path.of(args[0]), Integer.parseInt(args[1]), env, answers, err);
            return worker.serve(new BufferedReader(new java.io.InputStreamReader(in,
                    java.nio.charset.StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            err.println("ganiqa: worker: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return 1;
        }
    }

    /** Serves commands from {@code in} until {@code exit}; returns the process's exit status. */
    int serve(BufferedReader in) throws IOException, InterruptedException {
        BlockingQueue<String> commands = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    commands.add(line);
                    if (line.equals("exit")) {
                        return;
                    }
                }
            } catch (IOException e) {
                err.println("ganiqa: worker: reading commands: " + e.getMessage());
            }
            // The coordinator is gone: leave now, whatever runs, so its unit's lock dies with this process and a
            // rerun continues the unit from its last checkpoint.
            err.println("ganiqa: worker: the coordinating compare ended; stopping");
            err.flush();
            Runtime.getRuntime().halt(3);
        }, "ganiqa-worker-commands");
        reader.setDaemon(true);
        reader.start();
        CompareConfig config = RunFolder.readConfig(runDir);
        UnitTask task = new UnitTask(runDir, env, err);
        try (Workspace ws = Workspace.open(config, env, threads, m -> err.println("ganiqa: " + m))) {
            ws.readingShared(runDir);
            say("ready " + ProcessHandle.current().pid());
            while (true) {
                String line = commands.take();
                String[] words = line.strip().split(" ");
                switch (words[0]) {
                    case "exit" -> {
                        return 0;
                    }
                    case "probe" -> say("probe " + SpeedProbe.measure(config, ws.train, words[1], threads,
                            Double.parseDouble(words[2])).toLine());
                    case "unit" -> unit(task, ws, Integer.parseInt(words[1]));
                    default -> err.println("ganiqa: worker: ignoring an unknown command: " + line);
                }
            }
        }
    }

    private void unit(UnitTask task, Workspace ws, int index) throws InterruptedException {
        try {
            UnitFile file = task.run(ws, index, new EpochLines(index));
            say("done " + index + " " + file.result().status());
        } catch (IOException | RuntimeException e) {
            // The unit did not run at all (its folder is locked by another process, the plan is unreadable):
            // nothing was recorded, so the coordinator records the reason.
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            err.println("ganiqa: unit " + index + ": " + why);
            say("error " + index + " " + why.replace('\n', ' '));
        }
    }

    private synchronized void say(String line) {
        answers.println(line);
        answers.flush();
    }

    /** Tells the coordinator about each finished epoch. */
    private final class EpochLines implements TrainingListener {
        private final int index;

        EpochLines(int index) {
            this.index = index;
        }

        @Override
        public void onEpochEnd(EpochSummary e, Generator generator) {
            say(String.format(Locale.ROOT, "epoch %d %d %d %.1f", index, e.epoch(), e.epochs(),
                    e.elapsedSeconds()));
        }
    }
}
