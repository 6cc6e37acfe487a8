/**
 * {@code djia serve}: loop generation behind a REST API under {@code /api/v1} ({@link io.djia.app.serve.LoopServer}),
 * and the client a remote live set uses ({@link io.djia.app.serve.RemoteGeneratorClient}). Audio is 44.1 kHz stereo,
 * exactly the requested bars long; times are seconds unless a name says otherwise. Server and client are thread-safe.
 */
package io.djia.app.serve;
