/**
 * The interfaces plugins implement ({@link org.djx.api.spi.Plugin} and its kinds) and what the
 * engine hands them ({@link org.djx.api.spi.Config}, {@link org.djx.api.spi.Kernels}).
 */
package org.djx.api.spi;
