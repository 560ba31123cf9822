package org.djx.engine.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.djx.api.DataException;
import org.junit.jupiter.api.Test;

/**
 * Pins each strict setting of the header's JSON parser, so that an upgrade of Jackson or a changed default
 * cannot make it lenient unnoticed, and shows each one refusing a header.
 */
class SafetensorsHeaderJsonTests {
    private static final Refusal REFUSAL = new Refusal(Path.of("h.safetensors"));

    private static String refusal(String json) {
        DataException e = catchThrowableOfType(DataException.class,
                () -> HeaderJson.parse(json.getBytes(StandardCharsets.UTF_8), REFUSAL));
        assertThat(e).as("the header should have been refused: %s", json).isNotNull();
        return e.getMessage().substring("cannot read safetensors file h.safetensors: ".length());
    }

    @Test
    void keepsEveryStrictSettingOfTheParser() {
        JsonFactory factory = HeaderJson.mapper().getFactory();

        assertThat(factory.isEnabled(StreamReadFeature.STRICT_DUPLICATE_DETECTION)).isTrue();
        assertThat(HeaderJson.mapper().isEnabled(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)).isTrue();
        assertThat(factory.isEnabled(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS.mappedFeature())).isFalse();
        assertThat(factory.isEnabled(JsonReadFeature.ALLOW_JAVA_COMMENTS.mappedFeature())).isFalse();
        assertThat(factory.isEnabled(JsonReadFeature.ALLOW_SINGLE_QUOTES.mappedFeature())).isFalse();
        assertThat(factory.isEnabled(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS.mappedFeature())).isFalse();
        assertThat(factory.isEnabled(JsonReadFeature.ALLOW_TRAILING_COMMA.mappedFeature())).isFalse();
        assertThat(factory.streamReadConstraints().getMaxNestingDepth()).isEqualTo(16);
        assertThat(factory.streamReadConstraints().getMaxNumberLength()).isEqualTo(1000);
        assertThat(factory.streamReadConstraints().getMaxStringLength()).isEqualTo(100 << 20);
    }

    @Test
    void refusesWhatALenientParserWouldAccept() {
        assertThat(refusal("{\"a\":1,\"a\":2}")).startsWith("the header is not valid JSON at line 1, column 11: duplicate key 'a'");
        assertThat(refusal("{\"a\":1}{}")).startsWith("the header is not valid JSON at line 1, column ");
        assertThat(refusal("{\"a\":[NaN]}")).isEqualTo("the header is not valid JSON at line 1, column 10: Non-standard token"
                + " 'NaN'");
        assertThat(refusal("{\"a\":[01]}")).contains("Leading zeroes not allowed");
        assertThat(refusal("{\"a\":[1,]}")).startsWith("the header is not valid JSON at line 1, column 9: ");
        assertThat(refusal("{/* note */}")).isEqualTo("the header is not valid JSON at line 1, column 2: Unexpected"
                + " character ('/' (code 47)): maybe a (non-standard) comment?");
    }

    @Test
    void refusesDeepNestingAndHugeNumbersNamingTheLimit() {
        assertThat(refusal("{\"a\":" + "[".repeat(20) + "]".repeat(20) + "}"))
                .isEqualTo("the header nests deeper than 16 levels; a safetensors header nests 3 (the header, an entry, its"
                        + " shape)");
        assertThat(refusal("{\"a\":[" + "9".repeat(1001) + "]}"))
                .isEqualTo("the header holds a number longer than 1000 digits; shapes and offsets are short whole numbers");
    }

    @Test
    void escapesControlCharactersAndCutsLongTextInTheParsersMessages() {
        String message = refusal("{\"" + "k".repeat(300) + "\":1,\"" + "k".repeat(300) + "\":2}");

        assertThat(message).startsWith("the header is not valid JSON at line 1, column ")
                .contains("(cut at 200 of ").hasSizeLessThan(400);
    }
}
