package dev.ganiqa.metrics.image;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** A gzipped CSV of reference measures written by make_references.py: name, then one column per Measure. */
record ReferenceTable(List<String> names, List<double[]> rows) {
    static ReferenceTable load(String resource) throws IOException {
        try (InputStream in = ReferenceTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                    StandardCharsets.US_ASCII));
            String header = reader.readLine();
            StringBuilder expected = new StringBuilder("name");
            for (Measure m : Measure.values()) {
                expected.append(',').append(m.column());
            }
            if (!header.equals(expected.toString())) {
                throw new IOException("expected header " + expected + ", found " + header);
            }
            List<String> names = new ArrayList<>();
            List<double[]> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split(",", -1);
                names.add(f[0]);
                double[] v = new double[f.length - 1];
                for (int i = 1; i < f.length; i++) {
                    v[i - 1] = f[i].isEmpty() ? Double.NaN : Double.parseDouble(f[i]);
                }
                rows.add(v);
            }
            return new ReferenceTable(names, rows);
        }
    }
}
