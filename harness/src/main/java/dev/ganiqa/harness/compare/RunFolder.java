package dev.ganiqa.harness.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ganiqa.reports.model.ResultsJson;
import dev.ganiqa.trainers.Budget;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The folder of one comparison, held exclusively while a {@code compare} runs in it: an OS file lock on
 * {@value #LOCK} (which holds the owner's PID for the message a second process prints). The OS drops the lock
 * when its process dies, however it dies, so a stale lock file of a killed run is simply taken over. It also
 * keeps compare.json, the configuration a rerun must match (only a larger budget on the same axis may differ:
 * that extends the comparison), and clears what an interrupted write left behind.
 */
public final class RunFolder implements AutoCloseable {
    static final String LOCK = ".ganiqa.lock";
    public static final String CONFIG = "compare.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Why a run folder cannot be used; a failure (exit 1), not a usage error. */
    static final class RunFolderException extends IllegalStateException {
        RunFolderException(String message) {
            super(message);
        }
    }

    final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private RunFolder(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the folder (creating it), or fails at once naming the process that holds it. */
    public static RunFolder lock(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(LOCK);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this very process, e.g. a second comparison started in-process
        }
        if (lock == null) {
            String holder = holder(channel);
            channel.close();
            throw new RunFolderException(dir + ": in use by another ganiqa compare (process " + holder + ", lock file "
                    + file + "); wait for it to finish or use another --out");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(false);
        return new RunFolder(dir, channel, lock);
    }

    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        String pid = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
        return pid.isEmpty() ? "unknown" : pid;
    }

    /** Writes {@code config} as the folder's compare.json, once {@link #check} accepted it. */
    public void record(CompareConfig config) throws IOException {
        dev.ganiqa.datasets.AtomicFiles.write(dir.resolve(CONFIG), out -> JSON.writeValue(out, config));
    }

    /**
     * Checks {@code config} against the folder's compare.json. Returns the earlier budget when {@code config}
     * extends it (same configuration, a larger budget on the same axis), empty for a new or an identical
     * comparison; any other difference is refused, naming the fields that differ.
     */
    public Optional<Budget> check(CompareConfig config) throws IOException {
        Path file = dir.resolve(CONFIG);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        CompareConfig earlier;
        try {
            earlier = JSON.readValue(file.toFile(), CompareConfig.class);
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            // e.g. a compare.json written before budgets had an axis ("epochs": 3)
            throw new IllegalArgumentException(file + ": expected a compare.json of this ganiqa version, found one it "
                    + "cannot read (" + e.getOriginalMessage().lines().findFirst().orElse("") + "); continue it with "
                    + "the ganiqa that began it, or use another --out", e);
        }
        // Resolved, not as spelled: "--extractor default" or a default value set explicitly is the same comparison.
        CompareConfig then = earlier.resolved();
        CompareConfig now = config.resolved();
        if (then.equals(now)) {
            return Optional.empty();
        }
        List<String> differ = new ArrayList<>(differences(then, now));
        boolean extending = now.budget().extendsBudget(then.budget());
        if (extending) {
            differ.remove("budget"); // a larger budget on the same axis is allowed: it is not what differs
        }
        if (differ.isEmpty()) {
            return Optional.of(then.budget());
        }
        String why = differ.equals(List.of("budget"))
                ? "a budget of " + config.budget() + " (a rerun may only extend " + earlier.budget() + " on its axis)"
                : "a different " + String.join(", ", differ);
        throw new IllegalArgumentException(dir + ": expected the configuration recorded in " + file + " to continue it, found "
                + why + "; use another --out for a new comparison");
    }

    /** The compare.json of a prepared comparison in {@code dir}. */
    public static CompareConfig readConfig(Path dir) throws IOException {
        return RunJson.read(JSON, dir.resolve(CONFIG), CompareConfig.class,
                "the configuration of a prepared comparison", "a comparison configuration");
    }

    @SuppressWarnings("unchecked")
    static List<String> differences(CompareConfig a, CompareConfig b) {
        Map<String, Object> x = JSON.convertValue(a, Map.class);
        Map<String, Object> y = JSON.convertValue(b, Map.class);
        TreeSet<String> keys = new TreeSet<>(x.keySet());
        keys.addAll(y.keySet());
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            if (!java.util.Objects.equals(x.get(key), y.get(key))) {
                out.add(key);
            }
        }
        return out;
    }

    /**
     * Removes what an interrupted write leaves: hidden {@code .NAME*.tmp} files of atomic writes, {@code *.tmp}
     * sample folders and checkpoint temporaries. Only under the held lock, so no live writer owns them.
     */
    List<Path> removeTemporaries() throws IOException {
        List<Path> found;
        try (Stream<Path> paths = Files.walk(dir)) {
            found = paths.filter(p -> !p.equals(dir) && p.getFileName().toString().endsWith(".tmp")).toList();
        }
        List<Path> removed = new ArrayList<>();
        for (Path p : found) {
            if (Files.exists(p)) {
                UnitRunner.deleteTree(p);
                removed.add(p);
            }
        }
        removed.sort(Comparator.naturalOrder());
        return removed;
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }

    /**
     * The newest run folder under {@code root} that holds an unfinished comparison with exactly this
     * configuration, so that rerunning the same command without {@code --out} continues it.
     */
    public static Optional<Path> unfinished(Path root, CompareConfig config) throws IOException {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        ObjectMapper json = new ObjectMapper();
        try (var dirs = Files.list(root)) {
            for (Path dir : dirs.sorted(Comparator.reverseOrder()).toList()) {
                Path file = dir.resolve(RunFolder.CONFIG);
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                try {
                    if (!json.readValue(file.toFile(), CompareConfig.class).resolved().equals(config.resolved())) {
                        continue;
                    }
                    Path results = dir.resolve(ResultsJson.FILE_NAME);
                    if (!Files.exists(results) || ResultsJson.read(results).provenance().finishedAt() == null) {
                        return Optional.of(dir);
                    }
                } catch (IOException | RuntimeException e) {
                    // A folder we cannot read is not ours to continue.
                }
            }
        }
        return Optional.empty();
    }
}
