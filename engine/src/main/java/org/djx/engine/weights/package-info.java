/**
 * Weights in the safetensors format, the one PyTorch users exchange them in: a strict reader, and a writer
 * that never leaves a half-written file under the final name.
 */
package org.djx.engine.weights;
