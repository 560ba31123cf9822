package org.djx.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.djx.api.ConfigurationException;
import org.djx.engine.random.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * Stratified k-fold splits, checked by counting: the validation parts partition the rows, each class and each fold
 * is as even as the counts allow, and the seed alone decides the split.
 */
class StratifiedKFoldTests {
    /** 10 rows of class 0, 7 of class 1 and 6 of class 2, interleaved. */
    private static final int[] CLASSES = {0, 1, 2, 0, 0, 1, 2, 0, 1, 0, 2, 0, 1, 2, 0, 0, 1, 2, 0, 1, 2, 0, 1};

    private static KFold.Split[] split(int[] classes, int k, long seed) {
        return KFold.stratified(classes, k, new RandomStreams(seed).stream("folds"));
    }

    private static int count(int[] rows, int[] classes, int c) {
        return (int) Arrays.stream(rows).filter(r -> classes[r] == c).count();
    }

    private static void assertPartitionAndBalance(int[] classes, int k, long seed) {
        KFold.Split[] splits = split(classes, k, seed);
        int rows = classes.length;
        assertThat(splits).hasSize(k);
        int[] seen = new int[rows];
        for (KFold.Split s : splits) {
            int[] valid = s.valid();
            int[] train = s.train();
            assertThat(valid).as("ascending validation rows").isSorted().doesNotHaveDuplicates();
            assertThat(train).as("ascending training rows").isSorted().doesNotHaveDuplicates();
            // The training rows are exactly the rows not in the validation part.
            boolean[] inValid = new boolean[rows];
            for (int r : valid) {
                inValid[r] = true;
                seen[r]++;
            }
            assertThat(train).containsExactly(IntStream.range(0, rows).filter(r -> !inValid[r]).toArray());
        }
        assertThat(seen).as("each row validates exactly once").containsOnly(1);

        int[] sizes = Arrays.stream(splits).mapToInt(s -> s.valid().length).toArray();
        assertThat(Arrays.stream(sizes).max().getAsInt() - Arrays.stream(sizes).min().getAsInt())
                .as("fold sizes %s", Arrays.toString(sizes)).isLessThanOrEqualTo(1);
        int classCount = Arrays.stream(classes).max().getAsInt() + 1;
        for (int c = 0; c < classCount; c++) {
            int total = 0;
            for (int r : classes) {
                total += r == c ? 1 : 0;
            }
            for (KFold.Split s : splits) {
                // floor(n_c / k) or ceil(n_c / k) rows of class c in every fold.
                assertThat(count(s.valid(), classes, c)).as("class %d of %d rows, k = %d", c, total, k)
                        .isBetween(total / k, (total + k - 1) / k);
            }
        }
    }

    @Test
    void everyRowValidatesOnceAndEachClassAndFoldIsAsEvenAsItsCountAllows() {
        for (int k = 2; k <= 6; k++) {
            for (long seed = 0; seed < 20; seed++) {
                assertPartitionAndBalance(CLASSES, k, seed);
            }
        }
    }

    @Test
    void aClassWithFewerRowsThanFoldsLandsInDistinctFolds() {
        // Class 1 has 2 rows, class 2 one: with 4 folds no fold may hold both rows of class 1.
        int[] classes = {0, 0, 0, 0, 0, 0, 1, 1, 2};
        for (long seed = 0; seed < 20; seed++) {
            assertPartitionAndBalance(classes, 4, seed);
        }
    }

    @Test
    void theDealOfEachClassContinuesWhereThePreviousStoppedSoFoldSizesStayWithinOne() {
        // Three classes of 3 rows in 2 folds: dealing each class from fold 0 would give folds of 6 and 3 rows.
        int[] classes = {0, 0, 0, 1, 1, 1, 2, 2, 2};

        KFold.Split[] splits = split(classes, 2, 11);

        assertThat(splits[0].valid().length + splits[1].valid().length).isEqualTo(9);
        assertThat(Math.abs(splits[0].valid().length - splits[1].valid().length)).isEqualTo(1);
    }

    @Test
    void asManyRowsAsFoldsGiveOneRowPerFold() {
        int[] classes = {1, 0, 1};

        KFold.Split[] splits = split(classes, 3, 4);

        assertThat(Arrays.stream(splits).flatMapToInt(s -> Arrays.stream(s.valid())).sorted().toArray()).containsExactly(0, 1, 2);
        assertThat(splits).allSatisfy(s -> {
            assertThat(s.valid()).hasSize(1);
            assertThat(s.train()).hasSize(2);
        });
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        KFold.Split[] a = split(CLASSES, 4, 7);
        KFold.Split[] b = split(CLASSES, 4, 7);

        for (int f = 0; f < 4; f++) {
            assertThat(b[f].valid()).isEqualTo(a[f].valid());
            assertThat(b[f].train()).isEqualTo(a[f].train());
        }
        // With 23 rows the number of distinct stratified splits is in the millions, so of 10 other seeds
        // at least one differs from seed 7 unless the seed is ignored.
        boolean anyDiffers = false;
        for (long seed = 8; seed < 18; seed++) {
            KFold.Split[] other = split(CLASSES, 4, seed);
            for (int f = 0; f < 4; f++) {
                anyDiffers |= !Arrays.equals(other[f].valid(), a[f].valid());
            }
        }
        assertThat(anyDiffers).isTrue();
    }

    @Test
    void theRowsOfAClassAreShuffledNotDealtInOrder() {
        // One class of 12 rows in 3 folds: dealt in order, fold 0 would always get rows 0, 3, 6, 9.
        int[] classes = new int[12];
        int inOrder = 0;
        for (long seed = 0; seed < 10; seed++) {
            int[] first = split(classes, 3, seed)[0].valid();
            inOrder += Arrays.equals(first, new int[] {0, 3, 6, 9}) ? 1 : 0;
        }
        // Chance of the in-order deal for one seed: 1 / (12! / (4!^3)) = 1 / 34650.
        assertThat(inOrder).isZero();
    }

    @Test
    void theSplitsHandedOutCannotBeChanged() {
        KFold.Split s = split(CLASSES, 2, 1)[0];
        int first = s.valid()[0];

        s.valid()[0] = -1;
        s.train()[0] = -1;

        assertThat(s.valid()[0]).isEqualTo(first);
        assertThat(s.train()[0]).isNotNegative();
    }

    @Test
    void fewerRowsThanFoldsIsAConfigurationError() {
        assertThatThrownBy(() -> split(new int[] {0, 1, 0}, 4, 1))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("4 folds need at least 4 rows, but the data has 3")
                .hasMessageContaining("validation.folds");
    }

    @Test
    void fewerThanTwoFoldsIsRefused() {
        assertThatThrownBy(() -> split(CLASSES, 1, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k >= 2");
    }
}
