package dev.ganiqa.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * An image folder as an {@link ImageSet}: the listing ({@link FolderLayout}, sorted relative paths, labels) is
 * made when the set is opened, and each file is decoded only when {@link #read} asks for it, at its own size and
 * channels, so memory does not grow with the number of files. Files refused before decoding (broken links,
 * non-image names beside class folders, ...) are in {@link #skipped()}; decoding failures are thrown by
 * {@link #read} for the consumer to report.
 *
 * <p>{@link #checksum()}: the sha256 of, in set order, for every entry its relative path (UTF-8, length-prefixed),
 * its label (int, -1 unlabelled) and its file bytes (length-prefixed), after the entry count. Bytes, not pixels:
 * the files need not be decoded to key a cache, and a re-encoded image is a new key. Unlike
 * {@link DatasetChecksum} a renamed file changes it.
 */
public final class FolderImages implements ImageSet {
    private final Path dir;
    private final FolderWalker.Listing listing;
    private final ImageDecoder decoder;
    private volatile String checksum;

    private FolderImages(Path dir, FolderWalker.Listing listing, ImageDecoder decoder) {
        this.dir = dir;
        this.listing = listing;
        this.decoder = decoder;
    }

    /** Lists {@code dir} (a {@link DatasetException} when it is missing or not a folder); decodes nothing. */
    public static FolderImages open(Path dir, DatasetOptions options) {
        return new FolderImages(dir, FolderWalker.walk(dir), new ImageDecoder(options.maxPixels()));
    }

    public FolderLayout layout() {
        return listing.layout();
    }

    @Override
    public String description() {
        return ImageFolderReader.describe(dir, listing.layout());
    }

    @Override
    public int size() {
        return listing.entries().size();
    }

    @Override
    public List<String> classNames() {
        return listing.classNames();
    }

    @Override
    public int label(int index) {
        return listing.entries().get(index).label();
    }

    @Override
    public String name(int index) {
        return listing.entries().get(index).relative();
    }

    /** The file behind entry {@code index}. */
    public Path file(int index) {
        return listing.entries().get(index).file();
    }

    @Override
    public DecodedImage read(int index) throws ImageDecoder.Refused {
        return decoder.decode(file(index));
    }

    @Override
    public List<SkippedFile> skipped() {
        return listing.skipped();
    }

    @Override
    public List<String> notices() {
        String notice = listing.layout().notice();
        return notice == null ? List.of() : List.of(dir + ": " + notice);
    }

    @Override
    public String checksum() {
        String c = checksum;
        if (c == null) {
            c = digest();
            checksum = c;
        }
        return c;
    }

    private String digest() {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        ByteBuffer number = ByteBuffer.allocate(8);
        sha.update(number.putInt(0, size()).array(), 0, 4);
        byte[] buffer = new byte[1 << 16];
        for (FolderWalker.Entry entry : listing.entries()) {
            byte[] path = entry.relative().getBytes(StandardCharsets.UTF_8);
            sha.update(number.putInt(0, path.length).array(), 0, 4);
            sha.update(path);
            sha.update(number.putInt(0, entry.label()).array(), 0, 4);
            try (InputStream in = Files.newInputStream(entry.file())) {
                sha.update(number.putLong(0, Files.size(entry.file())).array(), 0, 8);
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    sha.update(buffer, 0, n);
                }
            } catch (IOException e) {
                throw new DatasetException(dir.resolve(entry.relative()) + ": cannot read: " + e.getMessage(), e);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
