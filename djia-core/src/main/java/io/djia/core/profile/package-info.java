/**
 * Style profiles: tempo, key, layer types, phases and rules of a musical style, read from JSON
 * (snake_case keys). Records are immutable; {@link io.djia.core.profile.ProfileLibrary} is thread-safe.
 */
package io.djia.core.profile;
