package dev.ganiqa.datasets;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** A {@link DatasetSource} whose splits are opened lazily by suppliers, once each. */
final class SplitSource implements DatasetSource {
    private final String spec;
    private final Map<Split, Supplier<ImageDataset>> openers;
    private final Map<Split, ImageDataset> opened = new EnumMap<>(Split.class);
    private final String licence;

    SplitSource(String spec, Map<Split, Supplier<ImageDataset>> openers) {
        this(spec, openers, "");
    }

    SplitSource(String spec, Map<Split, Supplier<ImageDataset>> openers, String licence) {
        this.spec = spec;
        this.openers = new EnumMap<>(openers);
        this.licence = licence;
    }

    @Override
    public String licence() {
        return licence;
    }

    @Override
    public String spec() {
        return spec;
    }

    @Override
    public Set<Split> splits() {
        return Collections.unmodifiableSet(openers.keySet());
    }

    @Override
    public synchronized ImageDataset open(Split split) {
        Supplier<ImageDataset> opener = openers.get(split);
        if (opener == null) {
            throw new DatasetException(spec + ": expected split " + joined() + ", found " + split.label());
        }
        return opened.computeIfAbsent(split, s -> opener.get());
    }

    private String joined() {
        return String.join(" or ", openers.keySet().stream().map(Split::label).toList());
    }

    @Override
    public String toString() {
        return spec;
    }
}
