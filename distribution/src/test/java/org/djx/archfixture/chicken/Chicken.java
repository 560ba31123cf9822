package org.djx.archfixture.chicken;

import org.djx.archfixture.egg.Egg;

/** With {@link Egg}, breaks "packages are free of cycles". */
public final class Chicken {
    public Egg lay() {
        return new Egg();
    }
}
