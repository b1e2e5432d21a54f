package dev.ganiqa.datasets;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Installs a Debian package with apt-get, only when we are root and apt-get exists (never via sudo prompts). */
final class PackageInstaller {
    private PackageInstaller() {
    }

    static boolean canInstall() {
        return isRoot() && aptGet() != null;
    }

    static void install(String name) {
        ProcessBuilder builder = new ProcessBuilder(aptGet().toString(), "install", "-y", "-q", "--no-install-recommends", name)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        try {
            int code = builder.start().waitFor();
            if (code != 0) {
                throw new DatasetException("apt-get install " + name + ": failed with exit code " + code);
            }
        } catch (IOException e) {
            throw new DatasetException("apt-get install " + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatasetException("apt-get install " + name + ": interrupted", e);
        }
    }

    /** Effective uid from /proc (Linux); elsewhere we never install. */
    private static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    String[] fields = line.substring(4).trim().split("\\s+");
                    return fields.length > 1 && fields[1].equals("0");
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    private static Path aptGet() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "apt-get");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
