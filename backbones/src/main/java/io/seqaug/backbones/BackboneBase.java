package io.seqaug.backbones;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import io.seqaug.api.Backbone;
import io.seqaug.api.ModelDims;
import io.seqaug.api.host.Tensors;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What every built-in backbone shares: a registry of named parameters and the item table lookup.
 *
 * <p>Every operation takes a step array (ids, embeddings, hidden states) as its receiver, so that
 * results are attached to the step's manager and never to the parameters' long-lived one.
 */
abstract class BackboneBase implements Backbone {

    protected final ModelDims dims;
    private final List<Parameter> parameters = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private final Parameter itemTable;
    private final boolean publishedPadding;

    /**
     * @param dims the sizes
     * @param itemInit the item table's initializer
     * @param publishedPadding padding as in the published code: the padding row is a fixed random
     *     embedding and every input is padded to max-length (the backbone is then not padding-invariant)
     */
    BackboneBase(ModelDims dims, Initializer itemInit, boolean publishedPadding) {
        this.dims = dims;
        this.itemTable = parameter("item-embeddings", new Shape(dims.tableRows(), dims.hiddenSize()), itemInit);
        this.publishedPadding = publishedPadding;
    }

    /**
     * Registers a parameter.
     *
     * @param name a unique name
     * @param shape its shape
     * @param init its initializer
     * @return the parameter
     */
    protected final Parameter parameter(String name, Shape shape, Initializer init) {
        if (!names.add(name)) {
            throw new IllegalStateException("duplicate parameter name " + name);
        }
        Parameter p = Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).optShape(shape)
                .optInitializer(init).build();
        parameters.add(p);
        return p;
    }

    @Override
    public final ModelDims dims() {
        return dims;
    }

    @Override
    public final void initialize(NDManager manager) {
        for (Parameter p : parameters) {
            if (!p.isInitialized()) {
                p.initialize(manager, DataType.FLOAT32);
            }
        }
    }

    @Override
    public final List<Parameter> parameters() {
        return Collections.unmodifiableList(parameters);
    }

    @Override
    public final NDArray itemTable() {
        return itemTable.getArray();
    }

    /** Causal backbones are, unless their padding is the published one. */
    @Override
    public final boolean paddingInvariant() {
        return causal() && !publishedPadding;
    }

    /**
     * Item embeddings. Zero padding: padding positions are forced to zero, so the padding row never
     * receives a gradient and padding never leaks into recurrent state. Published padding: the
     * padding row's value flows in (it keeps its initial random value) but never receives a gradient.
     */
    @Override
    public final NDArray embed(NDArray itemIds) {
        NDArray ids = itemIds.toType(DataType.INT64, false);
        NDArray emb = lookup(ids, itemTable());
        if (!publishedPadding) {
            return emb.muli(ids.gt(0).toType(DataType.FLOAT32, false).expandDims(-1));
        }
        NDArray padding = ids.eq(0).toType(DataType.FLOAT32, false).expandDims(-1);
        NDArray negated = padding.neg();
        return emb.mul(negated.add(Tensors.constant(negated, 1f))).add(emb.stopGradient().mul(padding));
    }

    /**
     * Position ids counted from the right end: the most recent item always has position
     * {@code maxLength - 1}, whatever the padded length of the batch.
     *
     * @param itemIds the {@code [B, L]} ids
     * @return {@code [L]} int64 position ids attached to the ids' manager
     */
    protected final NDArray positionIds(NDArray itemIds) {
        long length = itemIds.getShape().get(1);
        if (length > dims.maxLength()) {
            throw new IllegalArgumentException("sequence length " + length + " exceeds max-length " + dims.maxLength());
        }
        return itemIds.getManager().arange(dims.maxLength() - length, dims.maxLength(), 1, DataType.INT64);
    }

    /**
     * Embeds ids with an arbitrary table.
     *
     * @param ids int64 ids, the receiver's manager gets the result
     * @param table the table
     * @return the embeddings
     */
    protected static NDArray lookup(NDArray ids, NDArray table) {
        return ids.getNDArrayInternal().embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
    }
}
