package dev.ganiqa.harness.compare;

/**
 * How a local comparison uses the machine: {@code jobs} units at once, each in a process of its own with
 * {@code threads} TF intra- and inter-op threads (and as many for its feature extraction and image measures).
 * The units are independent, so their numbers depend on the thread count (the order of floating-point sums in
 * multi-threaded kernels), never on how many run at once.
 *
 * <p>The automatic choice is as many single-threaded units as there are cores (fewer when fewer units are left,
 * the spare cores then going to each unit's threads), because a training step of these small networks (batch 64,
 * 28x28) does not keep two cores busy: on the 2-core Intel Xeon (AVX-512) a DCGAN batch took 61.5 ms with 2
 * threads and 93 ms with 1, and two single-threaded units side by side 96 ms each, 1.28x the throughput of one
 * 2-thread unit (1.15x for WGAN-GP); on the 2-core AMD EPYC (AVX2) two single-threaded processes finished an epoch
 * each in the time one default process took for one (BENCHMARKS.md, "Parallel units").
 *
 * @param jobs    units trained and evaluated at once (1 = every unit in the comparing process, one after another)
 * @param threads TF threads of each unit
 */
public record Parallelism(int jobs, int threads) {
    /** A worker process needs about this much memory (TF runtime, data, features); more jobs would swap. */
    static final long BYTES_PER_JOB = 1536L << 20;

    public Parallelism {
        if (jobs < 1) {
            throw new IllegalArgumentException("expected --jobs >= 1, found " + jobs);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("expected --threads >= 1, found " + threads);
        }
    }

    /** Everything in one process with every core: the route of library callers and of {@code --jobs 1}. */
    public static Parallelism sequential(int cores) {
        return new Parallelism(1, Math.max(1, cores));
    }

    /**
     * The parallelism of a run with {@code pending} units left on a machine with {@code cores} processors and
     * {@code memoryBytes} of physical memory; {@code jobs} or {@code threads} null means "choose".
     */
    public static Parallelism choose(Integer jobs, Integer threads, int cores, long memoryBytes, int pending) {
        cores = Math.max(1, cores);
        int units = Math.max(1, pending);
        int byMemory = (int) Math.max(1, Math.min(Integer.MAX_VALUE, memoryBytes / BYTES_PER_JOB - 1));
        int j;
        if (jobs != null) {
            j = jobs;
        } else if (threads != null) {
            j = Math.max(1, Math.min(units, Math.min(byMemory, cores / Math.max(1, threads))));
        } else {
            j = Math.max(1, Math.min(units, Math.min(cores, byMemory)));
        }
        int t = threads != null ? threads : Math.max(1, cores / Math.max(1, Math.min(j, units)));
        return new Parallelism(j, t);
    }

    /** Parses {@code --jobs}: a positive number, or {@code auto} (null). */
    public static Integer parseJobs(String text) {
        if (text == null || text.equals("auto")) {
            return null;
        }
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("expected --jobs auto or a number >= 1, found '" + text + "'");
    }

    /** The machine's physical memory, or a large value where the JDK cannot tell. */
    public static long physicalMemory() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getTotalMemorySize();
        }
        return Long.MAX_VALUE / 2;
    }

    public String describe() {
        return jobs == 1 ? "1 unit at a time, " + threads + " TF thread" + (threads == 1 ? "" : "s")
                : jobs + " units at a time (one process each), " + threads + " TF thread" + (threads == 1 ? "" : "s")
                + " each";
    }
}
