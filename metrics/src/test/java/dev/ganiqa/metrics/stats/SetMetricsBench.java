package dev.ganiqa.metrics.stats;

import java.util.SplittableRandom;

/**
 * Wall-clock figures for BENCHMARKS.md, at the sizes of a comparison unit: 10,000 x 256 real against
 * 2,000 x 256 generated Gaussian features. Not a test; run by hand from the test classpath:
 * {@code java -cp metrics/target/test-classes:metrics/target/classes:DEPS dev.ganiqa.metrics.stats.SetMetricsBench [reps]}.
 * Prints the median of {@code reps} (default 3) after one warm-up call of each route; a second argument
 * {@code new} skips the original routes.
 */
final class SetMetricsBench {
    private SetMetricsBench() {
    }

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        LinearAlgebra.requireNative();
        FeatureMatrix real = random(10_000, 256, 0, 1);
        FeatureMatrix fake = random(2_000, 256, 0.05, 2);
        KidConfig kid = KidConfig.defaults();
        System.out.println("backend: " + LinearAlgebra.backend() + ", cores " + Runtime.getRuntime().availableProcessors());
        boolean old = args.length < 2 || !args[1].equals("new");
        if (old) {
            time("KID old (dgemm x3, fresh buffers)", reps, () -> NaiveKid.meanStd(NaiveKid.subsetValues(real, fake, kid))[0]);
        }
        time("KID new, first unit (tables + real terms)", reps, () -> KernelInceptionDistance.compute(real, fake, kid).mean());
        KidRealTerms terms = new KidRealTerms(real);
        KernelInceptionDistance.compute(real, fake, kid, terms);
        time("KID new, later units (real terms shared)", reps, () -> KernelInceptionDistance.compute(real, fake, kid, terms).mean());
        if (old) {
            time("PR k=3 old (real radii inside)", reps, () -> NearestNeighbourMetrics.precisionRecall(real, fake, 3).precision());
            time("DC k=5 old (real radii inside)", reps, () -> NearestNeighbourMetrics.densityCoverage(real, fake, 5).density());
        }
        time("real radii k=3,5 one pass (once per comparison)", reps, () -> NeighbourRadii.forPrdc(real).rows());
        NeighbourRadii radii = NeighbourRadii.forPrdc(real);
        time("PR k=3 with cached real radii", reps, () -> NearestNeighbourMetrics.precisionRecall(real, radii, fake, 3).precision());
        time("DC k=5 with cached real radii", reps, () -> NearestNeighbourMetrics.densityCoverage(real, radii, fake, 5).density());
        time("PR + DC one pass with cached real radii", reps,
                () -> NearestNeighbourMetrics.prdc(real, radii, fake).densityCoverage().density());
        time("Gaussian stats of the fake set", reps, () -> GaussianStats.of(fake).mu()[0]);
    }

    private static FeatureMatrix random(int n, int d, double shift, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble() + shift;
        }
        return new FeatureMatrix(n, d, x);
    }

    private static void time(String what, int reps, java.util.function.DoubleSupplier call) {
        double check = call.getAsDouble();
        double[] s = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t = System.nanoTime();
            check += call.getAsDouble();
            s[i] = (System.nanoTime() - t) / 1e9;
        }
        java.util.Arrays.sort(s);
        System.out.printf("%-50s median %.3f s (min %.3f, max %.3f)  [%s]%n", what, s[reps / 2], s[0], s[reps - 1], check);
    }
}
