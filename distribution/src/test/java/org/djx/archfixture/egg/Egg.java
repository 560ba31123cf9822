package org.djx.archfixture.egg;

import org.djx.archfixture.chicken.Chicken;

/** With {@link Chicken}, breaks "packages are free of cycles". */
public final class Egg {
    public Chicken hatch() {
        return new Chicken();
    }
}
