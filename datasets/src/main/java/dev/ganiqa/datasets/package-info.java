/**
 * Image datasets: the {@link dev.ganiqa.datasets.ImageDataset} abstraction, the readers behind the
 * {@code --data SPEC} strings (IDX, CIFAR-10 binary, image folders, synthetic shapes) and the one
 * preprocessing policy that adapts images to a target size and channel count. Nothing here knows
 * about GANs or metrics.
 */
package dev.ganiqa.datasets;
