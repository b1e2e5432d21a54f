package dev.ganiqa.reports.model;

import java.util.List;
import java.util.Map;

/**
 * Where the units of a comparison ran: in the comparing process ({@code local}) or as tasks of a cluster
 * scheduler ({@code slurm}). Absent from files written before it was recorded.
 *
 * @param executor  {@code local} or {@code slurm}
 * @param jobIds    the scheduler's job ids, in submission order: for Slurm each submission's array job, then its
 *                  collect job ({@code array:123}, {@code collect:124}); empty for local runs
 * @param unitNodes unit name ({@code dcgan-seed1}) to the host it ran on
 */
public record Execution(String executor, List<String> jobIds, Map<String, String> unitNodes) {
    public Execution {
        Checks.text(executor, "executor");
        jobIds = Checks.list(jobIds);
        unitNodes = Checks.map(unitNodes);
    }
}
