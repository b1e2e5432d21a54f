package dev.ganiqa.datasets;

/** Builds the source for one spec scheme from the text after {@code scheme:} (empty when there is none). */
@FunctionalInterface
public interface SourceFactory {
    DatasetSource create(String argument, DatasetOptions options);
}
