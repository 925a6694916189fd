package io.seqaug.runtime.experiment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.seqaug.api.Augmented;
import io.seqaug.api.Backbone;
import io.seqaug.api.MixupStrategy;
import io.seqaug.api.SequenceOperator;
import io.seqaug.api.host.Tensors;
import io.seqaug.augmenters.BasRecSettings;
import io.seqaug.datasets.EvaluationCase;
import io.seqaug.datasets.LeaveOneOutSplit;
import io.seqaug.runtime.config.ConfigError;
import io.seqaug.runtime.config.Settings;
import io.seqaug.runtime.eval.FullRankingEvaluator;
import io.seqaug.runtime.plugins.ProviderRegistry;
import io.seqaug.runtime.train.Checkpoint;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Relevance and diversity of augmented data, measured with a trained model. For a sample of test
 * users, each method draws several augmented versions of the user's input sequence and encodes them;
 * from the last position's representation it measures
 * <ul>
 *   <li><b>relevance</b>: the mean cosine similarity between an augmented version and the original,
 *       and how often the user's held-out next item stays in the augmented version's top 20, ranked
 *       as evaluation ranks it ({@code seqaug.eval.seen-items}: the user's seen items excluded or
 *       scored 0), so that the original's rate is the sample's test HR@20;</li>
 *   <li><b>diversity</b>: the mean pairwise cosine distance (1 - cosine) among one user's augmented
 *       versions, and their mean Euclidean distance to the original relative to its norm.</li>
 * </ul>
 * Methods: each operator on its own at each of a range of fixed rates; BASRec's single-sequence
 * samples (its operator copies mixed with the original in embedding space, as in training) and, for
 * comparison, the same copies unmixed; and BASRec's cross-sequence mixtures of a user's output with
 * another user's (item-wise and feature-wise). The first point, {@code original}, is the reference:
 * the original sequences' own top-20 rate.
 */
public final class AugmentationAnalysis {

    /** The plain operators measured at each rate. */
    public static final List<String> OPERATORS = List.of("reorder", "substitute", "crop", "mask", "insert");

    /**
     * One method's measurements.
     *
     * @param method the method's name
     * @param rate the operator rate, or NaN where it does not apply or is drawn
     * @param relevanceCosine mean cosine similarity to the original
     * @param relevanceTop20 fraction of augmented versions that keep the next item in their top 20
     * @param diversityPairwise mean pairwise cosine distance among one user's versions
     * @param distanceToOriginal mean Euclidean distance to the original over the original's norm
     */
    public record Point(String method, double rate, double relevanceCosine, double relevanceTop20,
            double diversityPairwise, double distanceToOriginal) {}

    private final ProviderRegistry registry;

    /**
     * Created by Guice.
     *
     * @param registry the providers
     */
    @Inject
    public AugmentationAnalysis(ProviderRegistry registry) {
        this.registry = registry;
    }

    /**
     * Measures every method.
     *
     * @param settings the settings saved with the checkpoint (plus overrides); BASRec's settings
     *     are read from {@code augmenter.basrec}
     * @param checkpoint the trained model
     * @param users how many test users to sample
     * @param copies augmented versions per user and method (at least 2)
     * @param rates the fixed rates of the plain operators
     * @param seed seeds the sampling of users and augmentations
     * @return one point per method and rate
     */
    public List<Point> run(Settings settings, Checkpoint checkpoint, int users, int copies, double[] rates, long seed) {
        if (copies < 2) {
            throw new ConfigError("--copies must be at least 2 (diversity compares copies), got " + copies);
        }
        if (users < 1) {
            throw new ConfigError("--users must be at least 1, got " + users);
        }
        for (double r : rates) {
            if (!(r > 0 && r <= 1)) {
                throw new ConfigError("--rates must lie in (0, 1], got " + r);
            }
        }
        ExperimentSetup setup = ExperimentSetup.load(settings, registry);
        if (!setup.dims().equals(checkpoint.dims())) {
            throw new ConfigError("the checkpoint was trained with " + checkpoint.dims() + " but its data gives " + setup.dims());
        }
        Backbone backbone = registry.backbone(checkpoint.backbone()).create(checkpoint.dims(),
                settings.provider("backbone." + checkpoint.backbone()));
        List<EvaluationCase> sample = sample(setup.split().test(), users, seed);
        // BASRec's settings read and checked as BASRec reads them
        BasRecSettings basrec = BasRecSettings.from(settings.provider("augmenter.basrec"));
        Map<String, Double> basrecRates = Map.of("rate-min", basrec.rateMin(), "rate-max", basrec.rateMax());
        Map<String, Double> beta = Map.of("beta", basrec.beta());
        List<Point> points = new ArrayList<>();
        try (NDManager root = NDManager.newBaseManager()) {
            backbone.initialize(root);
            checkpoint.restoreInto(backbone);
            Measure measure = new Measure(backbone, FullRankingEvaluator.from(settings), sample, copies, root);
            points.add(measure.original());
            for (String name : OPERATORS) {
                for (double rate : rates) {
                    SequenceOperator op = setup.context().operator(name, Map.of("rate-min", rate, "rate-max", rate));
                    points.add(measure.copies(name, rate, op, null, new SplittableRandom(seed + 1)));
                }
            }
            SequenceOperator basrecOperator = setup.context().operator(basrec.operator(), basrecRates);
            points.add(measure.copies("basrec copies (unmixed)", Double.NaN, basrecOperator, null, new SplittableRandom(seed + 2)));
            MixupStrategy single = setup.context().mixup(basrec.singleMixup(), beta);
            points.add(measure.copies("basrec single-sequence (mixed)", Double.NaN, basrecOperator, single,
                    new SplittableRandom(seed + 2)));
            for (String cross : basrec.crossMixups()) {
                points.add(measure.cross("basrec cross-sequence " + cross, setup.context().mixup(cross, beta),
                        new SplittableRandom(seed + 3)));
            }
        }
        return points;
    }

    private static List<EvaluationCase> sample(List<EvaluationCase> cases, int users, long seed) {
        List<EvaluationCase> all = new ArrayList<>(cases);
        RandomGenerator rng = new SplittableRandom(seed);
        for (int i = all.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            EvaluationCase t = all.get(i);
            all.set(i, all.get(j));
            all.set(j, t);
        }
        return all.subList(0, Math.min(users, all.size()));
    }

    /** The measurements over one sample of users. */
    private static final class Measure {

        private final Backbone backbone;
        private final FullRankingEvaluator evaluator;
        private final List<EvaluationCase> users;
        private final int copies;
        private final NDManager root;
        private final int length;
        private final NDArray originalIds;
        private final NDArray originalOutput; // [U, L, H]
        private final NDArray original; // [U, H]

        Measure(Backbone backbone, FullRankingEvaluator evaluator, List<EvaluationCase> users, int copies, NDManager root) {
            this.backbone = backbone;
            this.evaluator = evaluator;
            this.users = users;
            this.copies = copies;
            this.root = root;
            this.length = backbone.dims().maxLength();
            int[] ids = new int[users.size() * length];
            for (int u = 0; u < users.size(); u++) {
                LeaveOneOutSplit.leftPadInto(users.get(u).input(), ids, u, length);
            }
            originalIds = root.create(ids, new Shape(users.size(), length));
            originalOutput = backbone.encode(originalIds, false);
            original = originalOutput.get(new NDIndex(":, -1, :"));
        }

        /** The reference: the original sequences themselves (no diversity, full relevance). */
        Point original() {
            try (NDManager m = root.newSubManager()) {
                return new Point("original", Double.NaN, 1.0, top20(original, m), 0.0, 0.0);
            }
        }

        Point copies(String method, double rate, SequenceOperator operator, MixupStrategy mixup, RandomGenerator rng) {
            int u = users.size();
            int[] ids = new int[u * copies * length];
            for (int c = 0; c < copies; c++) {
                for (int i = 0; i < u; i++) {
                    Augmented a = operator.apply(users.get(i).input(), rng);
                    LeaveOneOutSplit.leftPadInto(a.items(), ids, c * u + i, length);
                }
            }
            try (NDManager m = root.newSubManager()) {
                NDArray viewIds = m.create(ids, new Shape((long) copies * u, length));
                NDArray last;
                if (mixup == null) {
                    last = backbone.encodeLast(viewIds);
                } else {
                    NDArray tiledIds = originalIds.tile(new long[] {copies, 1});
                    NDArray augmented = backbone.embed(viewIds);
                    NDArray lambda = mixup.sampleLambda(m, augmented.getShape(), rng);
                    NDArray mixed = mixup.mix(backbone.embed(tiledIds), augmented, lambda);
                    last = backbone.encodeEmbeddedLast(mixed, tiledIds.maximum(viewIds), false);
                }
                return summarise(method, rate, last.reshape(copies, u, -1), m);
            }
        }

        Point cross(String method, MixupStrategy mixup, RandomGenerator rng) {
            int u = users.size();
            try (NDManager m = root.newSubManager()) {
                List<NDArray> mixes = new ArrayList<>();
                for (int c = 0; c < copies; c++) {
                    long[] partner = new long[u];
                    for (int i = 0; i < u; i++) {
                        int p = rng.nextInt(u - 1);
                        partner[i] = p >= i ? p + 1 : p; // never the user itself
                    }
                    NDArray other = originalOutput.get(m.create(partner));
                    NDArray lambda = mixup.sampleLambda(m, originalOutput.getShape(), rng);
                    mixes.add(mixup.mix(originalOutput, other, lambda).get(new NDIndex(":, -1, :")).expandDims(0));
                }
                return summarise(method, Double.NaN, NDArrays.concat(new NDList(mixes)), m);
            }
        }

        /** {@code x + 1e-12}, the floor under a norm that is divided by. */
        private static NDArray plusTiny(NDArray x) {
            return x.add(Tensors.constant(x, 1e-12f));
        }

        /** {@code views} is [copies, users, H]. */
        private Point summarise(String method, double rate, NDArray views, NDManager m) {
            NDArray unit = views.div(plusTiny(views.norm(new int[] {2}, true)));
            NDArray originalUnit = original.div(plusTiny(original.norm(new int[] {1}, true))).expandDims(0);
            double cosine = unit.mul(originalUnit).sum(new int[] {2}).mean().getFloat();
            double distance = views.sub(original.expandDims(0)).norm(new int[] {2})
                    .div(plusTiny(original.norm(new int[] {1}).expandDims(0))).mean().getFloat();
            // pairwise cosine distance among a user's copies: [U, C, H] x [U, H, C]
            NDArray perUser = unit.transpose(1, 0, 2);
            NDArray gram = perUser.matMul(perUser.transpose(0, 2, 1));
            double offDiagonal = gram.sum().getFloat() - gram.getShape().get(0) * copies;
            double pairwise = 1 - offDiagonal / ((double) gram.getShape().get(0) * copies * (copies - 1));
            double top20 = top20(views.reshape(-1, views.getShape().get(2)), m);
            return new Point(method, rate, cosine, top20, pairwise, distance);
        }

        /**
         * Fraction of rows ({@code [n * users, H]}, user-minor) whose user's answer ranks in the top 20,
         * ranked by the evaluator: the same candidates, exclusions and tie rule as HR@20.
         */
        private double top20(NDArray rows, NDManager m) {
            int n = (int) rows.getShape().get(0);
            List<EvaluationCase> tiled = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                tiled.add(users.get(i % users.size()));
            }
            long hits = Arrays.stream(evaluator.ranksOfOutputs(backbone, rows, tiled, m)).filter(r -> r < 20).count();
            return (double) hits / n;
        }
    }

    /**
     * The points as CSV.
     *
     * @param points the measurements
     * @return the CSV text with a header
     */
    public static String csv(List<Point> points) {
        StringBuilder out = new StringBuilder(
                "method,rate,relevance_cosine,relevance_top20,diversity_pairwise,distance_to_original\n");
        for (Point p : points) {
            out.append(p.method()).append(',').append(Double.isNaN(p.rate()) ? "" : String.format(Locale.ROOT, "%.2f", p.rate()))
                    .append(String.format(Locale.ROOT, ",%.5f,%.5f,%.5f,%.5f%n", p.relevanceCosine(), p.relevanceTop20(),
                            p.diversityPairwise(), p.distanceToOriginal()));
        }
        return out.toString();
    }
}
