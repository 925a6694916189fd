package io.seqaug.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.random.RandomGenerator;

/**
 * Everything an augmenter sees of one training step.
 *
 * <p>Arrays live in {@code manager}, which is closed when the step ends; an augmenter creates its
 * own arrays there too.
 *
 * @param manager the step's manager
 * @param backbone the model being trained
 * @param batch the batch as primitive arrays (including the augmenter's views)
 * @param inputs {@code [B, L]} input ids
 * @param positives {@code [B, L]} next-item targets (0 = no target)
 * @param negatives {@code [B, L]} sampled negatives
 * @param targetMask {@code [B, L]} float, 1 where a target exists
 * @param inputEmbeddings {@code [B, L, H]} {@code backbone.embed(inputs)}, computed once per step
 * @param positiveEmbeddings {@code [B, L, H]} {@code backbone.embed(positives)}
 * @param negativeEmbeddings {@code [B, L, H]} {@code backbone.embed(negatives)}
 * @param encoded {@code [B, L, H]} the backbone's output for {@code inputs} in training mode
 * @param rng a generator seeded for this step
 */
public record StepContext(NDManager manager, Backbone backbone, SequenceBatch batch, NDArray inputs,
        NDArray positives, NDArray negatives, NDArray targetMask, NDArray inputEmbeddings, NDArray positiveEmbeddings,
        NDArray negativeEmbeddings, NDArray encoded, RandomGenerator rng) {}
