/**
 * DJ brains: the {@link io.djia.generate.brain.Decision} records they return, the state they see, the embedded
 * {@link io.djia.generate.brain.RuleBrain}, and the decision JSON with its validator. Records are immutable and
 * JSON-serialisable (snake_case); brains are used from one thread; bars are 0-based, times in seconds.
 */
package io.djia.generate.brain;
