package org.djx.engine.weights;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.djx.api.DType;
import org.djx.api.DataException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged copies of a valid file: each must read (its values may differ) or be refused with a DataException,
 * never fail with another exception such as an index out of bounds, a negative array size, an out-of-memory
 * error or a parser's own exception.
 */
class SafetensorsFuzzTests {
    private static final long SEED = 0x5afe_7e45L;
    private static final int MUTATIONS = 4000;
    /** Bytes that change the meaning of a header: structure, signs, digits, quotes, padding, invalid UTF-8. */
    private static final byte[] TOKENS = "{}[]\",:-+.eE0123456789 \n\\_aFI".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path folder;
    private byte[] valid;
    private int headerEnd;

    @BeforeEach
    void writeAValidFileWithThreeTensors() throws IOException {
        Map<String, StoredTensor> tensors = new LinkedHashMap<>();
        tensors.put("layer-0/weight", StoredTensor.of(DType.FLOAT32, new int[] {2, 3}, new double[] {1, -2, 3, 0.5, 0, -0.25}));
        tensors.put("layer-0/bias", StoredTensor.of(DType.FLOAT64, new int[] {3}, new double[] {0.1, 0.2, 0.3}));
        tensors.put("scale", StoredTensor.of(DType.FLOAT64, new int[0], new double[] {2.5}));
        Path file = folder.resolve("valid.safetensors");
        Safetensors.write(file, tensors, Map.of("format", "pt"));
        valid = Files.readAllBytes(file);
        headerEnd = 8 + (int) ByteBuffer.wrap(valid, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    @Test
    void refusesEveryTruncationWithADataException() {
        List<String> failures = new ArrayList<>();
        for (int length = 0; length < valid.length; length++) {
            Outcome outcome = read(Arrays.copyOf(valid, length));
            if (outcome.kind() != Outcome.Kind.REFUSED) {
                failures.add("truncated to " + length + " of " + valid.length + " bytes: " + outcome.detail());
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void readsOrRefusesRandomlyDamagedCopiesWithADataExceptionOnly() {
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int read = 0;
        int refused = 0;
        for (int i = 0; i < MUTATIONS; i++) {
            StringBuilder what = new StringBuilder();
            byte[] damaged = damage(random, what);
            Outcome outcome = read(damaged);
            if (outcome.kind() == Outcome.Kind.READ) {
                read++;
            } else if (outcome.kind() == Outcome.Kind.REFUSED) {
                refused++;
            } else {
                failures.add("mutation " + i + " (" + what + "): " + outcome.detail());
            }
        }
        assertThat(failures).isEmpty();
        // Both outcomes occur, so the damage neither always misses the header nor always breaks the file.
        assertThat(read).isGreaterThan(MUTATIONS / 20);
        assertThat(refused).isGreaterThan(MUTATIONS / 2);
    }

    private byte[] damage(Random random, StringBuilder what) {
        byte[] bytes = valid.clone();
        switch (random.nextInt(6)) {
            case 0 -> {
                int at = random.nextInt(bytes.length);
                bytes[at] ^= (byte) (1 << random.nextInt(8));
                what.append("bit flip at ").append(at);
            }
            case 1 -> {
                int flips = 2 + random.nextInt(7);
                for (int k = 0; k < flips; k++) {
                    int at = random.nextInt(bytes.length);
                    bytes[at] = (byte) random.nextInt(256);
                    what.append("byte ").append(at).append(' ');
                }
            }
            case 2 -> {
                int at = 8 + random.nextInt(headerEnd - 8);
                bytes[at] = TOKENS[random.nextInt(TOKENS.length)];
                what.append("token at ").append(at);
            }
            case 3 -> {
                int at = random.nextInt(8);
                bytes[at] = (byte) random.nextInt(256);
                what.append("length byte ").append(at);
            }
            case 4 -> {
                // Remove or repeat one header byte and fix the length, so that the JSON itself is what is damaged.
                int at = 8 + random.nextInt(headerEnd - 8);
                boolean remove = random.nextBoolean();
                bytes = remove ? concat(Arrays.copyOfRange(bytes, 0, at), Arrays.copyOfRange(bytes, at + 1, bytes.length))
                        : concat(Arrays.copyOfRange(bytes, 0, at + 1), Arrays.copyOfRange(bytes, at, bytes.length));
                ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(headerEnd - 8 + (remove ? -1 : 1));
                what.append(remove ? "removed " : "repeated ").append(at);
            }
            default -> {
                // Rewrite one number of the header: a dimension or an offset becomes large, negative or fractional.
                String header = new String(bytes, 8, headerEnd - 8, StandardCharsets.UTF_8);
                List<Integer> digits = new ArrayList<>();
                for (int k = 0; k < header.length(); k++) {
                    if (Character.isDigit(header.charAt(k)) && !Character.isDigit(header.charAt(k - 1))) {
                        digits.add(k);
                    }
                }
                int at = digits.get(random.nextInt(digits.size()));
                String[] numbers = {"-1", "0", "4294967296", "9223372036854775807", "18446744073709551616",
                        "2147483647", "1.5", "1e3", "99999999999999999999999999999999"};
                String number = numbers[random.nextInt(numbers.length)];
                String changed = header.substring(0, at) + number + header.substring(at + 1);
                byte[] json = changed.getBytes(StandardCharsets.UTF_8);
                bytes = concat(HandMadeFiles.lengthPrefix(json.length), json, Arrays.copyOfRange(bytes, headerEnd, bytes.length));
                what.append("number ").append(number).append(" at ").append(at);
            }
        }
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        return HandMadeFiles.concat(parts);
    }

    /** How reading one damaged copy ended; {@code detail} names an unexpected exception. */
    private record Outcome(Kind kind, String detail) {
        enum Kind { READ, REFUSED, FAILED }
    }

    private Outcome read(byte[] bytes) {
        Path name = folder.resolve("damaged.safetensors");
        try (BytesChannel channel = new BytesChannel(bytes)) {
            SafetensorsReader.read(name, channel);
            return new Outcome(Outcome.Kind.READ, "");
        } catch (DataException e) {
            return new Outcome(Outcome.Kind.REFUSED, e.getMessage());
        } catch (Throwable t) {
            // Anything else, an Error included, is the failure this test looks for.
            return new Outcome(Outcome.Kind.FAILED, t.toString());
        }
    }
}
