package org.djx.plugins.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.djx.api.spi.OptimizerFactory;
import org.djx.api.spi.ScheduleFactory;
import org.djx.testkit.OptimizerChecks;
import org.djx.testkit.PluginConfig;
import org.djx.testkit.Quadratic;
import org.djx.testkit.ScheduleChecks;
import org.junit.jupiter.api.Test;

/**
 * djx's optimizers and schedules against PyTorch's, in float64, to 1e-12: the literals below are what
 * {@code bench/optim_torch.py} printed (the command is in the first comment), pasted unchanged. The
 * optimizers run on the kit's standard quadratic ({@link Quadratic#standard()}), whose gradient the
 * script writes by hand as the kit does; the schedules give the rate of each epoch of a loop that calls
 * {@code scheduler.step()} after each epoch, which is how djx applies them ({@link ScheduleChecks#trajectory}).
 */
class TorchTrajectoriesTests {
    /** The largest absolute difference allowed from PyTorch's figures. */
    private static final double TOLERANCE = 1e-12;

    // PyTorch 1.13.0a0, float64: /usr/bin/python3 bench/optim_torch.py
    // SGD(lr=0.05, momentum=0.9, weight_decay=0.1)
    private static final double[][] SGD_MOMENTUM = {
            {-1.0, 1.0, 2.5, 0.0},
            {-0.945, 0.845, 2.2875, 0.6000000000000001},
            {-0.84215, 0.559025, 1.9060625, 1.6170000000000002},
            {-0.6993205, 0.17090112499999996, 1.4126321875, 2.8008150000000005},
            {-0.5247943350000001, -0.2878099243750001, 0.8702185265625001, 3.8920814250000006},
            {-0.32697695645, -0.7848203229718751, 0.3406732864296876, 4.676344515375001},
            {-0.11413200706149998, -1.2889645639456095, -0.12168812476496092, 5.023530671060626},
            {0.10585240759999504, -1.771801329804962, -0.4750361417398237, 4.90617442361026},
            {0.3256628085673407, -2.2089053459391064, -0.6931705621345187, 4.3947880440648275},
    };
    // SGD(lr=0.05, momentum=0.8, dampening=0.3, weight_decay=0.1)
    private static final double[][] SGD_DAMPENED = {
            {-1.0, 1.0, 2.5, 0.0},
            {-0.945, 0.845, 2.2875, 0.6000000000000001},
            {-0.863655, 0.6184675, 1.98436875, 1.4139000000000002},
            {-0.762942245, 0.3434305012499999, 1.631012646875, 2.2821253500000003},
            {-0.648850253855, 0.04017882795187488, 1.2634483348296874, 3.0692206422750004},
            {-0.5264508056080449, -0.27396939556277233, 0.9115334325834553, 3.678463713928538},
            {-0.39997578009271195, -0.5847401526453234, 0.5980038034915857, 4.057998628302623},
            {-0.2728962682984986, -0.8808442624345194, 0.33822682066145837, 4.1993037566404645},
            {-0.14800183722885948, -1.1538150461621473, 0.14054556307873933, 4.129747770232831},
    };
    // SGD(lr=0.05, momentum=0.9, nesterov=True, weight_decay=0.1)
    private static final double[][] SGD_NESTEROV = {
            {-1.0, 1.0, 2.5, 0.0},
            {-0.8955, 0.7054999999999999, 2.09625, 1.1400000000000001},
            {-0.7524065, 0.3162252499999999, 1.6009231249999998, 2.3219700000000003},
            {-0.5799136795, -0.13224531362500014, 1.0838403990624998, 3.2916656850000003},
            {-0.3869300368184999, -0.6063960357386876, 0.6035270214182811, 3.9106914821925005},
            {-0.18184741565299542, -1.076309442930751, 0.20326425847694335, 4.1519126862342715},
            {0.02764513509407988, -1.5167737763864095, -0.09049014421238329, 4.073364357048133},
            {0.23470277784345425, -1.9079661342891947, -0.2676078504363356, 3.7821233343205836},
            {0.4334230166283545, -2.235737097299608, -0.33217733850391395, 3.3984050990233023},
    };
    // AdamW(lr=0.05, weight_decay=0.1)
    private static final double[][] ADAMW = {
            {-1.0, 1.0, 2.5, 0.0},
            {-0.9450000005, 0.9450000001666666, 2.437500000125, 0.049999999958333326},
            {-0.8903161963209226, 0.8903012536147228, 2.3753601671630884, 0.09972633134521974},
            {-0.8359757287781172, 0.8359201834594493, 2.313612233912508, 0.14916425884134893},
            {-0.7820064847131389, 0.7818733980651691, 2.252289042053297, 0.19829892744959976},
            {-0.7284370352480148, 0.7281776456919984, 2.191424487898846, 0.24711540470244292},
            {-0.6752965688859103, 0.6748497680552599, 2.1310534603622027, 0.2955987235828833},
            {-0.6226148190988048, 0.6219066531184415, 2.0712117709467623, 0.34373392585116247},
            {-0.5704219865744068, 0.5693651874441259, 2.0119360755873212, 0.39150610546873965},
    };
    // AdamW(lr=0.001)
    private static final double[][] ADAMW_DEFAULTS = {
            {-1.0, 1.0, 2.5, 0.0},
            {-0.99899000001, 0.9989900000033334, 2.4989750000025, 0.0009999999991666666},
            {-0.9979800233183829, 0.9979800188977584, 2.4979500236499277, 0.00199998129443595},
            {-0.9969700786996311, 0.9969700625257448, 2.496925079847569, 0.00299993810132566},
            {-0.9959601748855189, 0.9959601366998879, 2.4959001774574676, 0.003999864664960949},
            {-0.9949503205459371, 0.9949502471901707, 2.4948753252789646, 0.00499975527268614},
            {-0.9939405242702226, 0.9939403997115673, 2.4938505320297497, 0.0059996042663380145},
            {-0.992930794549132, 0.9929305999120812, 2.4928258063275646, 0.006999406054089401},
            {-0.9919211397575873, 0.9919208533613011, 2.4918011566726923, 0.007999155121778222},
    };
    // AdamW(lr=0.2, betas=(0.5, 0.9), eps=1e-6, weight_decay=0.3, amsgrad=True)
    private static final double[][] ADAMW_AMSGRAD = {
            {-1.0, 1.0, 2.5, 0.0},
            {-0.7400001999997999, 0.7400000666666444, 2.150000049999987, 0.19999998333333477},
            {-0.499991788735057, 0.49835180267958673, 1.8273057314200594, 0.38594282433983007},
            {-0.28160228281379834, 0.275548402862369, 1.534872561665084, 0.5575453596295006},
            {-0.08593992825881339, 0.07168914836864651, 1.2753174398930167, 0.7148545243246387},
            {0.0865385803944787, -0.11354333854233183, 1.052302836488109, 0.8582472391282934},
            {0.23524203664541765, -0.2808319272268465, 0.8685090305079832, 0.9883745667081907},
            {0.3593766639292515, -0.4311361532949371, 0.7228240048284317, 1.1060809771421443},
            {0.46005261907695294, -0.5649637101274808, 0.6116190401034131, 1.2123237951294277},
    };
    // StepLR(step_size=3, gamma=0.5), lr 0.1, 12 epochs
    private static final double[] STEP_RATES = {0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025, 0.0125, 0.0125, 0.0125};
    // CosineAnnealingLR(T_max=12, eta_min=0.001), lr 0.1, 12 epochs
    private static final double[] COSINE_RATES = {0.1, 0.09831332840130888, 0.09336825748732973, 0.0855017856687341, 0.07525000000000001, 0.06331154273257479, 0.05050000000000001, 0.037688457267425236, 0.025750000000000016, 0.015498214331265903, 0.007631742512670285, 0.0026866715986911243};
    // CosineAnnealingLR(T_max=5), lr 0.1, 12 epochs (past T_max)
    private static final double[] COSINE_SHORT_RATES = {0.1, 0.09045084971874738, 0.06545084971874737, 0.03454915028125263, 0.009549150281252633, 0.0, 0.009549150281252628, 0.03454915028125265, 0.06545084971874741, 0.09045084971874744, 0.10000000000000006, 0.09045084971874746};
    // LinearLR(start_factor=0.25, end_factor=1.0, total_iters=4), lr 0.1, 12 epochs
    private static final double[] LINEAR_RATES = {0.025, 0.043750000000000004, 0.06250000000000001, 0.08125000000000002, 0.10000000000000002, 0.10000000000000002, 0.10000000000000002, 0.10000000000000002, 0.10000000000000002, 0.10000000000000002, 0.10000000000000002, 0.10000000000000002};
    // LinearLR() (start_factor=1/3, end_factor=1, total_iters=5), lr 0.1, 12 epochs
    private static final double[] LINEAR_DEFAULT_RATES = {0.03333333333333333, 0.04666666666666667, 0.060000000000000005, 0.07333333333333335, 0.08666666666666668, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1};
    // LinearLR(start_factor=1.0, end_factor=0.0, total_iters=10), lr 0.1, 12 epochs
    private static final double[] LINEAR_DECAY_RATES = {0.1, 0.09000000000000001, 0.08, 0.07, 0.06000000000000001, 0.05000000000000001, 0.04000000000000001, 0.030000000000000006, 0.020000000000000007, 0.010000000000000004, 0.0, 0.0};
    // AdamW(lr=0.1, weight_decay=0.05) under CosineAnnealingLR(T_max=4), 4 epochs of 3 steps
    private static final double[][] ADAMW_COSINE = {
            {-1.0, 1.0, 2.5, 0.0},
            {-0.895000001, 0.8950000003333334, 2.3875000002499998, 0.09999999991666665},
            {-0.7907018035137297, 0.7906337009019511, 2.2757551498562427, 0.1993972927535091},
            {-0.6872328283291318, 0.6869750580749872, 2.164905733983526, 0.29812231467986333},
            {-0.5997412528806406, 0.5991666094010546, 2.071183873639941, 0.3817539613081619},
            {-0.5130861227324146, 0.5120041537896116, 1.978372439265359, 0.4647735568120477},
            {-0.42736246123083765, 0.4255382141740125, 1.8865783958688342, 0.5471340058847991},
            {-0.3777544253206934, 0.37532798979035525, 1.8334729312454643, 0.5949634472715373},
            {-0.328652054483112, 0.3254587338595356, 1.7809250985270995, 0.6424713965744755},
            {-0.28005904441843854, 0.2759305521497853, 1.728940128364178, 0.6896579311790659},
            {-0.26597974633516713, 0.2615257101217328, 1.7138838123991214, 0.7033828416471334},
            {-0.25201030564290433, 0.24718621361550133, 1.6989501987391669, 0.7170464681729893},
            {-0.23813760466180864, 0.2329044768479087, 1.6841248102463489, 0.7306559324092693},
    };
    // SGD(lr=0.05, momentum=0.9, nesterov=True) under StepLR(step_size=2, gamma=0.5), 4 epochs of 3 steps
    private static final double[][] NESTEROV_STEP = {
            {-1.0, 1.0, 2.5, 0.0},
            {-0.905, 0.715, 2.12, 1.1400000000000001},
            {-0.7740125, 0.33557499999999996, 1.6502000000000001, 2.3328},
            {-0.6147206562499999, -0.10561212500000006, 1.154642, 3.3250560000000005},
            {-0.4345740469531249, -0.5775465106250001, 0.6877758199999998, 3.97446912},
            {-0.24063104612128894, -1.0521730848031252, 0.2908366321999998, 4.2471527424},
            {-0.039430286738320684, -1.505370151485266, -0.009767773138000252, 4.194054402048},
            {0.06183942502518564, -1.7114776437047494, -0.10602416864299026, 4.05553355931648},
            {0.16356988854218707, -1.8995500270347274, -0.1580221783676072, 3.837778320772301},
            {0.2644382143861448, -2.067094792730915, -0.16957936776377433, 3.5776187454742856},
            {0.3632794613001354, -2.2124379548110467, -0.1459817963093085, 3.3091276149354645},
            {0.4590836262286928, -2.3346656306660862, -0.09350678290027477, 3.060737037705473},
            {0.5509910324810896, -2.433553775462231, -0.018965307290537192, 2.8534669663786327},
    };
    // SGD(lr=0.1, momentum=0.5) under LinearLR(start_factor=0.2, total_iters=3), 4 epochs of 3 steps
    private static final double[][] SGD_WARMUP = {
            {-1.0, 1.0, 2.5, 0.0},
            {-0.98, 0.94, 2.42, 0.24000000000000005},
            {-0.9501999999999999, 0.8512, 2.3032, 0.5808000000000001},
            {-0.9157979999999999, 0.749776, 2.172672, 0.9447360000000001},
            {-0.8309603799999998, 0.50312512, 1.86427328, 1.75297728},
            {-0.7458191611333331, 0.26298717439999997, 1.5827417471999998, 2.3898754944},
            {-0.6625127712735553, 0.037312133461333295, 1.3409200843946665, 2.822214509312},
            {-0.5360989490560806, -0.2894068599204978, 1.0275824036221155, 3.214059860201813},
            {-0.41656840981528687, -0.5782098535505769, 0.7935348107045963, 3.3471916433208544},
            {-0.30486229850166285, -0.8268759611052408, 0.6334592420091626, 3.311914652839591},
            {-0.16345592586274513, -1.113733438327442, 0.497624960405898, 3.1630962981938024},
            {-0.034579943250149, -1.3457888331057986, 0.4301828275230861, 3.0234486015933872},
            {0.08158704521865652, -1.527237647184397, 0.410425195577063, 2.944245312655825},
    };

    private final SgdOptimizerFactory sgd = new SgdOptimizerFactory();
    private final AdamWOptimizerFactory adamw = new AdamWOptimizerFactory();
    private final StepScheduleFactory step = new StepScheduleFactory();
    private final CosineScheduleFactory cosine = new CosineScheduleFactory();
    private final LinearWarmupScheduleFactory linear = new LinearWarmupScheduleFactory();

    @Test
    void sgdWithMomentumFollowsPyTorch() {
        assertClose(optimizer(sgd, Map.of("lr", 0.05, "momentum", 0.9, "weight-decay", 0.1)), SGD_MOMENTUM);
    }

    @Test
    void sgdWithMomentumAndDampeningFollowsPyTorch() {
        assertClose(optimizer(sgd, Map.of("lr", 0.05, "momentum", 0.8, "dampening", 0.3, "weight-decay", 0.1)), SGD_DAMPENED);
    }

    @Test
    void sgdWithNesterovMomentumFollowsPyTorch() {
        assertClose(optimizer(sgd, Map.of("lr", 0.05, "momentum", 0.9, "nesterov", true, "weight-decay", 0.1)), SGD_NESTEROV);
    }

    @Test
    void adamwFollowsPyTorch() {
        assertClose(optimizer(adamw, Map.of("lr", 0.05, "weight-decay", 0.1)), ADAMW);
    }

    @Test
    void adamwWithPyTorchsDefaultsFollowsPyTorch() {
        assertClose(optimizer(adamw, Map.of()), ADAMW_DEFAULTS);
    }

    @Test
    void adamwWithAmsgradFollowsPyTorch() {
        assertClose(optimizer(adamw, Map.of("lr", 0.2, "beta1", 0.5, "beta2", 0.9, "epsilon", 1e-6, "weight-decay", 0.3,
                "amsgrad", true)), ADAMW_AMSGRAD);
    }

    @Test
    void stepScheduleFollowsStepLR() {
        assertClose(rates(step, Map.of("step-size", 3, "gamma", 0.5), STEP_RATES.length), STEP_RATES);
    }

    @Test
    void cosineScheduleFollowsCosineAnnealingLR() {
        assertClose(rates(cosine, Map.of("t-max", 12, "eta-min", 0.001), COSINE_RATES.length), COSINE_RATES);
    }

    @Test
    void cosineScheduleWithTMaxTheRunsEpochsFollowsCosineAnnealingLR() {
        assertClose(rates(cosine, Map.of("eta-min", 0.001), COSINE_RATES.length), COSINE_RATES);
    }

    @Test
    void cosineSchedulePastTMaxFollowsCosineAnnealingLR() {
        assertClose(rates(cosine, Map.of("t-max", 5), COSINE_SHORT_RATES.length), COSINE_SHORT_RATES);
    }

    @Test
    void linearWarmupFollowsLinearLR() {
        assertClose(rates(linear, Map.of("start-factor", 0.25, "end-factor", 1.0, "total-iters", 4), LINEAR_RATES.length),
                LINEAR_RATES);
    }

    @Test
    void linearWarmupWithPyTorchsDefaultsFollowsLinearLR() {
        assertClose(rates(linear, Map.of(), LINEAR_DEFAULT_RATES.length), LINEAR_DEFAULT_RATES);
    }

    @Test
    void linearDecayFollowsLinearLR() {
        assertClose(rates(linear, Map.of("start-factor", 1.0, "end-factor", 0.0, "total-iters", 10), LINEAR_DECAY_RATES.length),
                LINEAR_DECAY_RATES);
    }

    @Test
    void adamwUnderCosineAnnealingFollowsPyTorch() {
        assertClose(ScheduleChecks.trajectory(cosine, PluginConfig.of(cosine, Map.of("t-max", 4)), adamw,
                PluginConfig.of(adamw, Map.of("lr", 0.1, "weight-decay", 0.05)), Quadratic.standard(), 4, 3), ADAMW_COSINE);
    }

    @Test
    void nesterovUnderStepDecayFollowsPyTorch() {
        assertClose(ScheduleChecks.trajectory(step, PluginConfig.of(step, Map.of("step-size", 2, "gamma", 0.5)), sgd,
                PluginConfig.of(sgd, Map.of("lr", 0.05, "momentum", 0.9, "nesterov", true)), Quadratic.standard(), 4, 3),
                NESTEROV_STEP);
    }

    @Test
    void momentumUnderLinearWarmupFollowsPyTorch() {
        assertClose(ScheduleChecks.trajectory(linear, PluginConfig.of(linear, Map.of("start-factor", 0.2, "total-iters", 3)),
                sgd, PluginConfig.of(sgd, Map.of("lr", 0.1, "momentum", 0.5)), Quadratic.standard(), 4, 3), SGD_WARMUP);
    }

    @Test
    void theComparisonCanFail() {
        // A trajectory one step short of PyTorch's momentum run, or off by 1e-11, is told apart.
        double[][] shifted = optimizer(sgd, Map.of("lr", 0.05, "momentum", 0.9, "weight-decay", 0.1));
        shifted[8][3] += 1e-11;
        assertThat(maxAbsoluteDifference(shifted, SGD_MOMENTUM)).isGreaterThan(TOLERANCE);
        double[][] plain = optimizer(sgd, Map.of("lr", 0.05, "weight-decay", 0.1));
        assertThat(maxAbsoluteDifference(plain, SGD_MOMENTUM)).isGreaterThan(1e-3);
    }

    private static double[][] optimizer(OptimizerFactory factory, Map<String, ?> settings) {
        return OptimizerChecks.trajectory(factory, PluginConfig.of(factory, settings), Quadratic.standard(), 8);
    }

    private static double[][] rates(ScheduleFactory factory, Map<String, ?> settings, int epochs) {
        return new double[][] {ScheduleChecks.rates(factory, PluginConfig.of(factory, settings), epochs, 0.1)};
    }

    private static void assertClose(double[][] actual, double[] expected) {
        assertClose(actual, new double[][] {expected});
    }

    private static void assertClose(double[][] actual, double[][] expected) {
        assertThat(maxAbsoluteDifference(actual, expected)).isLessThanOrEqualTo(TOLERANCE);
    }

    /** Returns the largest |actual - expected| over every element; infinite when the shapes differ. */
    static double maxAbsoluteDifference(double[][] actual, double[][] expected) {
        if (actual.length != expected.length) {
            return Double.POSITIVE_INFINITY;
        }
        double worst = 0;
        for (int r = 0; r < actual.length; r++) {
            if (actual[r].length != expected[r].length) {
                return Double.POSITIVE_INFINITY;
            }
            for (int c = 0; c < actual[r].length; c++) {
                double d = Math.abs(actual[r][c] - expected[r][c]);
                worst = Double.isNaN(d) ? Double.POSITIVE_INFINITY : Math.max(worst, d);
            }
        }
        return worst;
    }
}
