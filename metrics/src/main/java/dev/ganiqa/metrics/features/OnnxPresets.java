package dev.ganiqa.metrics.features;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named ONNX extractors with their published preprocessing, as defaults that {@code ?key=value} options
 * override. Nothing is downloaded: the user exports the model and names the file.
 * <ul>
 *   <li>{@code onnx-clip-vit-b32:FILE}: OpenAI CLIP ViT-B/32's image tower, e.g. Hugging Face
 *       {@code openai/clip-vit-base-patch32} exported by {@code optimum-cli export onnx} as
 *       {@code CLIPVisionModelWithProjection} (input {@code pixel_values} [N, 3, 224, 224], output
 *       {@code image_embeds} [N, 512]). Preprocessing of CLIP's {@code clip.py _transform}: bicubic resize of the
 *       short side to 224, centre crop, 0-1, mean (0.48145466, 0.4578275, 0.40821073), std (0.26862954,
 *       0.26130258, 0.27577711). Features: the projected image embedding (not normalised), as
 *       {@code clip-fid}/torch-fidelity's {@code clip-vit-b-32} use.</li>
 *   <li>{@code onnx-dinov2-vits14:FILE}: DINOv2 ViT-S/14 (Hugging Face {@code facebook/dinov2-small} exported
 *       with {@code optimum-cli}, input {@code pixel_values} [N, 3, 224, 224], outputs {@code last_hidden_state}
 *       [N, 257, 384] and {@code pooler_output} [N, 384], the layer-normed CLS token; a {@code torch.onnx.export}
 *       of {@code torch.hub} {@code dinov2_vits14} returns the same CLS token, 384-d). Preprocessing: 224x224
 *       bicubic, ImageNet mean/std, as dgm-eval's DINOv2 encoder.</li>
 *   <li>{@code onnx-inception:FILE}: TTUR's {@code classify_image_graph_def.pb} converted with tf2onnx (input
 *       {@code ExpandDims:0}, NHWC, float 0-255; output {@code pool_3:0} [N, 1, 1, 2048]). Images are brought to
 *       299x299 here (the graph's own bilinear resize is then the identity); check an export against
 *       {@code inception:} on the same 299x299 folder (README).</li>
 * </ul>
 * {@code features} lists candidates: the first output the model has is used (else its only output).
 */
final class OnnxPresets {
    /** A preset: its default options and the output names tried for the features, in order. */
    record Preset(Map<String, String> defaults, List<String> features) {
    }

    static final String GENERIC = "onnx:";
    static final Map<String, Preset> PRESETS = new LinkedHashMap<>();

    static {
        PRESETS.put(GENERIC, new Preset(Map.of(), List.of("features")));
        PRESETS.put("onnx-clip-vit-b32:", new Preset(Map.of("size", "224x224", "channels", "3", "layout", "nchw",
                "range", "0-1", "mean", "0.48145466,0.4578275,0.40821073", "std", "0.26862954,0.26130258,0.27577711",
                "resize", "bicubic"), List.of("image_embeds", "features", "embeddings")));
        PRESETS.put("onnx-dinov2-vits14:", new Preset(Map.of("size", "224x224", "channels", "3", "layout", "nchw",
                "range", "imagenet", "resize", "bicubic"), List.of("pooler_output", "features", "cls_token")));
        PRESETS.put("onnx-inception:", new Preset(Map.of("size", "299x299", "channels", "3", "layout", "nhwc",
                "range", "0-255", "resize", "area"), List.of("pool_3:0", "pool_3", "features")));
    }

    private OnnxPresets() {
    }

    /** Opens {@code rest} (the text after {@code prefix}) with the preset's defaults. */
    static FeatureExtractor open(String prefix, String rest, int threads) {
        Preset p = PRESETS.get(prefix);
        OnnxSpec spec = OnnxSpec.parse(prefix, rest, p.defaults());
        return OnnxModels.open(spec, spec.features() != null ? List.of(spec.features()) : p.features(),
                spec.features() != null, threads);
    }
}
