/**
 * Image datasets: the {@link dev.ganiqa.datasets.ImageDataset} abstraction (same-shape images in memory, for
 * training), {@link dev.ganiqa.datasets.ImageSet} (images read one at a time at their own size, for measuring;
 * {@link dev.ganiqa.datasets.FolderImages} streams a folder, {@link dev.ganiqa.datasets.Datasets#openImages}
 * opens any spec so), the {@link dev.ganiqa.datasets.FolderLayout} rule shared by both folder readers, the readers behind the
 * {@code --data SPEC} strings ({@link dev.ganiqa.datasets.Datasets#open}: IDX and Fashion-MNIST, CIFAR-10
 * binary, image folders, synthetic shapes), the one {@link dev.ganiqa.datasets.Preprocessing} policy that
 * adapts images to a target size and channel count, and {@link dev.ganiqa.datasets.ImageFolderWriter}, which
 * turns any dataset into an image folder. Bad files are skipped with a reason ({@link dev.ganiqa.datasets.SkippedFile});
 * a wholly unusable source is a one-line {@link dev.ganiqa.datasets.DatasetException}. Nothing here knows
 * about GANs or metrics.
 *
 * <p>Being the module every other one but reports depends on, it also holds the codebase's one helper per job:
 * {@link dev.ganiqa.datasets.AtomicFiles} (every file written), {@link dev.ganiqa.datasets.Png} (every PNG
 * encoded), {@link dev.ganiqa.datasets.Sha256} (every digest but reports' own two strings) and
 * {@link dev.ganiqa.datasets.IoErrors} (the OS reason of a failed file operation). An export in progress is
 * marked by {@link dev.ganiqa.datasets.PartialExport}, so an interrupted one can be finished.
 */
package dev.ganiqa.datasets;
