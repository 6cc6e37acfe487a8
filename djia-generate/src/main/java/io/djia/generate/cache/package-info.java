/**
 * A disk cache of generated clips keyed by what determines them (prompt, seed, model and its settings,
 * length), so a set rendered again or a loop asked for twice costs no model time. Files are float WAVs written
 * atomically; the cache is safe to share between threads and processes.
 */
package io.djia.generate.cache;
