package org.djx.plugins.optim.archfixture;

/** Breaks "plugin classes other than providers are not public". */
public final class PublicHelper {
    public static double clip(double value, double limit) {
        return Math.max(-limit, Math.min(limit, value));
    }
}
