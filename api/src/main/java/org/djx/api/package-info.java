/**
 * Value types that plugins and the engine exchange: tensors, shapes, parameters, and exceptions.
 */
package org.djx.api;
