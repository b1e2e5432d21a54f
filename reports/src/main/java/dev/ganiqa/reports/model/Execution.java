package dev.ganiqa.reports.model;

import java.util.List;
import java.util.Map;

/**
 * Where the units of a comparison ran: on this machine ({@code local}: in the comparing process, or in worker
 * processes when several ran at once) or as tasks of a cluster scheduler ({@code slurm}). Absent from files written
 * before it was recorded.
 *
 * @param executor    {@code local} or {@code slurm}
 * @param jobIds      the scheduler's job ids, in submission order: for Slurm each submission's array job, then its
 *                    collect job ({@code array:123}, {@code collect:124}); empty for local runs
 * @param unitNodes   unit name ({@code dcgan-seed1}) to the host it ran on
 * @param jobs        local runs: the most units that ran at once (0 where not recorded: a cluster run, an older file)
 * @param unitThreads unit name to the TF threads its last training session ran with (its numbers depend on them)
 */
public record Execution(String executor, List<String> jobIds, Map<String, String> unitNodes, int jobs,
                        Map<String, Integer> unitThreads) {
    public Execution {
        Checks.text(executor, "executor");
        jobIds = Checks.list(jobIds);
        unitNodes = Checks.map(unitNodes);
        Checks.nonNegative(jobs, "jobs");
        unitThreads = Checks.map(unitThreads);
    }

    public Execution(String executor, List<String> jobIds, Map<String, String> unitNodes) {
        this(executor, jobIds, unitNodes, 0, Map.of());
    }

    /** The same execution with one more unit's host and thread count. */
    public Execution withUnit(String unit, String node, Integer threads) {
        Map<String, String> nodes = new java.util.LinkedHashMap<>(unitNodes);
        Map<String, Integer> t = new java.util.LinkedHashMap<>(unitThreads);
        if (node != null) {
            nodes.put(unit, node);
        }
        if (threads != null && threads > 0) {
            t.put(unit, threads);
        }
        return new Execution(executor, jobIds, nodes, jobs, t);
    }
}
