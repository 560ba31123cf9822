/**
 * Raw tabular data as dataset sources load it, before the engine preprocesses it into tensors.
 */
package org.djx.api.data;
