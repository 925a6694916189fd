package io.seqaug.runtime.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies Adam to a backbone's parameters after each backward pass and clears their gradients
 * (the PyTorch engine accumulates gradients across backward passes).
 *
 * <p>Its state can be read and restored ({@link OptimizerState}) so that an interrupted run
 * continues with the moments it had. DJL's Adam keeps its moments in private maps and offers no
 * access to them, so they are read and set through reflection; {@code ResumeTest} fails if a DJL
 * upgrade changes them.
 */
final class ParameterUpdater {

    private static final Field MEANS = momentsField("means");
    private static final Field VARIANCES = momentsField("variances");

    private final List<Parameter> parameters;
    /** Rebuilds the optimizer on {@link #restore}, with the update count it continues from. */
    private final Adam.Builder adam;
    private Adam optimizer;
    private int steps;

    ParameterUpdater(List<Parameter> parameters, float learningRate, float beta1, float beta2, float weightDecay) {
        this.parameters = parameters;
        this.adam = Adam.builder().optLearningRateTracker(Tracker.fixed(learningRate)).optBeta1(beta1).optBeta2(beta2)
                .optWeightDecays(weightDecay).optEpsilon(1e-8f);
        this.optimizer = adam.optBeginNumUpdate(0).build();
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
        steps++;
    }

    /** A copy of the current state. */
    OptimizerState state() {
        Map<String, Map<Device, NDArray>> means = moments(MEANS);
        Map<String, Map<Device, NDArray>> variances = moments(VARIANCES);
        float[][] m = new float[parameters.size()][];
        float[][] v = new float[parameters.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = values(means, parameters.get(i).getName());
            v[i] = values(variances, parameters.get(i).getName());
        }
        return new OptimizerState(steps, m, v);
    }

    /** Replaces the state with a copy of {@code state}, which must come from the same parameters. */
    void restore(OptimizerState state) {
        optimizer = adam.optBeginNumUpdate(state.steps()).build();
        steps = state.steps();
        Map<String, Map<Device, NDArray>> means = moments(MEANS);
        Map<String, Map<Device, NDArray>> variances = moments(VARIANCES);
        for (int i = 0; i < parameters.size(); i++) {
            NDArray weight = parameters.get(i).getArray();
            put(means, parameters.get(i).getName(), weight, state.means()[i]);
            put(variances, parameters.get(i).getName(), weight, state.variances()[i]);
        }
    }

    private static float[] values(Map<String, Map<Device, NDArray>> moments, String name) {
        Map<Device, NDArray> perDevice = moments.get(name);
        return perDevice == null || perDevice.isEmpty() ? null : perDevice.values().iterator().next().toFloatArray();
    }

    /** Adam creates a moment on first use as a detached array on the weight's device; so does this. */
    private static void put(Map<String, Map<Device, NDArray>> moments, String name, NDArray weight, float[] values) {
        if (values == null) {
            return;
        }
        NDArray array = weight.getManager().create(values, weight.getShape());
        array.detach();
        Map<Device, NDArray> perDevice = new ConcurrentHashMap<>();
        perDevice.put(weight.getDevice(), array);
        moments.put(name, perDevice);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<Device, NDArray>> moments(Field field) {
        try {
            return (Map<String, Map<Device, NDArray>>) field.get(optimizer);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read Adam's " + field.getName() + ": " + e, e);
        }
    }

    private static Field momentsField(String name) {
        try {
            Field f = Adam.class.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot reach Adam's " + name + " in this DJL version: " + e, e);
        }
    }
}
