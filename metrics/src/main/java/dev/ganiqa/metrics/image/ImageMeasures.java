package dev.ganiqa.metrics.image;

import dev.ganiqa.datasets.ImageShape;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** All {@link Measure}s of one image. */
public record ImageMeasures(ImageShape shape, Map<Measure, MeasureValue> values) {
    public ImageMeasures {
        if (values.size() != Measure.values().length) {
            throw new IllegalArgumentException("expected a value for each of " + Measure.values().length
                    + " measures, found " + values.size());
        }
        values = Collections.unmodifiableMap(new EnumMap<>(values));
    }

    public MeasureValue get(Measure measure) {
        return values.get(measure);
    }
}
