package org.djx.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How far a plugin author can rely on a type or method of the api not to change.
 *
 * <p>Every public type of the api carries it; its nested types share its status. A method carries it
 * when its status differs from its type's, as new hooks on a long-standing interface do. The rules
 * follow the api's version ({@code ApiVersions} in the engine): before 1.0 any minor version may break
 * plugins; from 1.0 a {@link Status#STABLE} element changes incompatibly only with a new major version,
 * while an {@link Status#EXPERIMENTAL} one may still change with a new minor version.
 *
 * @since 0.2
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Stability(Stability.Status.STABLE)
public @interface Stability {
    /** Returns the status of the annotated type or method. */
    Status value();

    /** How much an api element may still change. */
    enum Status {
        /** Used by shipped plugins and kept: changes only add (default methods, new factories). */
        STABLE,
        /**
         * New and meant to be used, but its shape may still change with the next minor version while
         * the first plugins that need it (schedules, checkpoints, dropout) are written.
         */
        EXPERIMENTAL
    }
}
