/**
 * The core and its runtime: {@link io.slipway.stack.Stack} wires the layers and is driven
 * single-threaded by {@code poll(now)}; {@link io.slipway.stack.StackRunner} drives it in real
 * time on one thread; {@link io.slipway.stack.Simulation} drives several stacks in virtual time.
 * This package is the composition root: it may use every layer, and no layer may use it.
 */
package io.slipway.stack;
