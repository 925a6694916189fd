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

    BackboneBase(ModelDims dims, Initializer itemInit) {
        this.dims = dims;
        this.itemTable = parameter("item-embeddings", new Shape(dims.tableRows(), dims.hiddenSize()), itemInit);
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

    /**
     * Item embeddings with padding positions forced to zero, so that the padding row never
     * receives a gradient and padding never leaks into recurrent state.
     */
    @Override
    public NDArray embed(NDArray itemIds) {
        NDArray ids = itemIds.toType(DataType.INT64, false);
        NDArray emb = ids.getNDArrayInternal().embedding(ids, itemTable(), SparseFormat.DENSE).singletonOrThrow();
        return emb.muli(ids.gt(0).toType(DataType.FLOAT32, false).expandDims(-1));
    }

    /**
     * Item embeddings as the published code has them: the padding row's value flows in (it keeps
     * its initial random value), but it never receives a gradient.
     *
     * @param itemIds {@code [B, L]} ids, 0 for padding
     * @return {@code [B, L, H]}
     */
    protected final NDArray embedWithFixedPadding(NDArray itemIds) {
        NDArray ids = itemIds.toType(DataType.INT64, false);
        NDArray emb = lookup(ids, itemTable());
        NDArray padding = ids.eq(0).toType(DataType.FLOAT32, false).expandDims(-1);
        return emb.mul(padding.neg().add(1f)).add(emb.stopGradient().mul(padding));
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
