package org.djx.engine.experiment;

/**
 * The task-specific part of an experiment: one record per {@link TaskKind}, holding the checked
 * sections that task uses.
 */
public sealed interface TaskSpec permits ForwardSpec, TrainSpec, CurveSpec, ProductSpec, DepthSpec, TabularSpec,
        CovariateShiftSpec, AdversarialValidationSpec, ConceptShiftSpec {
    /** Returns which task this is. */
    TaskKind kind();
}
