/**
 * Training the project's own feature classifier ({@code ganiqa-fmnist-v1}, {@code ganiqa-fmnist-v2} and {@code ganiqa extractor train}):
 * the network, the training loop, freezing to a GraphDef and SavedModel export. Not used at metric time,
 * except {@link dev.ganiqa.metrics.features.train.ClassifierNet}'s op names, which the loaders read.
 */
package dev.ganiqa.metrics.features.train;
