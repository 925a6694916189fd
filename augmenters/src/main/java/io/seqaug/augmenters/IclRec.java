package io.seqaug.augmenters;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.seqaug.api.Augmented;
import io.seqaug.api.Augmenter;
import io.seqaug.api.AugmenterContext;
import io.seqaug.api.AugmenterProvider;
import io.seqaug.api.EpochContext;
import io.seqaug.api.LossTerm;
import io.seqaug.api.ProviderSettings;
import io.seqaug.api.StepContext;
import io.seqaug.api.host.Tensors;
import io.seqaug.augmenters.contrastive.InfoNce;
import io.seqaug.augmenters.contrastive.KMeans;
import io.seqaug.augmenters.contrastive.OperatorViews;
import io.seqaug.augmenters.contrastive.SequenceRepresentation;
import io.seqaug.augmenters.contrastive.ViewContrast;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * {@code iclrec} (Chen et al., WWW 2022), the published {@code Hybrid} contrast. Before every epoch
 * the training sequences are encoded without dropout, their mean outputs clustered by k-means into
 * intents, and each centroid L2-normalised. In every batch, two CL4SRec views of each sequence give
 * the instance-level InfoNCE (as {@code cl4srec}), and each view is contrasted with the normalised
 * intent of its sequence (the centroid nearest the mean of the batch's own outputs, no gradient)
 * by InfoNCE, the two views' terms averaged. Defaults are the Beauty script of the official code:
 * 256 intents, weights 0.1 and 0.1, temperature 1, intents from the first epoch. Differences from
 * that code: {@code docs/methods/iclrec.md}.
 */
public final class IclRec implements AugmenterProvider {

    @Override
    public String name() {
        return "iclrec";
    }

    @Override
    public String description() {
        return "ICLRec: k-means intents every epoch, intent and instance InfoNCE over crop/mask/reorder views";
    }

    @Override
    public Augmenter create(ProviderSettings settings, AugmenterContext context) {
        Settings s = new Settings(OperatorViews.from(settings, context), settings.integer("clusters", 1, 1 << 20),
                settings.integer("kmeans-iterations", 1, 10_000), settings.integer("kmeans-restarts", 1, 100),
                ViewContrast.from(settings, "instance-representation"), (float) settings.number("temperature", 1e-6, 1e6),
                settings.number("instance-weight", 0, 1e6), settings.number("intent-weight", 0, 1e6),
                settings.integer("warm-up-epochs", 0, Integer.MAX_VALUE));
        if (s.instanceWeight() == 0 && s.intentWeight() == 0) {
            throw settings.invalid("intent-weight", "and instance-weight are both 0, which switches off both of the "
                    + "method's losses: the run would train as augmenter none under this method's name");
        }
        return new Instance(s);
    }

    /**
     * ICLRec's settings.
     *
     * @param views the views' operators
     * @param clusters the number of intents
     * @param iterations k-means iterations
     * @param restarts k-means restarts
     * @param instance the instance-level contrast: its representation and products
     * @param temperature both contrasts' temperature
     * @param instanceWeight weight of the instance-level term ({@code cf_weight})
     * @param intentWeight weight of the intent term ({@code intent_cf_weight})
     * @param warmUp epochs of the stage before intents are clustered and contrasted
     */
    record Settings(OperatorViews views, int clusters, int iterations, int restarts, ViewContrast instance,
            float temperature, double instanceWeight, double intentWeight, int warmUp) {}

    /** The augmenter; its intents change in {@link #startEpoch} only, read by {@link #losses}. */
    static final class Instance implements Augmenter {
        private final Settings settings;
        private float[][] centroids;
        private float[] normalised;

        Instance(Settings settings) {
            this.settings = settings;
        }

        @Override
        public int viewsPerExample() {
            return 2;
        }

        @Override
        public List<Augmented> augmentExample(int[] items, RandomGenerator rng) {
            return settings.views().two(items, rng);
        }

        @Override
        public void startEpoch(EpochContext epoch) {
            if (epoch.epoch() < settings.warmUp() || settings.intentWeight() == 0) {
                centroids = null;
                return;
            }
            float[][] all = epoch.encodeTrainingSequences(EpochContext.Pooling.MEAN);
            List<float[]> points = new ArrayList<>(all.length);
            for (float[] row : all) {
                if (!isZero(row)) {
                    points.add(row);
                }
            }
            int k = Math.min(settings.clusters(), points.size());
            KMeans.Result result = KMeans.fit(points.toArray(float[][]::new), k, settings.iterations(), settings.restarts(),
                    epoch.seed(), epoch.manager());
            centroids = result.centroids();
            normalised = normalise(centroids);
        }

        private static boolean isZero(float[] row) {
            for (float v : row) {
                if (v != 0) {
                    return false;
                }
            }
            return true;
        }

        static float[] normalise(float[][] centroids) {
            int d = centroids[0].length;
            float[] flat = new float[centroids.length * d];
            for (int c = 0; c < centroids.length; c++) {
                double norm = 0;
                for (float v : centroids[c]) {
                    norm += v * v;
                }
                float scale = (float) (1 / Math.max(Math.sqrt(norm), 1e-12));
                for (int j = 0; j < d; j++) {
                    flat[c * d + j] = centroids[c][j] * scale;
                }
            }
            return flat;
        }

        @Override
        public List<LossTerm> losses(StepContext step) {
            NDManager m = step.manager();
            int batch = step.batchSize();
            NDArray ids = step.requireViews();
            NDArray encoded = step.encode(step.embed(ids), ids);
            NDArray instanceLoss = settings.instance().loss(encoded, ids, batch, settings.temperature(), InfoNce.Similarity.DOT);
            List<LossTerm> terms = new ArrayList<>(2);
            terms.add(new LossTerm("instance-contrastive", instanceLoss, settings.instanceWeight()));
            if (centroids != null) {
                // each sequence's intent: the centroid nearest the mean of its own outputs in this step
                NDArray query = SequenceRepresentation.MEAN.of(step.encoded(), step.inputs()).stopGradient();
                int[] intent = KMeans.assign(query, centroids, m);
                int d = centroids[0].length;
                float[] rows = new float[batch * d];
                for (int b = 0; b < batch; b++) {
                    System.arraycopy(normalised, intent[b] * d, rows, b * d, d);
                }
                NDArray intents = m.create(rows, new Shape(batch, d));
                NDArray views = SequenceRepresentation.MEAN.of(encoded, ids);
                NDArray first = InfoNce.loss(views.get("0:{}", batch), intents, settings.temperature(), InfoNce.Similarity.DOT);
                NDArray second = InfoNce.loss(views.get("{}:", batch), intents, settings.temperature(), InfoNce.Similarity.DOT);
                // the two views' mean; halving by a product is exact, as the division was
                terms.add(new LossTerm("intent-contrastive", Tensors.scale(first.add(second), 0.5f), settings.intentWeight()));
            }
            return terms;
        }
    }
}
