package org.djx.api.archfixture;

import org.djx.api.spi.Kernels;
import org.djx.engine.tensor.CpuKernels;

/** Breaks "the api depends on the JDK alone": an api class that picks the engine's kernels itself. */
public final class ApiReachingIntoTheEngine {
    public Kernels kernels() {
        return new CpuKernels();
    }
}
