package dev.ganiqa.harness.compare.slurm;

import dev.ganiqa.harness.cli.Cli;
import dev.ganiqa.harness.cli.CliRun;
import dev.ganiqa.harness.cli.CommandRegistry;
import dev.ganiqa.harness.commands.CollectCommand;
import dev.ganiqa.harness.commands.CompareCommand;
import dev.ganiqa.harness.commands.UnitCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * Fake {@code sbatch} and {@code squeue} for tests: sbatch records its arguments, runs the job script inline
 * (every index of an {@code --array} spec, with the variables of {@code --export} and SLURM_* set) and prints
 * job ids from 100 on; squeue records its arguments and reports an empty queue.
 */
final class SlurmFakes {
    private SlurmFakes() {
    }

    static void write(Path bin, Path log) throws IOException {
        Files.createDirectories(bin);
        Files.createDirectories(log);
        executable(bin.resolve("sbatch"), """
                #!/bin/bash
                log=LOG
                echo "$*" >> "$log/sbatch.log"
                n=$(cat "$log/next" 2>/dev/null || echo 100); echo $((n + 1)) > "$log/next"
                script="${@: -1}"; array=""; exports=""
                for a in "$@"; do
                  case "$a" in --array=*) array="${a#--array=}" ;; --export=*) exports="${a#--export=ALL,}" ;; esac
                done
                IFS=',' read -ra kv <<< "$exports"
                vars=(SLURMD_NODENAME=fake-node SLURM_JOB_ID="$n" "${kv[@]}")
                if [ -n "$array" ]; then
                  IFS=',' read -ra parts <<< "${array%%\\%*}"
                  for p in "${parts[@]}"; do
                    for i in $(seq "${p%-*}" "${p#*-}"); do
                      env "${vars[@]}" SLURM_ARRAY_JOB_ID="$n" SLURM_ARRAY_TASK_ID="$i" bash "$script" >> "$log/tasks.out" 2>&1
                    done
                  done
                else
                  env "${vars[@]}" bash "$script" >> "$log/tasks.out" 2>&1
                fi
                echo "$n"
                """.replace("LOG", log.toString()));
        executable(bin.resolve("squeue"), "#!/bin/bash\necho \"$*\" >> " + log + "/squeue.log\n");
    }

    /**
     * A fake ganiqa launcher: records each call with GANIQA_CACHE and the task id; {@code unit RUN --index I}
     * copies {@code fixtures/units/<name>/unit.json} (name: line I+1 of fixtures/names) into RUN, or fails when
     * there is none; {@code collect} succeeds.
     */
    static void launcher(Path file, Path fixtures, Path log) throws IOException {
        executable(file, """
                #!/bin/bash
                echo "$* cache=$GANIQA_CACHE task=${SLURM_ARRAY_TASK_ID:-}" >> LOG/launcher.log
                if [ "$1" = unit ]; then
                  n=$(sed -n "$(($4 + 1))p" FIX/names)
                  [ -f "FIX/units/$n/unit.json" ] || exit 1
                  mkdir -p "$2/units/$n" && cp "FIX/units/$n/unit.json" "$2/units/$n/unit.json"
                fi
                """.replace("LOG", log.toString()).replace("FIX", fixtures.toString()));
    }

    static void executable(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** The command line with compare, unit and collect seeing {@code env} instead of the process's. */
    static CliRun cli(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new CommandRegistry(List.of(() -> new CompareCommand(env), () -> new UnitCommand(env),
                () -> new CollectCommand(env))), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
