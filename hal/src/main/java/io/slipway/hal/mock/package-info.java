/**
 * A scripted {@link io.slipway.hal.LanAdapter} for unit tests of the layers above: frames to
 * receive are queued by the test, frames transmitted are recorded for assertions. In main sources
 * so that every module's tests can use it; it allocates, so it never runs in production.
 */
package io.slipway.hal.mock;
