package org.djx.api.archfixture;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Breaks "the api depends on the JDK alone": an api class that needs a JSON library. */
public final class ApiUsingJackson {
    public String toJson(Object value) throws Exception {
        return new ObjectMapper().writeValueAsString(value);
    }
}
