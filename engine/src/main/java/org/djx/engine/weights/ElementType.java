package org.djx.engine.weights;

import java.nio.ByteBuffer;
import org.djx.api.DType;

/** The safetensors element types djx reads and writes, by their name in the header. */
enum ElementType {
    F32(DType.FLOAT32),
    F64(DType.FLOAT64);

    private final DType dtype;

    ElementType(DType dtype) {
        this.dtype = dtype;
    }

    /** Returns the type named {@code name} in a header, or null if djx does not read it. */
    static ElementType named(String name) {
        for (ElementType type : values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        return null;
    }

    static ElementType of(DType dtype) {
        // No default: a new DType fails to compile here until the format's name for it is chosen.
        return switch (dtype) {
            case FLOAT32 -> F32;
            case FLOAT64 -> F64;
        };
    }

    DType dtype() {
        return dtype;
    }

    int bytes() {
        return dtype.bytes();
    }

    /** Reads one element from a little-endian buffer, widened exactly to a double. */
    double get(ByteBuffer buffer) {
        return this == F32 ? buffer.getFloat() : buffer.getDouble();
    }

    /** Puts one element into a little-endian buffer; a F32 value is a float already, so the cast is exact. */
    void put(ByteBuffer buffer, double value) {
        if (this == F32) {
            buffer.putFloat((float) value);
        } else {
            buffer.putDouble(value);
        }
    }
}
