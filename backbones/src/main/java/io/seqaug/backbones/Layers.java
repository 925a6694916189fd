package io.seqaug.backbones;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import io.seqaug.api.host.Dropout;

/** Small functional layers shared by the Transformer-style backbones. */
final class Layers {

    /** LayerNorm epsilon of the published SASRec and FMLP-Rec code. */
    static final float LAYER_NORM_EPS = 1e-12f;

    private Layers() {}

    /** A dense layer's weight {@code [out, in]} and bias {@code [out]}. */
    record Dense(Parameter weight, Parameter bias) {

        static Dense register(BackboneBase owner, String name, int in, int out, Initializer weightInit,
                Initializer biasInit) {
            return new Dense(owner.parameter(name + ".weight", new Shape(out, in), weightInit),
                    biasInit == null ? null : owner.parameter(name + ".bias", new Shape(out), biasInit));
        }

        NDArray apply(NDArray x) {
            return x.getNDArrayInternal().linear(x, weight.getArray(), bias == null ? null : bias.getArray())
                    .singletonOrThrow();
        }
    }

    /** LayerNorm over the last axis. */
    record Norm(Parameter gamma, Parameter beta) {

        static Norm register(BackboneBase owner, String name, int width) {
            return new Norm(owner.parameter(name + ".gamma", new Shape(width), Initializer.ONES),
                    owner.parameter(name + ".beta", new Shape(width), Initializer.ZEROS));
        }

        NDArray apply(NDArray x) {
            return x.getNDArrayInternal().layerNorm(x, new Shape(x.getShape().tail()), gamma.getArray(),
                    beta.getArray(), LAYER_NORM_EPS).singletonOrThrow();
        }
    }

    /** The position-wise feed-forward sub-layer with its residual and LayerNorm. */
    record FeedForward(Dense up, Dense down, Norm norm, float dropoutRate) {

        static FeedForward register(BackboneBase owner, String name, int hidden, float dropout) {
            Initializer w = Init.normal(0.02);
            return new FeedForward(Dense.register(owner, name + ".up", hidden, 4 * hidden, w, Initializer.ZEROS),
                    Dense.register(owner, name + ".down", 4 * hidden, hidden, w, Initializer.ZEROS),
                    Norm.register(owner, name + ".norm", hidden), dropout);
        }

        NDArray apply(NDArray x, boolean training) {
            NDArray h = up.apply(x).getNDArrayInternal().gelu();
            h = Dropout.apply(down.apply(h), dropoutRate, training);
            return norm.apply(h.addi(x));
        }
    }
}
