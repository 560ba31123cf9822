package org.djx.engine.experiment;

import org.djx.engine.spec.ModelSpec;
import org.djx.engine.tasks.CovariateShiftTask;
import org.djx.engine.tasks.ConceptShiftTask;
import org.djx.engine.tasks.BuiltInTasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.djx.engine.json.InvalidDocumentException;
import org.djx.engine.json.JsonDocument;
import org.djx.engine.json.Problem;
import org.djx.engine.plugin.PluginDescriptor;
import org.djx.engine.plugin.PluginLoader;
import org.djx.engine.plugin.PluginRegistry;
import org.junit.jupiter.api.Test;

/** The covariate-shift, adversarial-validation and concept-shift sections are read as strictly as the others. */
class ShiftSectionsTests {
    private static final PluginRegistry REGISTRY = PluginLoader.load(List.of());

    private static final String COVARIATE = """
            {"task": "covariate-shift",
             "shift": {"inputs": 2, "repeats": 2},
             "classifier": {"optimizer": {"type": "adam", "lr": 0.05}, "training": {"epochs": 5}},
             "model": {"layers": [{"type": "linear", "outputs": 1}]},
             "loss": {"type": "mse"},
             "optimizer": {"type": "sgd", "lr": 0.1},
             "training": {"epochs": 3}}
            """;

    private static final String CONCEPT = """
            {"task": "concept-shift",
             "concept": {"thresholds": [-1, 1]},
             "model": {"layers": [{"type": "linear", "outputs": 1}]},
             "optimizer": {"type": "sgd", "lr": 0.1},
             "training": {"epochs": 3}}
            """;

    private static Experiment read(String json) {
        return new ExperimentReader(REGISTRY, BuiltInTasks.registry()).read(JsonDocument.parse("e.json", json.getBytes(StandardCharsets.UTF_8)), Path.of("e.json"));
    }

    private static List<Problem> problems(String json) {
        InvalidDocumentException e = catchThrowableOfType(InvalidDocumentException.class, () -> read(json));
        assertThat(e).as("the experiment should have been rejected").isNotNull();
        return e.problems();
    }

    @Test
    void readsACovariateShiftExperimentWithItsDefaultsAndTheFixedClassifier() {
        Experiment e = read(COVARIATE);

        CovariateShiftTask.Spec spec = (CovariateShiftTask.Spec) e.job().spec();
        assertThat(spec.inputs()).isEqualTo(2);
        assertThat(spec.trainRows()).isEqualTo(500);
        assertThat(spec.shift()).isEqualTo(1.0);
        assertThat(spec.repeats()).isEqualTo(2);
        assertThat(spec.classifier().folds()).isEqualTo(5);
        assertThat(spec.classifier().maxWeight()).isEqualTo(10.0);
        assertThat(spec.classifier().setup().loss().type()).isEqualTo("bce-with-logits");
        assertThat(spec.classifier().setup().model().layers()).extracting(l -> l.layer().type()).containsExactly("linear");
        // The shift section decides the width; the model as written leaves it to the data.
        assertThat(e.model().inputs()).isEqualTo(ModelSpec.FROM_DATA);
        assertThat(e.plugins()).extracting(PluginDescriptor::name).contains("mse", "sgd", "adam", "bce-with-logits", "linear", "normal");
        assertThat(e.resolved()).contains("\"max-weight\" : 10.0").contains("\"train-rows\" : 500");
    }

    @Test
    void readsAConceptShiftExperiment() {
        ConceptShiftTask.Spec spec = (ConceptShiftTask.Spec) read(CONCEPT).job().spec();

        assertThat(spec.thresholds()).containsExactly(-1.0, 1.0);
        assertThat(spec.regions()).isEqualTo(2);
        assertThat(spec.setup().loss().type()).isEqualTo("bce-with-logits");
    }

    @Test
    void anUnknownKeyInTheShiftSectionNamesTheValidOnesAndSuggests() {
        List<Problem> p = problems(COVARIATE.replace("\"repeats\": 2", "\"repeat\": 2"));

        assertThat(p).hasSize(1);
        assertThat(p.get(0).path()).isEqualTo("$.shift.repeat");
        assertThat(p.get(0).message()).contains("unknown key 'repeat' for the shift section").contains("valid keys: inputs, train-rows")
                .contains("did you mean 'repeats'?");
    }

    @Test
    void theClassifierNeedsAnOptimizerAndATrainingScheduleAndChecksThem() {
        List<Problem> p = problems(COVARIATE.replace("\"optimizer\": {\"type\": \"adam\", \"lr\": 0.05}, \"training\": {\"epochs\": 5}",
                "\"folds\": 1, \"training\": {\"epochs\": 0}"));

        assertThat(p).extracting(Problem::path).containsExactlyInAnyOrder("$.classifier.folds", "$.classifier",
                "$.classifier.training.epochs");
        assertThat(p).anySatisfy(x -> assertThat(x.message()).contains("missing required key 'optimizer'"));
        assertThat(p).anySatisfy(x -> assertThat(x.message()).contains("folds must be in [2, 100], found 1"));
    }

    @Test
    void aMisspeltClassifierOptimizerIsReportedAtItsPath() {
        List<Problem> p = problems(COVARIATE.replace("\"type\": \"adam\"", "\"type\": \"adma\""));

        assertThat(p).hasSize(1);
        assertThat(p.get(0).path()).isEqualTo("$.classifier.optimizer.type");
        assertThat(p.get(0).message()).contains("unknown optimizer 'adma'").contains("did you mean 'adam'?");
    }

    @Test
    void fewerRowsThanClassifierFoldsIsAnError() {
        List<Problem> p = problems(COVARIATE.replace("\"inputs\": 2,", "\"inputs\": 2, \"test-rows\": 12,")
                .replace("\"training\": {\"epochs\": 5}", "\"folds\": 20, \"training\": {\"epochs\": 5}"));

        assertThat(p).hasSize(1);
        assertThat(p.get(0).path()).isEqualTo("$.shift.test-rows");
        assertThat(p.get(0).message()).contains("test-rows is 12, fewer than the classifier's 20 folds");
    }

    @Test
    void aModelWhoseInputsDisagreeWithTheGeneratedDataIsAnError() {
        List<Problem> p = problems(COVARIATE.replace("\"model\": {", "\"model\": {\"inputs\": 3, "));

        assertThat(p).hasSize(1);
        assertThat(p.get(0).path()).isEqualTo("$.model.inputs");
        assertThat(p.get(0).message()).contains("the model takes 3 inputs but the shift section generates 2");
    }

    @Test
    void aConceptShiftNeedsTwoThresholdsAndNoFixedModelWidth() {
        List<Problem> p = problems(CONCEPT.replace("[-1, 1]", "[0.5]").replace("\"model\": {", "\"model\": {\"inputs\": 2, "));

        assertThat(p).extracting(Problem::path).containsExactlyInAnyOrder("$.concept.thresholds", "$.model.inputs");
        assertThat(p).anySatisfy(x -> assertThat(x.message()).contains("at least two regions, found 1 threshold"));
        assertThat(p).anySatisfy(x -> assertThat(x.message()).contains("leave model.inputs out"));
    }

    @Test
    void labelNoiseOfOneHalfOrMoreIsRejected() {
        List<Problem> p = problems(CONCEPT.replace("[-1, 1]}", "[-1, 1], \"label-noise\": 0.5}"));

        assertThat(p).hasSize(1);
        assertThat(p.get(0).path()).isEqualTo("$.concept.label-noise");
        assertThat(p.get(0).message()).contains("label-noise must be in [0, 0.5), found 0.5");
        // Just below the exclusive bound is valid.
        assertThat(read(CONCEPT.replace("[-1, 1]}", "[-1, 1], \"label-noise\": 0.499}")).name()).isNotEmpty();
    }

    @Test
    void aConceptShiftTakesNoLossSectionAndACovariateShiftNoConceptSection() {
        assertThat(problems(CONCEPT.replace("\"training\": {\"epochs\": 3}", "\"training\": {\"epochs\": 3}, \"loss\": {\"type\": \"mse\"}")))
                .singleElement().satisfies(x -> {
                    assertThat(x.path()).isEqualTo("$.loss");
                    assertThat(x.message()).contains("the section 'loss' is not used by task 'concept-shift'");
                });
        assertThat(problems(COVARIATE.replace("\"shift\"", "\"concept\""))).extracting(Problem::path)
                .containsExactlyInAnyOrder("$.concept", "$");
    }

    @Test
    void adversarialValidationNeedsTheValidationAndClassifierSections() {
        String json = """
                {"task": "adversarial-validation",
                 "dataset": {"type": "kaggle-house"},
                 "preprocessing": {"steps": [{"type": "standardize"}]},
                 "model": {"layers": [{"type": "linear", "outputs": 1}]},
                 "loss": {"type": "mse"}, "optimizer": {"type": "adam", "lr": 5}, "training": {"epochs": 3}}
                """;

        assertThat(problems(json)).extracting(Problem::message).satisfiesExactlyInAnyOrder(
                m -> assertThat(m).startsWith("missing section 'classifier', which task 'adversarial-validation' requires, such as"),
                m -> assertThat(m).isEqualTo("missing section 'validation', which task 'adversarial-validation' requires, such as"
                        + " \"validation\": {\"folds\": 5}"));
    }

    @Test
    void preprocessingContradictionsAreRefusedAtValidationWithTheirPath() {
        String json = """
                {"task": "TASK",
                 "dataset": {"type": "kaggle-house"},
                 "preprocessing": {"fit-on": "FIT", "steps": [{"type": "standardize"}, FILL, {"type": "one-hot"}]},
                 "classifier": {"optimizer": {"type": "adam"}, "training": {"epochs": 2}},
                 "model": {"layers": [{"type": "linear", "outputs": 1}]},
                 "loss": {"type": "mse"}, "optimizer": {"type": "adam", "lr": 5}, "training": {"epochs": 3},
                 "validation": {"folds": 2}}
                """;
        String valueFill = "{\"type\": \"fill-missing\", \"value\": 0}";

        // Adversarial validation compares training and test rows in one set of features: it cannot fit fold by fold.
        assertThat(problems(json.replace("TASK", "adversarial-validation").replace("FIT", "train-fold").replace("FILL", valueFill)))
                .singleElement().satisfies(p -> {
                    assertThat(p.path()).isEqualTo("$.preprocessing.fit-on");
                    assertThat(p.message()).contains("use train-and-test or train, not train-fold");
                });
        // A value beside a mean fill would be ignored: the file contradicts itself.
        assertThat(problems(json.replace("TASK", "adversarial-validation").replace("FIT", "train")
                .replace("FILL", "{\"type\": \"fill-missing\", \"with\": \"mean\", \"value\": 3}")))
                .singleElement().satisfies(p -> {
                    assertThat(p.path()).isEqualTo("$.preprocessing.steps[1].value");
                    assertThat(p.message()).isEqualTo("fill-missing with mean takes no value; remove \"value\", or fill with it:"
                            + " \"with\": \"value\"");
                });
        // Either alone is fine.
        read(json.replace("TASK", "adversarial-validation").replace("FIT", "train")
                .replace("FILL", "{\"type\": \"fill-missing\", \"with\": \"median\"}"));
    }

    @Test
    void aConceptShiftModelMustFitTheInputsWithAndWithoutTheRegionColumns() {
        // Two inputs, and two regions: the with-region fit sees 2 + 2 = 4 inputs, which weights for 2 do not fit.
        List<Problem> p = problems(CONCEPT.replace("\"outputs\": 1}", "\"outputs\": 1, \"weights\": [[1], [1]]}"));

        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.path()).isEqualTo("$.model.layers[0].weights");
            assertThat(x.message()).contains("expected 4 x 1 (inputs x outputs), found 2 x 1");
        });
    }
}
