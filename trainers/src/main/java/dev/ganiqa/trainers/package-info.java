/**
 * GAN training with TensorFlow Java: the four compared variants, their shared networks, the training loop,
 * checkpoints, logs, sample grids and SavedModel export. Nothing here computes metrics or renders reports.
 *
 * <h2>Variants</h2>
 * {@link dev.ganiqa.trainers.GanVariants} is the registry ({@code dcgan}, {@code cdcgan}, {@code wgan},
 * {@code cwgan}); a {@link dev.ganiqa.trainers.GanVariant} is data (loss, conditional), never a string switch.
 * {@code GanVariant.defaults(Lipschitz)} gives the published hyper-parameters (DCGAN: Adam 2e-4, beta1 0.5;
 * WGAN-GP: Adam 1e-4, betas 0.5/0.9, lambda 10, n_critic 5; WGAN clip: RMSProp 5e-5, c 0.01, n_critic 5).
 * Every variant uses the same {@code Backbone}: G = dense -> base x base -> BN/ReLU -> 4x4 stride-2 transposed
 * convs -> tanh, D = 4x4 stride-2 convs with LeakyReLU 0.2 -> linear, no batch norm in D for any variant.
 * 28x28 images use base 7 (7 -> 14 -> 28), 32/64 px base 4 (4 -> 8 -> ...); 1 or 3 channels.
 *
 * <h2>Conditioning</h2>
 * G: a learned label embedding (embedDim, default 50) concatenated with z (Mirza and Osindero 2014).
 * D: projection discriminator, score = w.h + b + e_D(y).h (Miyato and Koyama 2018), which keeps D a single
 * scalar critic and so works unchanged with the Wasserstein loss and its penalty.
 *
 * <h2>API for the comparison pipeline</h2>
 * <pre>{@code
 * TrainConfig config = TrainConfig.defaults(GanVariants.get("wgan"), Budget.epochs(20), seed)
 *         .withHyperparameters(GanVariants.WGAN.defaults(Lipschitz.CLIP));          // optional overrides
 * TrainingRun run = Trainer.train(config, dataset, runDir, new TrainingListener() {
 *     public void onStep(StepStats s) { ... }                                     // per critic step
 *     public void onEpochEnd(EpochSummary e, Generator g) {                       // g valid during the call only
 *         Samples s = g.sample(1000, labelsOrNull, 42);                           // HWC uint8, as PNG would store
 *     }
 * });
 * TrainingRun again = Trainer.resume(runDir, dataset, null, listener);            // after a kill
 * try (Generator g = Generators.load(run.runDir())) { ... }                       // or run.savedModel()
 * }</pre>
 * {@link dev.ganiqa.trainers.TrainingSteps} runs single critic/generator updates outside the loop (benchmarks).
 * {@link dev.ganiqa.trainers.TrainingRun} (also written as {@code run.json}) has epochs, critic and generator
 * steps, images seen, wall time, final losses, the divergence flag and reason, the collapse check and the file paths.
 *
 * <h2>Equal budgets and determinism</h2>
 * Epoch e visits {@code data.batches(batch, Trainer.epochSeed(seed, e), dropLast=true)}: the same order for every
 * variant. One critic step per batch, one generator step after every n_critic-th critic step, so WGANs make a
 * fifth of the generator steps of DCGANs in the same epochs (both counts are reported). Weights are initialised
 * with stateless random ops keyed by the seed, and all noise (z, interpolation weights) is drawn in Java keyed by
 * (seed, stream, step): the same seed gives bit-identical checkpoints and samples on one machine (tested with
 * TF's default thread pools; {@code TrainConfig.threads} fixes the pool size; results are only promised equal
 * for equal thread counts, since oneDNN may order floating-point sums differently for another pool). A resumed run continues the same noise from its step counters.
 *
 * <h2>Run folder</h2>
 * config.json, model.json, log.jsonl (one JSON line per critic step: losses, Wasserstein estimate, penalty,
 * step time), grids/epoch-NNNN.png (100 fixed-noise samples, row r shows class r for conditional variants,
 * the same noise for every variant and run), checkpoints/ckpt-N (atomic, the last one kept), savedmodel/
 * (tag serve, signature generate: z [n, latent], labels one-hot [n, max(classes, 1)] -> images [n, H, W, C]
 * in [-1, 1]), collapse.json (the collapse check so far), run.json.
 *
 * <h2>Divergence and collapse</h2>
 * A non-finite loss stops the run at once (no export: the weights are unusable; the last checkpoint stays), an
 * exploding but finite loss after its step; either way {@code TrainingRun.diverged()} is set with the
 * reason, and nothing is thrown. A collapse does not stop the run: at each epoch end {@code CollapseCheck} compares
 * the generator's spread across z (within each class for conditional variants) with the real within-class spread
 * of the training data, and {@code TrainingRun.collapse()} flags the final generator when it is below a quarter of
 * it, so the collapsed generator is still exported and evaluated, with the flag next to its metrics.
 */
package dev.ganiqa.trainers;
