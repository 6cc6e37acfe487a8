/**
 * DJ brains: the {@link io.djia.generate.brain.Decision} records they return and the state they see.
 * Records are immutable and JSON-serialisable (snake_case); brains are used from one thread.
 */
package io.djia.generate.brain;
