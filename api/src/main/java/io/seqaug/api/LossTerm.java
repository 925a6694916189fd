package io.seqaug.api;

import ai.djl.ndarray.NDArray;

/**
 * One named scalar loss that an augmenter adds to the recommendation loss.
 *
 * <p>The name appears in progress output and in the epoch log, so that a reader can see what each
 * part of an augmenter contributes.
 *
 * @param name short identifier such as {@code single-seq} or {@code cross-item-wise}
 * @param value a scalar NDArray attached to the step's manager, already weighted
 */
public record LossTerm(String name, NDArray value) {}
