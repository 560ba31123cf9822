package org.djx.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.djx.api.data.DataFile;
import org.junit.jupiter.api.Test;

class DataCacheTests {
    private static final Path HOME = Path.of("/home/ada");

    @Test
    void djxDataNamesTheFolderWhenSet() {
        DataCache cache = DataCache.fromEnvironment(Map.of("DJX_DATA", "/data/djx", "XDG_CACHE_HOME", "/xdg"), "Linux", HOME);

        assertThat(cache.folder()).isEqualTo(Path.of("/data/djx"));
        assertThat(cache.describe()).isEqualTo("/data/djx (set by DJX_DATA)");
    }

    @Test
    void aRelativeDjxDataIsTakenFromTheWorkingFolder() {
        DataCache cache = DataCache.fromEnvironment(Map.of("DJX_DATA", "../shared/datasets"), "Linux", HOME);

        assertThat(cache.folder()).isEqualTo(Path.of("../shared/datasets").toAbsolutePath().normalize());
    }

    @Test
    void aBlankDjxDataCountsAsUnset() {
        DataCache cache = DataCache.fromEnvironment(Map.of("DJX_DATA", "  "), "Linux", HOME);

        assertThat(cache.folder()).isEqualTo(Path.of("/home/ada/.cache/djx"));
        assertThat(cache.origin()).contains("DJX_DATA is not set");
    }

    @Test
    void linuxAndMacUseXdgCacheHomeWhenItIsAbsolute() {
        assertThat(DataCache.fromEnvironment(Map.of("XDG_CACHE_HOME", "/var/cache/ada"), "Linux", HOME).folder())
                .isEqualTo(Path.of("/var/cache/ada/djx"));
        assertThat(DataCache.fromEnvironment(Map.of("XDG_CACHE_HOME", "/var/cache/ada"), "Mac OS X", HOME).folder())
                .isEqualTo(Path.of("/var/cache/ada/djx"));
    }

    @Test
    void aRelativeXdgCacheHomeIsIgnoredAsTheSpecificationSays() {
        assertThat(DataCache.fromEnvironment(Map.of("XDG_CACHE_HOME", "cache"), "Linux", HOME).folder())
                .isEqualTo(Path.of("/home/ada/.cache/djx"));
    }

    @Test
    void theDefaultIsDotCacheInTheHomeFolder() {
        assertThat(DataCache.fromEnvironment(Map.of(), "Linux", HOME).folder()).isEqualTo(Path.of("/home/ada/.cache/djx"));
    }

    @Test
    void windowsUsesLocalAppData() {
        DataCache cache = DataCache.fromEnvironment(Map.of("LOCALAPPDATA", "/users/ada/local", "XDG_CACHE_HOME", "/xdg"),
                "Windows 11", HOME);

        assertThat(cache.folder()).isEqualTo(Path.of("/users/ada/local", "djx"));
    }

    @Test
    void windowsWithoutLocalAppDataFallsBackToTheHomeFolder() {
        assertThat(DataCache.fromEnvironment(Map.of(), "Windows 10", HOME).folder())
                .isEqualTo(HOME.resolve("AppData").resolve("Local").resolve("djx"));
    }

    @Test
    void aCachedCopyIsNamedAfterTheLastSegmentOfItsUrl() {
        DataCache cache = DataCache.at(Path.of("/c"), "test");
        DataFile file = DataFile.of("kaggle_house_train",
                URI.create("http://d2l-data.s3-accelerate.amazonaws.com/kaggle_house_pred_train.csv"),
                "585e9cc93e70b39160e7921475f9bcd7d31219ce");

        assertThat(cache.pathOf(file)).isEqualTo(Path.of("/c/kaggle_house_pred_train.csv"));
    }
}
