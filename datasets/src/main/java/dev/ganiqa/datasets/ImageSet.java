package dev.ganiqa.datasets;

import java.util.List;

/**
 * Images read one at a time, each at its own size and channels, as the files (or records) hold them: what the
 * per-image measures and the feature extractors consume. Unlike an {@link ImageDataset}, nothing is resized or
 * held in memory: {@link #read} decodes entry {@code i} when it is asked for, so a consumer that streams (in
 * order, a bounded number at a time) needs memory for the images in flight only, whatever the number of files.
 *
 * <p>An entry that cannot be decoded throws {@link ImageDecoder.Refused} with a one-line reason; consumers
 * report it as a {@link SkippedFile} and go on. Files refused before decoding (broken links, unreadable
 * folders) are in {@link #skipped()}.
 */
public interface ImageSet {
    /** What the set is, e.g. the folder or spec and split it was opened from. */
    String description();

    /** Number of entries (files to decode, or in-memory images). */
    int size();

    /** Class names in label order; empty when the set has no labels. */
    List<String> classNames();

    default boolean hasLabels() {
        return !classNames().isEmpty();
    }

    /** Label of entry {@code index} in 0..classNames().size()-1, or -1 when unlabelled. */
    int label(int index);

    /** Relative path (or a synthetic name) of entry {@code index}. */
    String name(int index);

    /** Entry {@code index} decoded at its own size (8-bit, 1..4 channels). Thread-safe. */
    DecodedImage read(int index) throws ImageDecoder.Refused;

    /** Files found but refused before decoding, each with its reason. */
    default List<SkippedFile> skipped() {
        return List.of();
    }

    /** One-line remarks for the user about how the set was read (e.g. a folder's layout); empty when none. */
    default List<String> notices() {
        return List.of();
    }

    /**
     * The sha256 of the set's content: every entry's pixels (or, for files, their bytes), shape and label in
     * order, so a changed image or label changes it whatever the paths. Keys cached statistics.
     */
    String checksum();

    /** An in-memory dataset as an image set (its images all have the dataset's shape). */
    static ImageSet of(ImageDataset dataset) {
        return new DatasetAsImageSet(dataset);
    }
}
