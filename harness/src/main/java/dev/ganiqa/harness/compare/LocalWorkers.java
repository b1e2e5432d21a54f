package dev.ganiqa.harness.compare;

import dev.ganiqa.reports.model.UnitResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * The parallel local executor: {@code jobs} worker processes ({@link UnitWorker}), each with its own TF runtime
 * and thread pools, take the units of a prepared run folder one at a time, the next as soon as they are free, so
 * one unit's sampling and evaluation overlap the others' training. Processes rather than threads because TF sizes
 * its thread pools once per process (the first session's settings win), reads {@code TF_ENABLE_ONEDNN_OPTS} once per
 * process, and a native crash ends only the process it happens in: the unit it ran is recorded as FAILED (and
 * continues from its checkpoint on a rerun), and a fresh worker takes the next unit.
 */
final class LocalWorkers implements AutoCloseable {
    /** The workers' main class; started with the coordinator's own Java and class path. */
    static final String MAIN = UnitWorker.class.getName();
    static final String LOGS = "workers";

    /** What happens to each unit the workers take. */
    interface Sink {
        /** A unit started on a worker. */
        void started(Plan.Entry unit, int worker);

        /** A unit's epoch ended. */
        void epoch(Plan.Entry unit, int epoch, int of, double seconds);

        /** A unit ended: its result (FAILED when its worker died or could not run it) and its file, if written. */
        void finished(Plan.Entry unit, UnitResult result, UnitFile file) throws IOException;
    }

    private record Event(Worker worker, String[] words, String line) {
    }

    private final class Worker {
        final int number;
        final Process process;
        final PrintStream commands;
        final Path log;
        Plan.Entry current;
        boolean ready;
        boolean told;

        Worker(int number, Process process, Path log) {
            this.number = number;
            this.process = process;
            this.log = log;
            this.commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        }

        void send(String line) {
            commands.println(line);
        }
    }

    private final Path runDir;
    private final Parallelism parallelism;
    private final Map<String, String> env;
    private final Consumer<String> notice;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<Worker> workers = new ArrayList<>();
    private int started;

    LocalWorkers(Path runDir, Parallelism parallelism, Map<String, String> env, Consumer<String> notice) {
        this.runDir = runDir.toAbsolutePath().normalize();
        this.parallelism = parallelism;
        this.env = Map.copyOf(env);
        this.notice = notice;
    }

    /**
     * Starts every worker and waits until each has opened the run's workspace (they load at once), so the
     * durations measured from here on are the units' own.
     */
    void start() throws IOException, InterruptedException {
        Files.createDirectories(runDir.resolve(LOGS));
        for (int i = 0; i < parallelism.jobs(); i++) {
            workers.add(spawn());
        }
        while (workers.stream().anyMatch(w -> !w.ready)) {
            Event e = events.take();
            switch (e.words()[0]) {
                case "ready" -> e.worker().ready = true;
                case "exited" -> throw startFailure(e.worker(), e.words()[1]);
                default -> notice.accept("worker " + e.worker().number + ": " + e.line());
            }
        }
    }

    private Worker spawn() throws IOException {
        int number = ++started;
        Path log = runDir.resolve(LOGS).resolve("worker-" + number + ".log");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions(parallelism, Parallelism.physicalMemory(), Runtime.getRuntime().maxMemory(),
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MAIN);
        command.add(runDir.toString());
        command.add(Integer.toString(parallelism.threads()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        Process process = pb.start();
        Worker w = new Worker(number, process, log);
        Thread reader = new Thread(() -> read(w), "ganiqa-worker-" + number);
        reader.setDaemon(true);
        reader.start();
        return w;
    }

    /**
     * The worker JVM's options: the coordinator's system properties and -XX flags, a heap that lets every worker
     * fit in memory, and as many processors as the worker has TF threads, so the JVM sizes its own garbage
     * collector and compiler threads to its share of the machine.
     */
    static List<String> jvmOptions(Parallelism p, long physical, long coordinatorHeap, List<String> inherited) {
        List<String> out = new ArrayList<>();
        for (String a : inherited) {
            if ((a.startsWith("-D") || a.startsWith("-XX:")) && !a.startsWith("-XX:ActiveProcessorCount")
                    && !a.startsWith("-XX:MaxHeapSize")) {
                out.add(a);
            }
        }
        long share = physical / (p.jobs() + 2);
        long heap = Math.max(1L << 30, Math.min(coordinatorHeap, share));
        out.add("-Xmx" + (heap >> 20) + "m");
        out.add("-XX:ActiveProcessorCount=" + p.threads());
        return out;
    }

    private void read(Worker w) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(w.process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                events.add(new Event(w, line.strip().split(" "), line));
            }
        } catch (IOException e) {
            // The pipe broke: the process is ending; its exit is reported below.
        }
        try {
            int code = w.process.waitFor();
            events.add(new Event(w, new String[] {"exited", Integer.toString(code)}, "exited " + code));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every worker times every variant for {@code seconds}; returns all their results. */
    List<SpeedProbe.Result> probe(List<String> variants, double seconds) throws IOException, InterruptedException {
        for (Worker w : workers) {
            for (String v : variants) {
                w.send("probe " + v + " " + seconds);
            }
        }
        List<SpeedProbe.Result> out = new ArrayList<>();
        int expected = workers.size() * variants.size();
        while (out.size() < expected) {
            Event e = events.take();
            switch (e.words()[0]) {
                case "probe" -> out.add(SpeedProbe.Result.parse(e.words(), 1));
                case "exited" -> {
                    String last = lastLine(e.worker().log);
                    throw new IOException("worker process " + e.worker().number + " ended while timing the recipes "
                            + "(exit status " + e.words()[1] + ")" + (last.isEmpty() ? "" : ": " + last) + "; its log: "
                            + e.worker().log);
                }
                default -> { }
            }
        }
        return out;
    }

    /**
     * Runs the units of {@code queue} on the workers, in this order, until every one has ended. A worker that dies
     * while running a unit (a native crash, the out-of-memory killer) fails that unit only; a fresh worker takes the
     * next one, up to as many fresh workers as there are units.
     */
    void run(List<Plan.Entry> queue, Sink sink) throws IOException, InterruptedException {
        Deque<Plan.Entry> todo = new ArrayDeque<>(queue);
        int restarts = 0;
        for (Worker w : workers) {
            assign(w, todo, sink);
        }
        while (workers.stream().anyMatch(w -> w.current != null)) {
            Event e = events.take();
            Worker w = e.worker();
            switch (e.words()[0]) {
                case "ready" -> w.ready = true;
                case "epoch" -> {
                    if (w.current != null) {
                        sink.epoch(w.current, Integer.parseInt(e.words()[2]), Integer.parseInt(e.words()[3]),
                                Double.parseDouble(e.words()[4]));
                    }
                }
                case "done" -> {
                    Plan.Entry unit = w.current;
                    UnitFile file = UnitFile.read(runDir, unit.name()).orElseThrow(() -> new IOException(
                            UnitFile.path(runDir, unit.name()) + ": expected the result worker " + w.number
                                    + " reported, found none"));
                    w.current = null;
                    sink.finished(unit, file.result(), file);
                    assign(w, todo, sink);
                }
                case "error" -> {
                    Plan.Entry unit = w.current;
                    w.current = null;
                    String why = e.line().split(" ", 3).length > 2 ? e.line().split(" ", 3)[2] : "unknown";
                    sink.finished(unit, UnitRunner.failed(unit.variant(), unit.seed(), why), null);
                    assign(w, todo, sink);
                }
                case "exited" -> {
                    workers.remove(w);
                    if (!w.ready) {
                        throw startFailure(w, e.words()[1]);
                    }
                    if (w.current != null) {
                        Plan.Entry unit = w.current;
                        w.current = null;
                        String why = "its worker process ended (exit status " + e.words()[1] + ") while running it; "
                                + "see " + runDir.relativize(w.log) + (lastLine(w.log).isEmpty() ? ""
                                : ": " + lastLine(w.log));
                        sink.finished(unit, UnitRunner.failed(unit.variant(), unit.seed(), why), null);
                        if (!todo.isEmpty() && restarts < queue.size()) {
                            restarts++;
                            Worker fresh = spawn();
                            workers.add(fresh);
                            assign(fresh, todo, sink);
                        }
                    }
                }
                default -> notice.accept("worker " + w.number + ": " + e.line());
            }
        }
        for (Plan.Entry left : todo) {
            sink.finished(left, UnitRunner.failed(left.variant(), left.seed(), "no worker process was left to run it"),
                    null);
        }
    }

    private void assign(Worker w, Deque<Plan.Entry> todo, Sink sink) {
        Plan.Entry next = todo.poll();
        if (next == null) {
            if (!w.told) {
                w.send("exit");
                w.told = true;
            }
            return;
        }
        w.current = next;
        sink.started(next, w.number);
        w.send("unit " + next.index());
    }

    private IOException startFailure(Worker w, String code) {
        String last = lastLine(w.log);
        return new IOException("worker process " + w.number + " ended before it was ready (exit status " + code + ")"
                + (last.isEmpty() ? "" : ": " + last) + "; its log: " + w.log);
    }

    static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank()).toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Asks every idle worker to leave and waits for it (30 s at most); a worker still running a unit (the
     * comparison ended abnormally) is killed, and its unit continues from its checkpoint on a rerun.
     */
    @Override
    public void close() throws InterruptedException {
        for (Worker w : workers) {
            if (w.current != null) {
                w.process.destroyForcibly();
            } else if (!w.told) {
                w.send("exit");
                w.told = true;
            }
            w.commands.close();
        }
        for (Worker w : workers) {
            if (!w.process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                w.process.destroyForcibly();
            }
        }
    }
}
