package io.seqaug.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

import java.util.List;

/**
 * Applies Adam to a backbone's parameters after each backward pass and clears their gradients
 * (the PyTorch engine accumulates gradients across backward passes).
 */
final class ParameterUpdater {

    private final List<Parameter> parameters;
    private final Optimizer optimizer;

    ParameterUpdater(List<Parameter> parameters, float learningRate, float beta1, float beta2, float weightDecay) {
        this.parameters = parameters;
        this.optimizer = Optimizer.adam().optLearningRateTracker(Tracker.fixed(learningRate)).optBeta1(beta1)
                .optBeta2(beta2).optWeightDecays(weightDecay).optEpsilon(1e-8f).build();
        for (Parameter p : parameters) {
            p.getArray().setRequiresGradient(true);
        }
    }

    void step() {
        for (Parameter p : parameters) {
            NDArray weight = p.getArray();
            try (NDArray grad = weight.getGradient()) {
                optimizer.update(p.getName(), weight, grad);
                grad.subi(grad);
            }
        }
    }
}
