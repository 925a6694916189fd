package io.seqaug.runtime.compare;

import io.seqaug.runtime.eval.UserRanks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every augmenter of a grid against {@code none} with the same dataset and backbone: a paired
 * t-test over the seeds both have (when there are at least 3), and for each seed a Wilcoxon
 * signed-rank test over per-user NDCG@10 and NDCG@20, paired by user. p-values are corrected with
 * Holm's method within each family: the augmenters compared with one {@code none} on one metric
 * (and, for the Wilcoxon test, one seed).
 */
public final class GridStatistics {

    /** Metrics that get the per-user Wilcoxon test, with their cut-offs. */
    public static final Map<String, Integer> USER_METRICS = Map.of("NDCG@10", 10, "NDCG@20", 20);
    /** Seeds a t-test needs. */
    public static final int MIN_SEEDS = 3;
    /** The significance level of the marks. */
    public static final double ALPHA = 0.05;

    /** A dataset, backbone and augmenter: the runs that differ only in their seed. */
    record Group(String dataset, String backbone, String augmenter) {

        static Group of(CellResult c) {
            return new Group(c.dataset(), c.backbone(), c.augmenter());
        }

        Group baseline() {
            return new Group(dataset, backbone, "none");
        }
    }

    /**
     * A raw and a Holm-adjusted p-value.
     *
     * @param raw the test's p-value
     * @param holm after Holm's correction within its family
     * @param difference the augmenter's mean minus {@code none}'s (over seeds, or over users)
     */
    public record P(double raw, double holm, double difference) {

        /** Significant, in either direction. */
        boolean significant() {
            return holm < ALPHA;
        }

        /** Significantly better than {@code none}: what the marks show. */
        boolean better() {
            return significant() && difference > 0;
        }
    }

    private final Map<Group, List<CellResult>> groups = new LinkedHashMap<>();
    private final Map<Group, Map<String, P>> tTests = new HashMap<>();
    private final Map<Group, Map<Long, Map<String, P>>> wilcoxon = new HashMap<>();

    /**
     * Runs every test the finished cells allow.
     *
     * @param cells the finished cells
     */
    public GridStatistics(List<CellResult> cells) {
        for (CellResult c : cells) {
            groups.computeIfAbsent(Group.of(c), g -> new ArrayList<>()).add(c);
        }
        // families: (dataset, backbone, metric) for t; (dataset, backbone, seed, metric) for Wilcoxon
        Map<java.nio.file.Path, UserRanks> rankFiles = new HashMap<>();
        Map<List<Object>, List<Object[]>> tFamilies = new LinkedHashMap<>();
        Map<List<Object>, List<Object[]>> wFamilies = new LinkedHashMap<>();
        for (Map.Entry<Group, List<CellResult>> e : groups.entrySet()) {
            Group g = e.getKey();
            List<CellResult> base = groups.get(g.baseline());
            if (g.augmenter().equals("none") || base == null) {
                continue;
            }
            Map<Long, CellResult> mine = bySeed(e.getValue());
            Map<Long, CellResult> theirs = bySeed(base);
            List<Long> seeds = mine.keySet().stream().filter(theirs::containsKey).sorted().toList();
            if (seeds.size() >= MIN_SEEDS) {
                for (String metric : CellResult.METRICS) {
                    double[] a = seeds.stream().mapToDouble(s -> mine.get(s).test().get(metric)).toArray();
                    double[] b = seeds.stream().mapToDouble(s -> theirs.get(s).test().get(metric)).toArray();
                    tFamilies.computeIfAbsent(List.of(g.dataset(), g.backbone(), metric), k -> new ArrayList<>())
                            .add(new Object[] {g, metric, Significance.pairedT(a, b), meanDifference(a, b)});
                }
            }
            for (long seed : seeds) {
                Optional<UserRanks> a = ranks(mine.get(seed), rankFiles);
                // none's ranks are read once, whatever the number of augmenters compared with it
                Optional<UserRanks> b = ranks(theirs.get(seed), rankFiles);
                if (a.isEmpty() || b.isEmpty()) {
                    continue; // a run from before per-user ranks: no Wilcoxon test, said as n/a
                }
                if (!java.util.Arrays.equals(a.get().users(), b.get().users())) {
                    // same data, same split: a different set of users means a damaged or foreign file
                    throw new IllegalStateException(mine.get(seed).ranks().orElseThrow() + " holds " + a.get().users().length
                            + " users' test ranks and " + theirs.get(seed).ranks().orElseThrow() + " " + b.get().users().length
                            + ", not the same users: the two runs cannot be compared user by user; rerun the cell whose file is wrong");
                }
                for (Map.Entry<String, Integer> m : USER_METRICS.entrySet()) {
                    double p = Significance.wilcoxonNdcg(a.get(), b.get(), m.getValue());
                    double difference = meanDifference(a.get().ndcg(m.getValue()), b.get().ndcg(m.getValue()));
                    wFamilies.computeIfAbsent(List.of(g.dataset(), g.backbone(), seed, m.getKey()), k -> new ArrayList<>())
                            .add(new Object[] {g, m.getKey(), p, seed, difference});
                }
            }
        }
        for (List<Object[]> family : tFamilies.values()) {
            double[] holm = Significance.holm(family.stream().mapToDouble(x -> (double) x[2]).toArray());
            for (int i = 0; i < family.size(); i++) {
                Object[] x = family.get(i);
                tTests.computeIfAbsent((Group) x[0], k -> new HashMap<>()).put((String) x[1],
                        new P((double) x[2], holm[i], (double) x[3]));
            }
        }
        for (List<Object[]> family : wFamilies.values()) {
            double[] holm = Significance.holm(family.stream().mapToDouble(x -> (double) x[2]).toArray());
            for (int i = 0; i < family.size(); i++) {
                Object[] x = family.get(i);
                wilcoxon.computeIfAbsent((Group) x[0], k -> new TreeMap<>()).computeIfAbsent((long) x[3], k -> new HashMap<>())
                        .put((String) x[1], new P((double) x[2], holm[i], (double) x[4]));
            }
        }
    }

    private static double meanDifference(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] - b[i];
        }
        return a.length == 0 ? 0 : sum / a.length;
    }

    private static Map<Long, CellResult> bySeed(List<CellResult> runs) {
        Map<Long, CellResult> m = new HashMap<>();
        runs.forEach(r -> m.put(r.seed(), r));
        return m;
    }

    private static Optional<UserRanks> ranks(CellResult cell, Map<java.nio.file.Path, UserRanks> read) {
        return cell.ranks().map(file -> read.computeIfAbsent(file, f -> {
            try {
                return UserRanks.read(f);
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        }));
    }

    /**
     * The runs grouped by dataset, backbone and augmenter, in the order they were given.
     *
     * @return the groups
     */
    Map<Group, List<CellResult>> groups() {
        return groups;
    }

    /**
     * The paired t-test of an augmenter against {@code none}.
     *
     * @param cell any run of the augmenter
     * @param metric the metric
     * @return the p-values, when the grid has at least {@value #MIN_SEEDS} paired seeds
     */
    public Optional<P> tTest(CellResult cell, String metric) {
        return Optional.ofNullable(tTests.getOrDefault(Group.of(cell), Map.of()).get(metric));
    }

    /**
     * The Wilcoxon test of one run against {@code none} with the same seed.
     *
     * @param cell the run
     * @param metric {@code NDCG@10} or {@code NDCG@20}
     * @return the p-values, when both runs wrote per-user ranks
     */
    public Optional<P> wilcoxon(CellResult cell, String metric) {
        return Optional.ofNullable(wilcoxon.getOrDefault(Group.of(cell), Map.of()).getOrDefault(cell.seed(), Map.of())
                .get(metric));
    }

    /**
     * Whether an augmenter's mean is significantly above {@code none}'s by the t-test.
     */
    boolean tSignificant(Group g, String metric) {
        P p = tTests.getOrDefault(g, Map.of()).get(metric);
        return p != null && p.better();
    }

    /**
     * Whether every seed's Wilcoxon test finds the augmenter significantly better (and there is at
     * least one seed).
     */
    boolean wilcoxonSignificant(Group g, String metric) {
        List<P> ps = wilcoxonAll(g, metric);
        return !ps.isEmpty() && ps.stream().allMatch(P::better);
    }

    private List<P> wilcoxonAll(Group g, String metric) {
        return wilcoxon.getOrDefault(g, Map.of()).values().stream().map(m -> m.get(metric)).filter(java.util.Objects::nonNull)
                .toList();
    }

    /**
     * The Wilcoxon result of a group's seed with the largest Holm-adjusted p-value.
     */
    Optional<P> wilcoxonWorst(Group g, String metric) {
        return wilcoxonAll(g, metric).stream().max(java.util.Comparator.comparingDouble(P::holm));
    }

    /**
     * The t-test result of a group.
     */
    Optional<P> tResult(Group g, String metric) {
        return Optional.ofNullable(tTests.getOrDefault(g, Map.of()).get(metric));
    }
}
