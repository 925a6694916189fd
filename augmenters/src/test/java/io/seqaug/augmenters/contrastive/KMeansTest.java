package io.seqaug.augmenters.contrastive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

class KMeansTest {

    /** 3 planted clusters of 20 points each, within 0.1 of (0, 0), (5, 5) and (-5, 5). */
    private static float[][] planted() {
        float[][] centres = {{0, 0}, {5, 5}, {-5, 5}};
        SplittableRandom rng = new SplittableRandom(4);
        float[][] points = new float[60][];
        for (int i = 0; i < 60; i++) {
            float[] c = centres[i % 3];
            points[i] = new float[] {c[0] + (float) (rng.nextDouble() * 0.2 - 0.1), c[1] + (float) (rng.nextDouble() * 0.2 - 0.1)};
        }
        return points;
    }

    @Test
    void findsPlantedClusters() {
        try (NDManager m = NDManager.newBaseManager()) {
            KMeans.Result result = KMeans.fit(planted(), 3, 20, 5, 1, m);
            int[] a = result.assignments();
            for (int i = 3; i < 60; i++) {
                assertThat(a[i]).as("point %d", i).isEqualTo(a[i % 3]);
            }
            assertThat(a[0]).isNotEqualTo(a[1]).isNotEqualTo(a[2]);
            assertThat(a[1]).isNotEqualTo(a[2]);
            float[] origin = result.centroids()[a[0]];
            assertThat(origin[0]).isCloseTo(0f, within(0.1f));
            assertThat(origin[1]).isCloseTo(0f, within(0.1f));
            // every point within 0.1 x sqrt(2) of its centre: objective below 60 x 0.02
            assertThat(result.objective()).isLessThan(1.2);
        }
    }

    @Test
    void theSameSeedGivesTheSameClustering() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertThat(KMeans.fit(planted(), 4, 10, 2, 9, m).assignments())
                    .containsExactly(KMeans.fit(planted(), 4, 10, 2, 9, m).assignments());
        }
    }

    @Test
    void everyClusterKeepsAPointWhenThereAreMoreClustersThanGroups() {
        try (NDManager m = NDManager.newBaseManager()) {
            KMeans.Result result = KMeans.fit(planted(), 6, 20, 1, 3, m);
            assertThat(result.centroids()).hasNumberOfRows(6);
            for (float[] c : result.centroids()) {
                for (float v : c) {
                    assertThat(v).isFinite();
                }
            }
        }
    }

    @Test
    void refusesFewerPointsThanClusters() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> KMeans.fit(new float[][] {{1, 2}}, 2, 5, 1, 1, m))
                    .hasMessageContaining("at least k = 2 points, got 1");
        }
    }

    @Test
    void assigningLeavesNothingInTheCallersManager() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[][] points = planted();
            float[] flat = new float[points.length * 2];
            for (int i = 0; i < points.length; i++) {
                System.arraycopy(points[i], 0, flat, 2 * i, 2);
            }
            ai.djl.ndarray.NDArray x = m.create(flat, new ai.djl.ndarray.types.Shape(points.length, 2));
            int before = ((ai.djl.ndarray.BaseNDManager) m).getManagedArrays().size();
            for (int call = 0; call < 5; call++) {
                KMeans.assign(x, new float[][] {{0, 0}, {5, 5}, {-5, 5}}, m);
            }
            // each call's [n, k] products are freed with the call; once kept, a clustering of 100 calls held gigabytes
            assertThat(((ai.djl.ndarray.BaseNDManager) m).getManagedArrays()).hasSize(before);
        }
    }

    @Test
    void assignsTheNearestCentroidWithTheLowestIndexOnTiesAcrossChunks() {
        // 600 centroids make chunks of 873 points, so 2,000 points take three; small whole coordinates make
        // every distance exact in float and give many ties
        SplittableRandom rng = new SplittableRandom(11);
        int n = 2000;
        int k = 600;
        int d = 3;
        float[] flat = new float[n * d];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = rng.nextInt(-4, 5);
        }
        float[][] centroids = new float[k][d];
        for (float[] c : centroids) {
            for (int j = 0; j < d; j++) {
                c[j] = rng.nextInt(-4, 5);
            }
        }
        int[] expected = new int[n];
        for (int i = 0; i < n; i++) {
            long best = Long.MAX_VALUE;
            for (int c = 0; c < k; c++) {
                long distance = 0;
                for (int j = 0; j < d; j++) {
                    long diff = (long) (flat[i * d + j] - centroids[c][j]);
                    distance += diff * diff;
                }
                if (distance < best) {
                    best = distance;
                    expected[i] = c;
                }
            }
        }
        try (NDManager m = NDManager.newBaseManager()) {
            ai.djl.ndarray.NDArray x = m.create(flat, new ai.djl.ndarray.types.Shape(n, d));
            int before = ((ai.djl.ndarray.BaseNDManager) m).getManagedArrays().size();
            assertThat(KMeans.assign(x, centroids, m)).containsExactly(expected);
            assertThat(((ai.djl.ndarray.BaseNDManager) m).getManagedArrays()).hasSize(before);
        }
    }
}
