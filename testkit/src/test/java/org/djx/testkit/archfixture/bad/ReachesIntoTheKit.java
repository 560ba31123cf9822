package org.djx.testkit.archfixture.bad;

import org.djx.testkit.Quadratic;

/** Uses a class that is neither the JDK's nor the api's nor its own: at run time it would not be there. */
final class ReachesIntoTheKit {
    private ReachesIntoTheKit() {
    }

    static int size() {
        return Quadratic.standard().size();
    }
}
