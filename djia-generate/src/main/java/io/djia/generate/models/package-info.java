/**
 * Neural model folders: the known layouts (file names, tensor names, types and shapes), a checker that says in
 * plain words what is missing or mismatched, SHA-256 checksums, and a downloader for the public files. Only
 * {@link io.djia.generate.models.OrtSignatureReader} touches ONNX Runtime. Immutable records; the checker and
 * the downloader keep no state between calls and are thread-safe.
 */
package io.djia.generate.models;
