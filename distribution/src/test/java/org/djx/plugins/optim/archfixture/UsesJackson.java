package org.djx.plugins.optim.archfixture;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * A plugin class using a third-party library: a violation unless the library is listed for the
 * optim plugin.
 */
final class UsesJackson {
    String state(double learningRate) {
        return JsonNodeFactory.instance.objectNode().put("lr", learningRate).toString();
    }
}
