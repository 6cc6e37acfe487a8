/**
 * MusicGen through ONNX Runtime: {@link io.djia.generate.musicgen.MusicGenOnnxGenerator} and its plain-Java
 * parts (prompt, T5 Unigram tokenizer, delay pattern, guidance and top-k sampler, cache hand-over), with ONNX
 * Runtime types only in the three graph adapters. Audio is float, 32 kHz mono inside, the request's rate and
 * stereo outside. The generator serialises generations; the plain-Java parts are immutable or per-thread.
 */
package io.djia.generate.musicgen;
