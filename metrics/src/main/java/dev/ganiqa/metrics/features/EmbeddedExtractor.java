package dev.ganiqa.metrics.features;

import dev.ganiqa.datasets.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * The project's classifiers ({@link dev.ganiqa.metrics.features.train.ClassifierNet}): ten for Fashion-MNIST (v10, v12, v13,
 * v15 and v17 two networks each in one graph, {@link #V17}) and
 * one for the colour emoji ({@link #EMOJI_V1}), shipped as
 * frozen GraphDef resources, each pinned by its sha256, which is checked on every load, so every machine computes
 * with the same weights. Their 256 penultimate activations feed FID/KID/PRDC and their softmax (10 garment classes,
 * 9 emoji categories) the IS;
 * numbers from them are domain-specific ("FID (ganiqa-fmnist-v17)"), not comparable to Inception FIDs, nor to
 * each other. Each training record is {@code NAME.json} next to its resource.
 * <ul>
 *   <li>{@code ganiqa-fmnist-v17} (the default, {@link #V17}): v8 with a second rejection gate trained on
 *       self-blended and filtered garments and, for half its negatives, garments mixed with emoji, its threshold
 *       one per predicted class;</li>
 *   <li>{@code ganiqa-fmnist-v15} ({@link #V15}): v8 with a second rejection gate trained on self-blended and
 *       filtered garments and garments mixed with emoji;</li>
 *   <li>{@code ganiqa-fmnist-v13} ({@link #V13}): v8 with a second rejection gate trained on self-blended and
 *       filtered garments;</li>
 *   <li>{@code ganiqa-fmnist-v12} ({@link #V12}): v8 with a second rejection gate trained on self-blended
 *       negatives;</li>
 *   <li>{@code ganiqa-fmnist-v10} ({@link #V10}): v8 with a second rejection gate trained on DRAEM negatives;</li>
 *   <li>{@code ganiqa-fmnist-v8}: v6's design with cut-and-paste negatives and one rotation
 *       threshold per class, {@code --reject 20000 --negatives cut-paste --rotation per-class --epochs 15 --seed 1},
 *       test accuracy 0.9138: half of its rejection images are training garments with a rectangle of the garment
 *       cut and pasted elsewhere in it ({@link dev.ganiqa.metrics.features.train.Negatives#CUT_PASTE}; Li et al.,
 *       CVPR 2021), so a garment whose parts are out of place is rejected by the class; the rotation threshold is
 *       the 95th percentile of the held-out images the classifier assigns to each class, so 4.3% to 7.2% of every
 *       class of real test images count out. Of the held-out out-of-distribution families it lets 4 of 34 in where
 *       v6 let 8 in (BENCHMARKS.md, "cut-and-paste negatives"); v8a (one threshold) was measured and not shipped;</li>
 *   <li>{@code ganiqa-fmnist-v6}: v3's recipe with 5,000 training images held out for calibration
 *       and a rotation head ({@link dev.ganiqa.metrics.features.train.RotationPretext}: it learns the quarter turn
 *       of each garment; Gidaris et al. 2018, Hendrycks et al. 2019), {@code --reject 20000 --negatives composed
 *       --rotation one-threshold --epochs 15 --seed 1}, test accuracy 0.9175; its {@code rejection} output is the
 *       larger of the rejection-class probability and half the rotation surprise over its threshold (0.0857, the 95th
 *       percentile of the held-out images), so a sample above 0.5 is one the class rejects or whose orientation the
 *       head cannot read. It keeps out the samples of a GAN's first hundred steps that v3 let in (precision 0.00
 *       against 0.77 to 0.80) at the cost of 5% of real test images, unevenly: 20% of bags, 0.7% of ankle boots
 *       (BENCHMARKS.md, "the rotation pretext"). v4, v5 and a per-class threshold were candidates, measured and
 *       not shipped;</li>
 *   <li>{@code ganiqa-fmnist-v3}: the v2 recipe with 20,000 rejection images, half of them composed
 *       into regions on a dark background ({@link dev.ganiqa.metrics.features.train.ComposedNegatives}; outlier
 *       exposure, Hendrycks et al. 2019), {@code --epochs 15 --seed 1 --reject 20000 --composed}, test accuracy
 *       0.9194; its rejection probability gates the k-NN metrics (a sample above 0.5 counts as outside the real
 *       manifold, {@code ood_share});</li>
 *   <li>{@code ganiqa-fmnist-v2}: trained with an 11th class of 6,000 synthetic non-object images
 *       ({@link dev.ganiqa.metrics.features.train.RejectionImages}: noise, smooth noise, flat images, patterns),
 *       so pure noise gets features of its own and scores precision and density near zero
 *       ({@code ganiqa extractor train --epochs 15 --seed 1 --reject 6000}, test accuracy 0.9214 over the 10
 *       garment classes; the exported probabilities cover those 10 classes only);</li>
 *   <li>{@code ganiqa-fmnist-v1}: the same network and recipe without that class ({@code --epochs 15 --seed 1},
 *       test accuracy 0.9203); uniform noise lands among real images in its feature space (precision 0.46).</li>
 * </ul>
 * CPU training in TF is not bit-reproducible, so a re-run of a recipe gives an equivalent network with another
 * checksum; the checksum is what identifies the numbers.
 */
public final class EmbeddedExtractor {
    /**
     * One shipped extractor: resource {@code NAME.pb}, its pinned sha256, and the dataset (the name a spec starts
     * with) it was trained on.
     */
    public record Embedded(String name, String version, String sha256, String data) {
        public String resource() {
            return name + ".pb";
        }
    }

    public static final Embedded V1 = new Embedded("ganiqa-fmnist-v1", "1",
            "cadfa502473ac639eec20478ceaabc40fc3cb16506112f31b265527528d261f2", "fashion-mnist");
    public static final Embedded V2 = new Embedded("ganiqa-fmnist-v2", "2",
            "0c1dd2d6987adccc85e1e0341fe847b9807ac7c19bb9662e7e258268c77ba215", "fashion-mnist");
    public static final Embedded V3 = new Embedded("ganiqa-fmnist-v3", "3",
            "08466e0f29233b02d016a56950b3bdc6e7c5a16046b8cdff488ef4d5feeab7d6", "fashion-mnist");
    /**
     * The same network and recipe as v3 on the colour emoji dataset at 32x32x3: {@code ganiqa extractor train --data
     * emoji --shape 32x32x3 --reject 3000 --negatives composed --epochs 15 --seed 1 --name ganiqa-emoji-v1}, test accuracy 0.7925 over the 9
     * categories on the 1,166 test emoji (the largest category alone is 0.605).
     */
    public static final Embedded EMOJI_V1 = new Embedded("ganiqa-emoji-v1", "1",
            "df96c9ba698c949e4cf9fa1da738af0b286ceb2fc3c5c06b80a83a29c58f28bf", "emoji");
    public static final Embedded V6 = new Embedded("ganiqa-fmnist-v6", "6",
            "58454cdca8cded5b61569f3673cb2bc8dec91082328403c11df40d2a34df7ed3", "fashion-mnist");
    public static final Embedded V8 = new Embedded("ganiqa-fmnist-v8", "8",
            "200524c9c5fddd4f1635a80ec4445c10451a8eddc48abdca1afa4483e54b90f6", "fashion-mnist");
    /**
     * v8's outputs with the union of v8's rejection and that of v10a, a DRAEM-trained classifier with noise
     * augmentation (not shipped on its own), whose gate counts an image out above 0.9, the lowest threshold at which
     * no class of the 5,000 calibration images is over 10% out: {@code ganiqa extractor union --first
     * ganiqa-fmnist-v8 --second frozen:ganiqa-fmnist-v10a.pb} ({@link dev.ganiqa.metrics.features.train.RejectionUnion}).
     * Its features, FID and k-NN radii are v8's; it rejects more: 2 of 38 held-out out-of-distribution families over
     * 0.15 where v8 lets 4 in (BENCHMARKS.md, "light noise in the check"). The default before v12. It runs two
     * networks: 588 images/s against v8's 951 in the same run ({@code extractor bench --images 2000}, 2-core AMD EPYC).
     */
    public static final Embedded V10 = new Embedded("ganiqa-fmnist-v10", "10",
            "def05e630acf08a82d05aa991943f07fb247ed31f474dc23fb73a70f668e8c2a", "fashion-mnist");
    /**
     * v10's design with another second gate, v12a, v10a's recipe with a third of its DRAEM sources the
     * garment itself, shifted, scaled and brightened ({@link dev.ganiqa.metrics.features.train.Negatives#DRAEM_SELF};
     * self-blended images, Shiohara and Yamasaki, CVPR 2022), {@code ganiqa extractor train --reject 40000 --negatives
     * draem-self --rotation per-class --noise-augment 24 --seed 1}, accuracy 0.9120; its gate counts an image out
     * above 0.99 (0.95 leaves 10.1% of a calibration class out): {@code ganiqa extractor union --first
     * ganiqa-fmnist-v8 --second frozen:ganiqa-fmnist-v12a.pb}. Its features, FID and k-NN radii are v8's, as v10's
     * are. It lets 4 of 46 held-out out-of-distribution families in where v10 lets 5 in, and met every rule written
     * for it before it was trained (BENCHMARKS.md, "self-blended negatives"). Same network sizes as v10, so the
     * same speed. The default before v13.
     */
    public static final Embedded V12 = new Embedded("ganiqa-fmnist-v12", "12",
            "10418cae29e11316c1c097448adbb194b3a32e18406dfa5914965d85e14688b8", "fashion-mnist");
    /**
     * v12's design with another second gate, v13a, v12a's recipe with a third of its rejection images a
     * training garment through a random zero-mean 3x3 or 5x5 filter, rectified ({@link
     * dev.ganiqa.metrics.features.train.Negatives#DRAEM_FILTERED}; random convolutions, Xu et al., ICLR 2021, as
     * negatives), {@code ganiqa extractor train --reject 40000 --negatives draem-filtered --rotation per-class
     * --noise-augment 24 --seed 1}, accuracy 0.9140; its gate counts an image out above 0.7 (0.5 leaves 13% of a
     * calibration class out): {@code ganiqa extractor union --first ganiqa-fmnist-v8 --second
     * frozen:ganiqa-fmnist-v13a.pb}. Its features, FID and k-NN radii are v8's. It lets 2 of 50 held-out
     * out-of-distribution families in where v12 lets 5 in (the double exposure and the ghost, both lower than under
     * v12), and met every rule written for it before it was trained (BENCHMARKS.md, "filtered garments"). The
     * default before v15.
     */
    public static final Embedded V13 = new Embedded("ganiqa-fmnist-v13", "13",
            "d0003840b5cd9becf3e14019078cfea3f851f8461d8b989193c3d140343da767", "fashion-mnist");
    /**
     * v13's design with another second gate, v15a, v13a's recipe with a quarter of its rejection images a
     * training garment mixed over the whole frame with a gray emoji at 0.35-0.65 ({@link
     * dev.ganiqa.metrics.features.train.Negatives#DRAEM_MIXED}; mixture outlier exposure, Zhang et al., WACV 2023),
     * {@code ganiqa extractor train --reject 40000 --negatives draem-mixed --rotation per-class --noise-augment 24
     * --seed 1}, accuracy 0.9147; its gate counts an image out above 0.9 (0.7 leaves 12.8% of the calibration bags
     * out): {@code ganiqa extractor union --first ganiqa-fmnist-v8 --second frozen:ganiqa-fmnist-v15a.pb}. Its
     * features, FID and k-NN radii are v8's. It lets 1 of 50 held-out out-of-distribution families in (the ghost's
     * density) where v13 lets 2 in, and met every rule written for it before its code existed (BENCHMARKS.md,
     * "garments mixed with emoji"). The default before v17.
     */
    public static final Embedded V15 = new Embedded("ganiqa-fmnist-v15", "15",
            "22e598a943bd52630b5c97bcefafeb672b535978760368035264efcb142e6a81", "fashion-mnist");
    /**
     * The default: v15's design with another second gate, v17a, v15a's recipe with half of its rejection images (not a
     * quarter) a training garment mixed over the whole frame with a gray emoji at 0.35-0.65 ({@link
     * dev.ganiqa.metrics.features.train.Negatives#DRAEM_MIXED_HALF}), {@code ganiqa extractor train --reject 40000
     * --negatives draem-mixed-half --rotation per-class --noise-augment 24 --seed 1}, accuracy 0.9151; its gate has
     * one threshold per class v8 predicts (0.5 for trousers, pullovers, sneakers and ankle boots, 0.7 for T-shirts,
     * coats, sandals, shirts and bags, 0.9 for dresses; class-wise thresholding, {@link
     * dev.ganiqa.metrics.features.train.GateThresholds}), each as low as keeps every class of the calibration garments
     * within 10% out: {@code ganiqa extractor union --first ganiqa-fmnist-v8 --second frozen:ganiqa-fmnist-v17a.pb
     * --per-class}. Its features, FID and k-NN radii are v8's. It lets none of the 50 held-out out-of-distribution
     * families in (the ghost, v15's last, at 0.073 / 0.125), and met every rule written for it before its code
     * existed (BENCHMARKS.md, "half the negatives mixtures").
     */
    public static final Embedded V17 = new Embedded("ganiqa-fmnist-v17", "17",
            "68b61e79a678b0e5e5219e2fbf4b4a27f956d16500c65f4fc54db5411e3e465d", "fashion-mnist");
    /** Every shipped extractor, the default first. */
    public static final List<Embedded> ALL = List.of(V17, V15, V13, V12, V10, V8, V6, V3, V2, V1, EMOJI_V1);
    /** What {@code default} and an empty spec open. */
    public static final Embedded DEFAULT = V17;

    /** The default's name, resource and sha256. */
    public static final String NAME = DEFAULT.name();
    public static final String RESOURCE = DEFAULT.resource();
    public static final String SHA256 = DEFAULT.sha256();

    private EmbeddedExtractor() {
    }

    /** The shipped extractor called {@code name}, if any. */
    public static Optional<Embedded> named(String name) {
        return ALL.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /**
     * The newest shipped extractor trained on the dataset {@code dataSpec} names ({@code emoji:google@test} names
     * {@code emoji}), else {@link #DEFAULT}: a comparison on emoji measures with an emoji extractor unless told
     * otherwise.
     */
    public static Embedded forData(String dataSpec) {
        String name = dataSpec == null ? "" : dataSpec.split("[:?@]", 2)[0];
        return ALL.stream().filter(e -> e.data().equals(name)).findFirst().orElse(DEFAULT);
    }

    /** Opens the default. */
    public static FeatureExtractor open(int threads) {
        return open(DEFAULT, threads);
    }

    public static FeatureExtractor open(Embedded embedded, int threads) {
        return open(embedded, read(embedded), embedded.resource(), threads);
    }

    /** The resource's bytes, checked against the pinned sha256 (to build on a shipped graph, as a union does). */
    public static byte[] verifiedBytes(Embedded embedded) {
        byte[] bytes = read(embedded);
        verify(embedded, bytes, embedded.resource());
        return bytes;
    }

    /** The resource's bytes, unchecked. */
    static byte[] read(Embedded embedded) {
        String resource = embedded.resource();
        try (InputStream in = EmbeddedExtractor.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ExtractorException(embedded.name() + ": expected the resource " + resource
                        + " on the classpath, found none");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ExtractorException(embedded.name() + ": cannot read the resource " + resource + " ("
                    + e.getMessage() + ")", e);
        }
    }

    /** Opens weights after checking them against {@code embedded}'s sha256; a mismatch is a one-line error. */
    static FeatureExtractor open(Embedded embedded, byte[] bytes, String source, int threads) {
        return FrozenGraphs.open(bytes, embedded.name(), embedded.version(), verify(embedded, bytes, source), threads);
    }

    /** The sha256 of {@code bytes}, which must be {@code embedded}'s pinned one; a mismatch is a one-line error. */
    private static String verify(Embedded embedded, byte[] bytes, String source) {
        String actual = Sha256.hex(bytes);
        if (!actual.equals(embedded.sha256())) {
            throw new ExtractorException(embedded.name() + ": " + source + ": expected sha256 " + embedded.sha256()
                    + ", found " + actual + " (corrupted or replaced weights)");
        }
        return actual;
    }
}
