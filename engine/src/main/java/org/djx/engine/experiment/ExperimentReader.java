package org.djx.engine.experiment;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.djx.api.data.DataFile;
import java.util.Map;
import java.util.TreeSet;
import org.djx.api.ConfigurationException;
import org.djx.api.Parameter;
import org.djx.api.PluginException;
import org.djx.api.Shape;
import org.djx.api.spi.ConfigValues;
import org.djx.api.spi.ParameterSpec;
import org.djx.api.spi.Suggestions;
import org.djx.engine.checkpoint.CheckpointFolder;
import org.djx.engine.json.InvalidDocumentException;
import org.djx.engine.json.JsonDocument;
import org.djx.engine.json.Problem;
import org.djx.engine.model.Network;
import org.djx.engine.model.ModelTooLargeException;
import org.djx.engine.model.NetworkBuilder;
import org.djx.engine.plugin.PluginKind;
import org.djx.engine.plugin.PluginRegistry;
import org.djx.engine.random.RandomStreams;
import org.djx.engine.report.Expectation;
import org.djx.engine.spec.ComponentSpec;
import org.djx.engine.spec.ModelSpec;
import org.djx.engine.sweep.JsonPaths;
import org.djx.engine.sweep.Points;
import org.djx.engine.sweep.SweepParameter;
import org.djx.engine.sweep.SweepPlan;
import org.djx.engine.sweep.SweepSpec;
import org.djx.engine.sweep.TrialRequest;
import org.djx.engine.task.Bound;
import org.djx.engine.task.Form;
import org.djx.engine.task.Job;
import org.djx.engine.task.ResultNames;
import org.djx.engine.task.Section;
import org.djx.engine.task.Task;
import org.djx.engine.task.TaskInput;
import org.djx.engine.task.TaskRegistry;
import org.djx.engine.tensor.CpuKernels;

/**
 * Reads an experiment file into an {@link Experiment}, checking everything that can be checked without
 * running it, and reporting every problem at once with its file, line:column and JSON path.
 *
 * <p>The reader knows the parts every experiment shares (the top-level keys, the sections' presence,
 * plugin objects, the model, {@code expect}); each task declares and reads its own sections. When the file
 * is otherwise valid, every loss, initializer and optimizer it names is created once, so that a plugin's
 * own check of its configuration ({@code config.error}) fails here, before anything runs.
 */
public final class ExperimentReader {
    private final PluginRegistry plugins;
    private final TaskRegistry tasks;

    public ExperimentReader(PluginRegistry plugins, TaskRegistry tasks) {
        this.plugins = plugins;
        this.tasks = tasks;
    }

    /** The top-level keys besides the sections, for experiments run with {@code tasks}. */
    static List<ParameterSpec> topLevel(TaskRegistry tasks) {
        return List.of(
                ParameterSpec.string("task", "What the experiment does.", tasks.names().toArray(String[]::new)).asRequired(),
                ParameterSpec.string("name", "Name of the experiment; defaults to the file name without .json."),
                ParameterSpec.string("description", "What the experiment shows."),
                ParameterSpec.integer("seed", "Root of every random stream of the run.").withDefault(0).atLeast(0),
                ParameterSpec.string("data-folder", "The folder that relative data paths start from, itself relative to the"
                        + " experiment file's folder; by default that folder. The copies of a sweep's file in its run folder"
                        + " (sweep.json, best.json) name it, so that they find the same files."));
    }

    /**
     * Reads a model section on its own, such as the one a saved model keeps, at {@code path} of {@code document}.
     *
     * @throws InvalidDocumentException with every problem found, placed in the document
     */
    public static ModelSpec readModel(PluginRegistry plugins, JsonDocument document, String path) {
        Problems problems = new Problems(document);
        JsonNode node = document.root().at(JsonPointer.compile("/" + String.join("/", path.substring(2).split("\\."))));
        Bound model = new SectionBinder(plugins, problems).bind(node, path, new Form.Model());
        problems.throwIfAny();
        return model.model();
    }

    /** Returns the model section's own keys; besides them it holds {@code init} (an initializer) and {@code layers}. */
    public static List<ParameterSpec> modelKeys() {
        return SectionBinder.MODEL;
    }

    /** Returns the initializer a model uses when it names none. */
    public static String defaultInitializer() {
        return SectionBinder.DEFAULT_INITIALIZER;
    }

    /**
     * Reads and checks an experiment file.
     *
     * @throws InvalidDocumentException with every problem found
     */
    public Experiment read(Path file) {
        return read(JsonDocument.read(file), file);
    }

    /** Checks an already parsed document; {@code file} gives the default experiment name. */
    public Experiment read(JsonDocument document, Path file) {
        if (document.root().isObject() && document.root().has("sweep")) {
            return readSweep(document, file);
        }
        Problems problems = new Problems(document);
        // A copy, into which binding writes every default: afterwards it is the resolved experiment.
        JsonNode root = document.root().deepCopy();
        if (!root.isObject()) {
            problems.add("$", "expected a JSON object with the keys task, model, data, ...; found " + Values.describe(root));
            problems.throwIfAny();
        }
        List<String> sectionKeys = new ArrayList<>(tasks.sectionNames());
        sectionKeys.add("expect");
        sectionKeys.add("sweep");
        sectionKeys.add("data-hub");
        ConfigValues top = ConfigBinder.bind(problems, root, "$", topLevel(tasks), sectionKeys, "an experiment");
        if (!top.has("task")) {
            problems.throwIfAny();
        }
        Task task = tasks.find(top.string("task")).orElseThrow();
        SectionBinder binder = new SectionBinder(plugins, problems);
        Map<String, Bound> sections = new java.util.LinkedHashMap<>();
        List<String> used = task.sections().stream().map(Section::name).toList();
        for (String name : tasks.sectionNames()) {
            if (root.has(name) && !used.contains(name)) {
                problems.add(JsonDocument.child("$", name), "the section '" + name + "' is not used by task '" + task.name()
                        + "', which uses: " + String.join(", ", new TreeSet<>(used)));
            }
        }
        for (Section s : task.sections()) {
            if (!root.has(s.name())) {
                if (s.required()) {
                    problems.add("$", "missing section '" + s.name() + "', which task '" + task.name() + "' requires, such as \""
                            + s.name() + "\": " + s.example());
                }
            } else {
                sections.put(s.name(), binder.bind(root.get(s.name()), JsonDocument.child("$", s.name()), s.form()));
            }
        }
        List<Expectation> expectations = root.has("expect") ? ExpectSection.read(problems, root.get("expect")) : List.of();
        List<DataFile> dataFiles = root.has("data-hub") ? DataHubSection.read(problems, root.get("data-hub")) : List.of();
        long seed = top.has("seed") ? top.integer("seed") : 0;
        Job job = task.read(new Input(sections, seed, problems, binder));
        // Every plugin object that bound is checked, whatever else is wrong, so all problems come at once.
        checkPlugins(binder.components(), problems);
        if (job != null) {
            ExpectSection.checkNames(problems, expectations, task.name(), job.results());
        }
        problems.throwIfAny();
        Bound model = sections.get("model");
        String name = top.has("name") ? top.string("name") : defaultName(file);
        String description = top.has("description") ? top.string("description") : "";
        return new Experiment(document.file(), name, description, seed, task, job, model == null ? null : model.model(),
                sections, binder.components(), expectations, dataFiles, root.toPrettyString(), document, null);
    }

    /**
     * Refuses checkpoints in a sweep, in its base or among its parameters: a sweep resumes run by run, and its runs,
     * which write no folder of their own, would keep none.
     */
    private static void refuseCheckpoints(Problems problems, ObjectNode base, SweepSpec spec) {
        String why = "a sweep resumes by its runs (djx run --resume RUN_FOLDER does not run again those it recorded), and"
                + " its runs keep no checkpoints; leave " + CheckpointFolder.TRAINING_KEY + " out of a sweep's file";
        if (base.path("training").has(CheckpointFolder.TRAINING_KEY)) {
            problems.add("$.training." + CheckpointFolder.TRAINING_KEY, why);
        }
        if (spec != null) {
            for (SweepParameter p : spec.parameters()) {
                if (p.path().equals("training." + CheckpointFolder.TRAINING_KEY)) {
                    problems.add(SweepSection.parameterPath(p.path()), why);
                }
            }
        }
    }

    /** At most this many invalid trials are reported: the rest are usually the same mistake again. */
    private static final int INVALID_TRIALS_SHOWN = 5;

    /**
     * Reads a file with a {@code sweep} section: the file without it must be a valid experiment, and so must
     * every trial, the file with the trial's values put in; {@code expect} is then on the sweep's results.
     */
    private Experiment readSweep(JsonDocument document, Path file) {
        Problems problems = new Problems(document);
        ObjectNode base = ((ObjectNode) document.root()).deepCopy();
        JsonNode sweepNode = base.remove("sweep");
        JsonNode expectNode = base.remove("expect");
        Experiment experiment = null;
        try {
            experiment = read(document.withRoot(base), file);
        } catch (InvalidDocumentException e) {
            problems.addAll(e);
        }
        SweepSpec spec = SweepSection.read(problems, sweepNode);
        refuseCheckpoints(problems, base, spec);
        List<Expectation> expectations = expectNode == null ? List.of() : ExpectSection.read(problems, expectNode);
        ObjectNode resolved = experiment == null ? null : resolvedTree(experiment);
        SweepPlan plan = spec == null || experiment == null ? null : plan(problems, spec, base, experiment, resolved, file);
        if (plan != null) {
            ExpectSection.checkNames(problems, expectations, experiment.task().name() + " sweep", plan.results());
        }
        problems.throwIfAny();
        resolved.set("sweep", sweepNode);
        if (expectNode != null) {
            resolved.set("expect", expectNode);
        }
        return new Experiment(experiment.file(), experiment.name(), experiment.description(), experiment.seed(), experiment.task(),
                experiment.job(), experiment.model(), experiment.sections(), experiment.components(), expectations, experiment.dataFiles(),
                resolved.toPrettyString(), document, plan);
    }

    /** Puts each point's values into the experiment and reads the result; null when anything is wrong. */
    private static ObjectNode resolvedTree(Experiment experiment) {
        try {
            return (ObjectNode) new ObjectMapper().readTree(experiment.resolved());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the resolved experiment is not JSON", e);
        }
    }

    private SweepPlan plan(Problems problems, SweepSpec spec, ObjectNode base, Experiment experiment, ObjectNode resolved,
            Path file) {
        ResultNames results = experiment.job().results();
        if (!results.has(spec.objective())) {
            problems.add(JsonDocument.child(JsonDocument.child(SweepSection.PATH, "objective"), "result"), "task '"
                    + experiment.task().name() + "' produces no result '" + spec.objective() + "'; its results are: "
                    + String.join(", ", results.listing()) + Suggestions.didYouMean(spec.objective(), results.exact()));
            return null;
        }
        List<Map<String, JsonNode>> points = Points.of(spec, experiment.seed());
        int before = problems.count();
        for (SweepParameter p : spec.parameters()) {
            String why = JsonPaths.set(base.deepCopy(), p.path(), points.get(0).get(p.path()));
            if (why != null) {
                problems.add(SweepSection.parameterPath(p.path()), "'" + p.path() + "' names nothing in the experiment: " + why);
            }
        }
        for (SweepParameter a : spec.parameters()) {
            for (SweepParameter b : spec.parameters()) {
                if (b.path().startsWith(a.path() + ".") || b.path().startsWith(a.path() + "[")) {
                    problems.add(SweepSection.parameterPath(b.path()), "'" + b.path() + "' lies inside '" + a.path()
                            + "', which the sweep also sets; vary one of them");
                }
            }
        }
        if (problems.count() > before) {
            return null;
        }
        List<Integer> rungs = List.of();
        if (spec.halving() != null) {
            rungs = rungs(problems, spec, experiment, resolved.path("training").path("epochs"));
            if (rungs == null) {
                return null;
            }
        }
        List<TrialRequest> requests = new ArrayList<>();
        // A trial is read without the sweep's file and data-folder: it names the sweep's weights file by its full path.
        Path folder = WeightsFrom.folder(experiment.source());
        int invalid = 0;
        // The same mistake in every trial (a misspelled last key) is reported once.
        java.util.Set<String> reported = new java.util.HashSet<>();
        boolean anyInvalid = false;
        for (int t = 0; t < points.size(); t++) {
            Map<String, JsonNode> point = points.get(t);
            for (int r = 0; r < spec.repeats(); r++) {
                ObjectNode trial = base.deepCopy();
                // Where the files are is the sweep's, not the trial's: its runs read relative to the sweep's folder.
                trial.remove("data-folder");
                // Named as the sweep is, whether the file names itself or takes its file's name, so that the copy a run
                // folder keeps (which always names it) makes the same runs.
                trial.put("name", experiment.name());
                trial.put("seed", experiment.seed() + r);
                point.forEach((path, value) -> {
                    String why = JsonPaths.set(trial, path, value.deepCopy());
                    if (why != null) {
                        throw new IllegalStateException("the path " + path + " was checked, yet: " + why);
                    }
                });
                WeightsFrom.anchor(trial, folder);
                String text = trial.toString();
                if (r == 0) {
                    try {
                        read(JsonDocument.parse("trial " + (t + 1), text.getBytes(StandardCharsets.UTF_8)), file);
                    } catch (InvalidDocumentException e) {
                        anyInvalid = true;
                        boolean fresh = e.problems().stream().anyMatch(q -> !reported.contains(q.path() + "\n" + q.message()));
                        if (fresh && invalid++ < INVALID_TRIALS_SHOWN) {
                            for (Problem q : e.problems()) {
                                if (!reported.add(q.path() + "\n" + q.message())) {
                                    continue;
                                }
                                problems.add(placeOf(spec, point, q.path()), "trial " + (t + 1) + " (" + Points.describe(point)
                                        + ") is not a valid experiment: at " + q.path() + ": " + q.message());
                            }
                        }
                    }
                }
                if (rungs.isEmpty()) {
                    requests.add(new TrialRequest(t + 1, r, 0, text, folder.toString()));
                }
                for (int k = 0; k < rungs.size(); k++) {
                    ObjectNode atRung = trial.deepCopy();
                    JsonPaths.set(atRung, "training.epochs", JsonNodeFactory.instance.numberNode(rungs.get(k)));
                    requests.add(new TrialRequest(t + 1, r, k + 1, atRung.toString(), folder.toString()));
                }
            }
        }
        if (invalid > INVALID_TRIALS_SHOWN) {
            problems.add(JsonDocument.child(SweepSection.PATH, "parameters"), (invalid - INVALID_TRIALS_SHOWN)
                    + " more trials are not valid experiments either");
        }
        return anyInvalid ? null : new SweepPlan(spec, points, requests, rungs);
    }

    /** Returns the epochs of each rung of the sweep's successive halving; null when it cannot have any. */
    private static List<Integer> rungs(Problems problems, SweepSpec spec, Experiment experiment, JsonNode epochs) {
        String at = JsonDocument.child(SweepSection.PATH, "scheduler");
        if (!epochs.canConvertToInt()) {
            problems.add(at, "successive halving sets the epochs each rung trains for, and task '" + experiment.task().name()
                    + "' has no training.epochs");
            return null;
        }
        if (spec.parameters().stream().anyMatch(p -> p.path().equals("training.epochs"))) {
            problems.add(SweepSection.parameterPath("training.epochs"), "successive halving sets the epochs of each rung; vary"
                    + " them with \"min-epochs\" and the experiment's training.epochs, not as a parameter");
            return null;
        }
        int max = epochs.intValue();
        if (spec.halving().minEpochs() >= max) {
            problems.add(JsonDocument.child(at, "min-epochs"), "min-epochs " + spec.halving().minEpochs() + " leaves nothing to"
                    + " halve: the experiment trains for " + max + " epochs; give fewer, such as " + Math.max(1, max / 9));
            return null;
        }
        List<Integer> rungs = spec.halving().rungs(max);
        if (rungs.size() < 2) {
            problems.add(JsonDocument.child(at, "min-epochs"), "min-epochs " + spec.halving().minEpochs() + " leaves one rung:"
                    + " the experiment trains for " + max + " epochs, and the next rung would be " + spec.halving().reduction()
                    + " times as long; give at most " + Math.max(1, max / spec.halving().reduction()));
            return null;
        }
        return rungs;
    }

    /**
     * Returns where in the file a trial's problem at {@code path} comes from: the listed value that the point put
     * there, or the parameter whose distribution drew it.
     */
    private static String placeOf(SweepSpec spec, Map<String, JsonNode> point, String path) {
        for (SweepParameter p : spec.parameters()) {
            String at = "$." + p.path();
            if (path.equals(at) || path.startsWith(at + ".") || path.startsWith(at + "[")) {
                String parameter = SweepSection.parameterPath(p.path());
                int index = p.domain().values().indexOf(point.get(p.path()));
                return index < 0 ? parameter : JsonDocument.element(JsonDocument.child(parameter, p.domain().kind().key()), index);
            }
        }
        return JsonDocument.child(SweepSection.PATH, "parameters");
    }

    /**
     * Creates every loss, initializer and optimizer once, and has every dataset source check its
     * configuration, so that a plugin rejecting its configuration does so now. Layers are created by the
     * tasks' probes, which know their input width; an optimizer is given one probe parameter, since the
     * parameters it will train need the data.
     */
    private static void checkPlugins(List<ComponentSpec> components, Problems problems) {
        for (ComponentSpec c : components) {
            try {
                switch (c.plugin().kind()) {
                    case LOSS -> c.createLoss();
                    case INITIALIZER -> c.createInitializer();
                    case OPTIMIZER -> c.createOptimizer(List.of(new Parameter("weight", Parameter.Role.WEIGHT, Shape.of(1, 1), 1, 1)));
                    case DATASET -> c.checkDataset();
                    default -> {
                        // layers are built by the tasks' probes, which know their input width
                    }
                }
            } catch (InvalidDocumentException e) {
                problems.addAll(e);
            } catch (ConfigurationException | PluginException e) {
                problems.add(c.path(), e.getMessage());
            }
        }
    }

    private static String defaultName(Path file) {
        String n = file.getFileName() == null ? "experiment" : file.getFileName().toString();
        return n.endsWith(".json") ? n.substring(0, n.length() - 5) : n;
    }

    /** What a task reads its sections from. */
    private static final class Input implements TaskInput {
        private final Map<String, Bound> sections;
        private final long seed;
        private final Problems problems;
        private final SectionBinder binder;

        Input(Map<String, Bound> sections, long seed, Problems problems, SectionBinder binder) {
            this.sections = sections;
            this.seed = seed;
            this.problems = problems;
            this.binder = binder;
        }

        @Override
        public Bound section(String name) {
            return sections.get(name);
        }

        @Override
        public boolean has(String name) {
            return sections.containsKey(name);
        }

        @Override
        public long seed() {
            return seed;
        }

        @Override
        public void problem(String path, String message) {
            problems.add(path, message);
        }

        @Override
        public int problems() {
            return problems.count();
        }

        @Override
        public ComponentSpec builtIn(PluginKind kind, String type, Map<String, Object> config, String path, String why) {
            if (binder.lookup(kind, type, null) == null) {
                problems.add(path, why + " with the " + kind.label() + " '" + type + "', which is not installed; installed: "
                        + String.join(", ", binder.names(kind)));
                return null;
            }
            ObjectNode node = JsonNodeFactory.instance.objectNode().put("type", type);
            config.forEach((key, value) -> node.set(key, value instanceof Integer i ? JsonNodeFactory.instance.numberNode(i)
                    : value instanceof Boolean b ? JsonNodeFactory.instance.booleanNode(b)
                    : value instanceof Double d ? JsonNodeFactory.instance.numberNode(d)
                    : JsonNodeFactory.instance.textNode(String.valueOf(value))));
            return binder.component(node, path, kind, List.of());
        }

        @Override
        public boolean check(String path, Runnable check) {
            try {
                check.run();
                return true;
            } catch (InvalidDocumentException e) {
                problems.addAll(e);
            } catch (ConfigurationException | PluginException e) {
                problems.add(path, e.getMessage());
            }
            return false;
        }

        @Override
        public Network probe(ModelSpec model, int inputs) {
            try {
                return build(model, inputs);
            } catch (InvalidDocumentException e) {
                problems.addAll(e);
            } catch (ConfigurationException | PluginException e) {
                problems.add("$.model", e.getMessage());
            }
            return null;
        }

        @Override
        public Network tryProbe(ModelSpec model, int inputs) {
            try {
                return build(model, inputs);
            } catch (ModelTooLargeException e) {
                // Too large with a stand-in width is too large with any: report it now.
                problems.add("$.model", e.getMessage());
                return null;
            } catch (ConfigurationException e) {
                return null;
            }
        }

        private Network build(ModelSpec model, int inputs) {
            return new NetworkBuilder(new CpuKernels()).build(model, inputs, new RandomStreams(seed), "");
        }
    }
}
