package org.djx.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.djx.api.ConfigurationException;
import org.djx.api.DType;
import org.djx.api.DataException;
import org.djx.api.Parameter;
import org.djx.engine.random.RandomStreams;
import org.djx.engine.spec.InitialWeights;
import org.djx.engine.spec.ModelSpec;
import org.djx.engine.tasks.Experiments;
import org.djx.engine.tensor.CpuKernels;
import org.djx.engine.weights.StoredTensor;
import org.junit.jupiter.api.Test;

/** A network's parameters under PyTorch's nn.Sequential names and layout, out and back in. */
class StateDictTests {
    /** 3 inputs, linear 4, relu, linear 2: parameters in layers 0 and 2. */
    private static final ModelSpec MODEL = Experiments.read("m.json", """
            {"task": "forward",
             "model": {"inputs": 3, "layers": [{"type": "linear", "outputs": 4}, {"type": "relu"}, {"type": "linear", "outputs": 2}]},
             "data": {"inputs": [[1, 2, 3]]}}
            """).model();

    private static Network build(ModelSpec model, long seed, String prefix) {
        return new NetworkBuilder(new CpuKernels()).build(model, 3, new RandomStreams(seed), prefix);
    }

    private static List<double[]> values(Network network) {
        return network.parameters().stream().map(p -> p.value().toArray()).toList();
    }

    @Test
    void namesEachParameterByItsLayersPositionWithWeightsInPyTorchsLayout() {
        Network network = build(MODEL, 1, "");

        Map<String, StoredTensor> dict = StateDict.of(network);

        assertThat(dict.keySet()).containsExactly("layers.0.weight", "layers.0.bias", "layers.2.weight", "layers.2.bias");
        assertThat(dict.get("layers.0.weight").shape()).containsExactly(4, 3);
        Parameter w = network.parameters(0).get(0);
        // djx's W[i][o] is PyTorch's weight[o][i].
        assertThat(dict.get("layers.0.weight").values()[1 * 3 + 2]).isEqualTo(w.value().get(2 * 4 + 1));
    }

    @Test
    void loadsWhatItSavedIntoANetworkOfOtherDraws() {
        Network saved = build(MODEL, 1, "");
        Network other = build(MODEL, 2, "");

        StateDict.load(other, StateDict.of(saved), "saved");

        assertThat(values(other)).usingRecursiveComparison().isEqualTo(values(saved));
    }

    @Test
    void leavesTheNetworkAsItWasWhenItRefusesTheFile() {
        Network network = build(MODEL, 1, "");
        List<double[]> before = values(network);
        Map<String, StoredTensor> dict = new LinkedHashMap<>(StateDict.of(build(MODEL, 2, "")));
        dict.put("layers.2.bias", StoredTensor.of(DType.FLOAT64, new int[] {3}, new double[3]));

        assertThatThrownBy(() -> StateDict.load(network, dict, "f.safetensors")).isInstanceOf(DataException.class)
                .hasMessage("f.safetensors: the tensor 'layers.2.bias' has the shape [3], but the model's parameter has [2]");
        assertThat(values(network)).usingRecursiveComparison().isEqualTo(before);
    }

    @Test
    void startsEveryNetworkOfAModelWithInitialWeightsFromThemWhateverItsDraws() {
        Network source = build(MODEL, 7, "");
        ModelSpec model = MODEL.withWeights(InitialWeights.of("w.safetensors", StateDict.of(source)));

        assertThat(values(build(model, 1, "fold-1/"))).usingRecursiveComparison().isEqualTo(values(source));
        assertThat(values(build(model, 2, "fold-2/"))).usingRecursiveComparison().isEqualTo(values(source));
        assertThat(values(build(MODEL, 1, "fold-1/"))).usingRecursiveComparison().isNotEqualTo(values(source));
    }

    @Test
    void refusesThroughTheWeightsOwnRefusal() {
        ModelSpec model = MODEL.withWeights(InitialWeights.of("w.safetensors", Map.of()));

        assertThatThrownBy(() -> build(model, 1, "")).isExactlyInstanceOf(ConfigurationException.class)
                .hasMessage("w.safetensors: the parameter 'layers.0.weight' of layer 0 is missing; the file holds no tensors");
    }
}
