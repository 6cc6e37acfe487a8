/**
 * Music theory: keys (parsing, scales, Camelot codes) and tempo with drift-free frame arithmetic.
 * All types are immutable and thread-safe.
 */
package io.djia.core.theory;
