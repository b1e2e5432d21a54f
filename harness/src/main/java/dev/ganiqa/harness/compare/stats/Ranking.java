package dev.ganiqa.harness.compare.stats;

import dev.ganiqa.reports.model.Direction;
import java.util.LinkedHashMap;
import java.util.Map;

/** Ranks variants by their mean: 1 is best; equal means share the better rank ("1224" competition ranking). */
public final class Ranking {
    private Ranking() {
    }

    public static Map<String, Integer> rank(Map<String, Double> means, Direction direction) {
        Map<String, Integer> ranks = new LinkedHashMap<>();
        for (Map.Entry<String, Double> entry : means.entrySet()) {
            if (direction == Direction.NEUTRAL) {
                ranks.put(entry.getKey(), 0);
                continue;
            }
            int better = 0;
            for (double other : means.values()) {
                if (direction.better(other, entry.getValue())) {
                    better++;
                }
            }
            ranks.put(entry.getKey(), better + 1);
        }
        return ranks;
    }
}
