package io.seqaug.api;

/**
 * Common contract of every SeqAug service provider.
 *
 * <p>Providers are discovered with {@link java.util.ServiceLoader}, so every implementation needs a
 * public no-argument constructor and an entry in {@code META-INF/services}. A provider is a cheap,
 * stateless factory; the objects it builds carry the state.
 */
public interface Provider {

    /**
     * The stable name that configuration files use to select this provider.
     *
     * @return a lowercase, hyphenated name such as {@code sasrec} or {@code item-wise}; unique per
     *     provider kind
     */
    String name();

    /**
     * A one-line human description, shown by {@code seqaug plugins}.
     *
     * @return the description, never {@code null}
     */
    default String description() {
        return "";
    }
}
