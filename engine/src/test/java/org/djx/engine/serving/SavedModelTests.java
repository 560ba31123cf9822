package org.djx.engine.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.djx.api.DataException;
import org.djx.engine.data.SharedDatasets;
import org.djx.engine.experiment.Experiment;
import org.djx.engine.experiment.ExperimentReader;
import org.djx.engine.plugin.PluginLoader;
import org.djx.engine.report.RunFolder;
import org.djx.engine.run.ExperimentRunner;
import org.djx.engine.saving.ModelFiles;
import org.djx.engine.tasks.BuiltInTasks;
import org.djx.engine.tensor.CpuKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A submission run's saved model, loaded back: it predicts the run's own submission.csv, bit for bit. */
class SavedModelTests {
    private static List<Map<String, String>> rows(Path csv) throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                rows.add(new LinkedHashMap<>(r.toMap()));
            }
        }
        return rows;
    }

    private static Path submit(Path dir, String name) {
        Path data = SharedDatasets.require();
        Experiment e = new ExperimentReader(PluginLoader.load(List.of()), BuiltInTasks.registry())
                .read(Path.of("..", "experiments", name + ".json"));
        Path out = dir.resolve(name);
        new ExperimentRunner(CpuKernels::new, line -> { }, SharedDatasets.context(data)).run(e, RunFolder.at(out));
        return out;
    }

    @Test
    void theSavedMlpPredictsTheRunsOwnSubmissionBitForBit(@TempDir Path dir) throws Exception {
        Path run = submit(dir, "house-prices-mlp-submission");

        SavedModel model = SavedModel.load(run);
        List<Map<String, String>> test = rows(SharedDatasets.require().resolve("kaggle_house_pred_test.csv"));
        Predictions p = model.predict(test);

        List<String> submission = Files.readAllLines(run.resolve("submission.csv"));
        assertThat(p.size()).isEqualTo(submission.size() - 1);
        for (int r = 0; r < p.size(); r++) {
            String[] cells = submission.get(r + 1).split(",");
            assertThat(cells[0]).isEqualTo(test.get(r).get("Id"));
            assertThat(p.value(r)).as("row %d", r + 1).isEqualTo(Double.parseDouble(cells[1]));
        }
        assertThat(model.inputColumns()).hasSize(79).startsWith("MSSubClass").doesNotContain("Id", "SalePrice");
    }

    @Test
    void weightsThatAreNotTheSavedOnesAreRefused(@TempDir Path dir) throws Exception {
        Path run = submit(dir, "house-prices-submission");
        byte[] weights = Files.readAllBytes(run.resolve(ModelFiles.WEIGHTS));
        weights[weights.length - 1] ^= 1;
        Files.write(run.resolve(ModelFiles.WEIGHTS), weights);

        assertThatThrownBy(() -> SavedModel.load(run)).isInstanceOf(DataException.class)
                .hasMessageContaining("model.safetensors has SHA-256 ")
                .hasMessageContaining("the weights are not the ones this model was saved with");
    }

    @Test
    void aDamagedDescriptionIsRefusedWithWhatIsWrong(@TempDir Path dir) throws Exception {
        Path run = submit(dir, "house-prices-submission");
        String original = Files.readString(run.resolve(ModelFiles.DESCRIPTION));
        String[][] cases = {
            {"\"format-version\" : 1", "\"format-version\" : \"1\"", "\"format-version\" must be a whole number"},
            {"\"with\" : \"value\"", "\"with\" : \"mode\"", "fill-missing 'with' is 'mode'; expected value, mean or median"},
            {"\"MSZoning_C (all)\",", "", "the steps make 331 features, but 330 are recorded"},
            {"\"file\" : \"model.safetensors\"", "\"file\" : \"/etc/passwd\"", "\"weights\" must name a file in the model's folder"},
            {"\"target\" : \"SalePrice\"", "\"target\" : \"SalePrice\", \"classes\" : [\"a\", \"a\"]",
                "\"data.classes\" lists \"a\"; expected each class once"},
            {"\"positive\" : true", "\"positive\" : \"yes\"", "\"data.target-rule\" must be {\"positive\": true or false,"},
        };
        for (String[] c : cases) {
            assertThat(original).as(c[0]).contains(c[0]);
            Files.writeString(run.resolve(ModelFiles.DESCRIPTION), original.replace(c[0], c[1]));
            assertThatThrownBy(() -> SavedModel.load(run)).as(c[1]).isInstanceOf(DataException.class).hasMessageContaining(c[2]);
        }
    }

    @Test
    void aPredictionTheDatasRuleRefusesIsRefusedAsTheSubmissionWouldBe(@TempDir Path dir) throws Exception {
        Path run = submit(dir, "house-prices-submission");
        List<Map<String, String>> test = rows(SharedDatasets.require().resolve("kaggle_house_pred_test.csv"));
        // A house of negative living area: the linear model prices it below zero, which no sale price is.
        Map<String, String> impossible = new LinkedHashMap<>(test.get(0));
        impossible.put("GrLivArea", "-1000000");
        SavedModel model = SavedModel.load(run);
        assertThat(model.predict(List.of(test.get(0))).value(0)).isPositive();

        assertThatThrownBy(() -> model.predict(List.of(test.get(0), impossible))).isInstanceOf(DataException.class)
                .hasMessageStartingWith("the prediction for row 2").hasMessageContaining(" is -")
                .hasMessageEndingWith("; a target must be finite and positive (a sale price is positive)");

        // A model.json written before models recorded the rule holds its predictions to a finite number only.
        Path json = run.resolve(ModelFiles.DESCRIPTION);
        String withRule = Files.readString(json);
        String withoutRule = withRule.replaceAll(",\\s*\"target-rule\" : \\{[^}]*\\}", "");
        assertThat(withoutRule).isNotEqualTo(withRule).doesNotContain("target-rule");
        Files.writeString(json, withoutRule);
        assertThat(SavedModel.load(run).predict(List.of(impossible)).value(0)).isNegative();
    }

    @Test
    void aModelFromANewerDjxIsRefused(@TempDir Path dir) throws Exception {
        Path run = submit(dir, "house-prices-submission");
        Path json = run.resolve(ModelFiles.DESCRIPTION);
        Files.writeString(json, Files.readString(json).replace("\"format-version\" : 1", "\"format-version\" : 2"));

        assertThatThrownBy(() -> SavedModel.load(run)).isInstanceOf(DataException.class)
                .hasMessageContaining("in model format 2, which this djx (format 1) cannot read");

        // A newer djx with the same format is refused too (PredictLauncherTests, where djx has its version).
        assertThat(SavedModel.newer("0.10.0", "0.9.3")).isTrue();
        assertThat(SavedModel.newer("0.2.0", "0.2.0")).isFalse();
        assertThat(SavedModel.newer("0.2.0-SNAPSHOT", "0.2.0")).isFalse();
        assertThat(SavedModel.newer("0.3.0", "(unknown)")).isFalse();
    }
}
