package dev.ganiqa.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole content or old content, the permissions of a normally created file, and no temporary file left behind. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    private static java.util.List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aNewFileGetsThePermissionsOfAFileCreatedNormallyInTheSameFolder() throws IOException {
        Path plain = dir.resolve("plain.txt");
        try (OutputStream out = Files.newOutputStream(plain)) {
            out.write(1);
        }
        Path atomic = dir.resolve("sub/atomic.txt");
        Path plainSub = dir.resolve("sub/plain.txt");
        AtomicFiles.write(atomic, new byte[] {1, 2, 3});
        try (OutputStream out = Files.newOutputStream(plainSub)) {
            out.write(1);
        }
        assertThat(Files.readAllBytes(atomic)).containsExactly(1, 2, 3);
        // Under the usual umask 022 both are rw-r--r--; Files.createTempFile would have left rw-------.
        assertThat(Files.getPosixFilePermissions(atomic)).isEqualTo(Files.getPosixFilePermissions(plainSub))
                .isEqualTo(Files.getPosixFilePermissions(plain));
        assertThat(names(dir.resolve("sub"))).containsExactly("atomic.txt", "plain.txt");
    }

    @Test
    void aReplacedFileKeepsItsPermissions() throws IOException {
        Path file = dir.resolve("shared.json");
        AtomicFiles.write(file, new byte[] {1});
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));
        AtomicFiles.write(file, new byte[] {2});
        assertThat(Files.readAllBytes(file)).containsExactly(2);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-rw-r--");
    }

    @Test
    void aFailingBodyLeavesTheOldContentAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("results.json");
        AtomicFiles.write(file, "old".getBytes());
        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write("half".getBytes());
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(file)).isEqualTo("old");
        assertThat(names(dir)).containsExactly("results.json");
    }

    @Test
    void aFolderThatRefusesNewFilesIsNamedByTheTargetWithTheReasonNotByTheTemporaryFile() {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")),
                "needs Linux /proc, where no file can be created");
        assertThatThrownBy(() -> AtomicFiles.write(Path.of("/proc/x.npz"), new byte[] {1}))
                .hasMessage("/proc/x.npz: No such file or directory");
    }

    @Test
    void aTargetUnderAFileSaysWhichFileIsInTheWay() throws IOException {
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        assertThatThrownBy(() -> AtomicFiles.write(file.resolve("x.json"), new byte[] {1}))
                .hasMessage(file.resolve("x.json") + ": Not a directory (" + file + " is a file)");
        assertThatThrownBy(() -> AtomicFiles.write(file.resolve("sub/x.json"), new byte[] {1}))
                .hasMessage(file.resolve("sub/x.json") + ": Not a directory (" + file.resolve("sub") + ")");
    }

    /** ENOSPC cannot be caused without root; the stream below fails as a full disk does, with the bare reason. */
    @Test
    void aWriteFailureNamesTheFileItWasFor() {
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        Path target = dir.resolve("000001.png");
        try (OutputStream out = new NamedOutputStream(full, target)) {
            assertThatThrownBy(() -> out.write(new byte[] {1, 2, 3}, 0, 3))
                    .hasMessage(target + ": No space left on device");
            assertThatThrownBy(() -> out.write(1)).hasMessage(target + ": No space left on device");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
