/**
 * A comparison on a Slurm cluster ({@code --executor slurm|print}): {@link
 * dev.ganiqa.harness.compare.slurm.SlurmExecutor} prepares the run folder and the work every task shares, writes
 * the sbatch scripts ({@code SlurmScripts}, shell text quoted by {@code ScriptText}, resources from {@link
 * dev.ganiqa.harness.compare.slurm.SlurmOptions}), submits one array task per unit and a collect job after it
 * ({@code SlurmCommands} runs sbatch and squeue, {@code SlurmJobs} records the job ids) and, with {@code --wait}, follows
 * them ({@code SlurmWait}); the collect job ({@link dev.ganiqa.harness.compare.slurm.Collector}) turns the units'
 * files into results.json and the report. Each array task runs a unit exactly as a local worker does
 * ({@code dev.ganiqa.harness.compare.UnitTask}). This package uses the comparison's ({@code compare}); nothing there
 * uses this one.
 */
package dev.ganiqa.harness.compare.slurm;
