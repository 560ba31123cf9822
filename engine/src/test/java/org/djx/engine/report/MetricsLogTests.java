package org.djx.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.djx.api.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** metrics.csv grows row by row as a run computes, and ends in the same order whatever order folds ran in. */
class MetricsLogTests {
    @Test
    void everyRowIsInTheFileOnceRecorded(@TempDir Path dir) throws Exception {
        RunFolder folder = RunFolder.at(dir.resolve("run"));
        MetricsLog log = MetricsLog.in(folder);
        Path file = folder.path().resolve(MetricsLog.FILE_NAME);

        log.record(1, 1, "train", "rmse", 0.5);
        assertThat(Files.readAllLines(file)).containsExactly("fold,epoch,split,metric,value", "1,1,train,rmse,0.5");
        log.record(1, 1, "valid", "rmse", Double.NaN);
        assertThat(Files.readAllLines(file)).endsWith("1,1,valid,rmse,NaN");
    }

    @Test
    void foldsThatRanAtOnceEndFoldByFoldEachInItsOwnOrder(@TempDir Path dir) throws Exception {
        RunFolder folder = RunFolder.at(dir.resolve("run"));
        MetricsLog log = MetricsLog.in(folder);
        // Fold 2 runs ahead of fold 1, as a second thread may.
        log.record(2, 1, "train", "loss", 4.0);
        log.record(2, 1, "valid", "loss", 5.0);
        log.record(1, 1, "train", "loss", 1.0);
        log.record(2, 2, "train", "loss", 6.0);
        log.record(1, 1, "valid", "loss", 2.0);
        log.record(1, 2, "train", "loss", 3.0);

        Path file = log.finish();

        assertThat(Files.readAllLines(file)).containsExactly("fold,epoch,split,metric,value",
                "1,1,train,loss,1.0", "1,1,valid,loss,2.0", "1,2,train,loss,3.0",
                "2,1,train,loss,4.0", "2,1,valid,loss,5.0", "2,2,train,loss,6.0");
        assertThat(log.finish()).isNull();
        assertThatThrownBy(() -> log.record(1, 3, "train", "loss", 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void twoThreadsRecordingAtOnceLoseNoRow(@TempDir Path dir) throws Exception {
        RunFolder folder = RunFolder.at(dir.resolve("run"));
        MetricsLog log = MetricsLog.in(folder);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = List.of(1, 2).stream().map(fold -> new Thread(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (int epoch = 1; epoch <= 2000; epoch++) {
                log.record(fold, epoch, "train", "loss", fold * 10000 + epoch);
            }
        })).toList();
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        List<String> appended = Files.readAllLines(folder.path().resolve(MetricsLog.FILE_NAME));
        assertThat(appended).hasSize(1 + 4000).doesNotHaveDuplicates();

        List<String> finished = Files.readAllLines(log.finish());

        assertThat(finished).hasSize(1 + 4000);
        for (int i = 1; i <= 4000; i++) {
            int fold = i <= 2000 ? 1 : 2;
            int epoch = i <= 2000 ? i : i - 2000;
            assertThat(finished.get(i)).isEqualTo(fold + "," + epoch + ",train,loss," + (double) (fold * 10000 + epoch));
        }
    }

    @Test
    void aLogWithoutAFolderWritesNothingAndAFileInTheWayIsAClearError(@TempDir Path dir) throws Exception {
        MetricsLog memory = MetricsLog.inMemory();
        memory.record(0, 1, "train", "loss", 1.0);
        assertThat(memory.finish()).isNull();
        assertThat(memory.plots("x")).hasSize(1);

        RunFolder folder = RunFolder.at(dir.resolve("run"));
        Files.createDirectory(folder.path().resolve(MetricsLog.FILE_NAME));
        MetricsLog blocked = MetricsLog.in(folder);
        assertThatThrownBy(() -> blocked.record(0, 1, "train", "loss", 1.0)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("cannot write " + folder.path().resolve(MetricsLog.FILE_NAME))
                .hasMessageEndingWith(MetricsLog.FILE_NAME + ": Is a directory");
    }

    @Test
    void theStoppedRunsPlotHasOneLinePerFoldAndSplit() {
        MetricsLog log = MetricsLog.inMemory();
        for (int fold = 1; fold <= 2; fold++) {
            for (int epoch = 1; epoch <= 3; epoch++) {
                log.record(fold, epoch, "train", "log-rmse", 0.1 * epoch);
                log.record(fold, epoch, "valid", "log-rmse", 0.2 * epoch);
            }
        }
        log.record(3, 1, "train", "log-rmse", 0.7);
        // A fold that diverged at once has no point to draw.
        log.record(4, 1, "train", "log-rmse", Double.NaN);

        List<LinePlot> plots = log.plots("stopped");

        assertThat(plots).hasSize(1);
        LinePlot plot = plots.get(0);
        assertThat(plot.yLabel()).isEqualTo("log-rmse");
        assertThat(plot.logY()).isTrue();
        assertThat(plot.series()).extracting(LinePlot.Series::name)
                .containsExactly("fold 1 train", "fold 1 valid", "fold 2 train", "fold 2 valid", "fold 3 train");
        assertThat(plot.series().get(3).x()).containsExactly(1, 2, 3);
        assertThat(plot.series().get(3).y()).containsExactly(0.2, 0.4, 0.2 * 3);

        MetricsLog diverged = MetricsLog.inMemory();
        diverged.record(1, 1, "train", "loss", Double.POSITIVE_INFINITY);
        assertThat(diverged.plots("stopped")).isEmpty();
    }
}
