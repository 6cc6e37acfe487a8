package io.djia.generate.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a model folder against a {@link ModelLayout}: the files are there, each graph declares the tensor
 * names, types and shapes the generator feeds and reads, the tokenizer is the kind we read, and files match
 * their checksums when those are known. Every problem is collected, so one run lists all that is missing.
 * Thread-safe.
 */
public final class ModelFolderChecker {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SignatureReader reader;

    public ModelFolderChecker(SignatureReader reader) {
        this.reader = reader;
    }

    /** A checker that reads graphs with ONNX Runtime. */
    public static ModelFolderChecker withOnnxRuntime() {
        return new ModelFolderChecker(new OrtSignatureReader());
    }

    /**
     * @param verifyChecksums whether to hash the files (seconds for a large model) when a checksum is known,
     *                        from the layout or from the folder's {@code SHA256SUMS}
     */
    public ModelCheckReport check(Path folder, ModelLayout layout, boolean verifyChecksums) {
        List<ModelProblem> problems = new ArrayList<>();
        Map<String, Path> found = new LinkedHashMap<>();
        if (!layout.supported()) {
            problems.add(new ModelProblem("", "", layout.name() + " is not supported: " + layout.unsupportedReason()));
            return new ModelCheckReport(folder, layout, found, problems, 0);
        }
        if (folder == null || !Files.isDirectory(folder)) {
            problems.add(new ModelProblem("", "", "folder " + folder + " does not exist; " + layout.howToGet()));
            return new ModelCheckReport(folder, layout, found, problems, 0);
        }
        for (ModelFile file : layout.files()) {
            Optional<Path> path = file.locate(folder);
            if (path.isPresent()) {
                found.put(file.path(), path.get());
            } else if (file.required()) {
                problems.add(new ModelProblem(file.fileName(), "", "is missing: expected at " + folder.resolve(file.path())
                        + " or " + folder.resolve(file.fileName())));
            }
        }
        int verified = verifyChecksums ? verifyChecksums(folder, layout, found, problems) : 0;
        if (layout.musicGenDims() != null) {
            checkMusicGen(layout, found, problems);
        }
        return new ModelCheckReport(folder, layout, found, problems, verified);
    }

    private int verifyChecksums(Path folder, ModelLayout layout, Map<String, Path> found, List<ModelProblem> problems) {
        Map<String, String> sums;
        try {
            sums = Checksums.read(folder);
        } catch (IOException e) {
            problems.add(new ModelProblem(Checksums.FILE_NAME, "", "cannot be read: " + e.getMessage()));
            return 0;
        }
        int verified = 0;
        for (ModelFile file : layout.files()) {
            Path path = found.get(file.path());
            if (path == null) {
                continue;
            }
            String expected = !file.sha256().isEmpty() ? file.sha256()
                    : sums.getOrDefault(file.path(), sums.getOrDefault(file.fileName(), ""));
            if (expected.isEmpty()) {
                continue;
            }
            try {
                String actual = Checksums.sha256(path);
                verified++;
                if (!actual.equals(expected)) {
                    problems.add(new ModelProblem(file.fileName(), "", "has SHA-256 " + actual + ", expected " + expected
                            + ": the file is damaged or a different version; download it again"));
                }
            } catch (IOException e) {
                problems.add(new ModelProblem(file.fileName(), "", "cannot be read: " + e.getMessage()));
            }
        }
        return verified;
    }

    private void checkMusicGen(ModelLayout layout, Map<String, Path> found, List<ModelProblem> problems) {
        Map<String, GraphSignature> signatures = new LinkedHashMap<>();
        for (String name : List.of(MusicGenExport.TEXT_ENCODER, MusicGenExport.DECODER, MusicGenExport.ENCODEC)) {
            Path path = found.get("onnx/" + name);
            if (path == null) {
                continue;
            }
            try {
                signatures.put(name, reader.read(path));
            } catch (IOException e) {
                problems.add(new ModelProblem(name, "", "cannot be read as an ONNX model: " + e.getMessage()));
            }
        }
        Path tokenizer = found.get(MusicGenExport.TOKENIZER);
        if (tokenizer != null) {
            checkTokenizer(tokenizer, problems);
        }
        MusicGenDims dims = MusicGenExport.resolve(layout.musicGenDims(), signatures);
        if (!dims.isResolved()) {
            if (signatures.containsKey(MusicGenExport.DECODER) || signatures.containsKey(MusicGenExport.TEXT_ENCODER)) {
                problems.add(new ModelProblem(MusicGenExport.DECODER, "", "does not show the model's sizes (text width "
                        + size(dims.textHiddenSize()) + ", layers " + size(dims.decoderLayers()) + ", heads "
                        + size(dims.attentionHeads()) + ", head width " + size(dims.headDim())
                        + "); expected inputs past_key_values.N.decoder.key shaped [batch, heads, length, head width]"));
            }
            return;
        }
        problems.addAll(compareAll(MusicGenExport.graphSpecs(dims), signatures));
    }

    private static String size(int v) {
        return v == MusicGenDims.UNKNOWN ? "unknown" : Integer.toString(v);
    }

    private static void checkTokenizer(Path file, List<ModelProblem> problems) {
        try {
            JsonNode model = JSON.readTree(file.toFile()).path("model");
            String type = model.path("type").asText("");
            if (!type.equals("Unigram")) {
                problems.add(new ModelProblem(file.getFileName().toString(), "", "has model type \""
                        + (type.isEmpty() ? "none" : type) + "\", expected \"Unigram\" (the T5 SentencePiece tokenizer)"));
            } else if (!model.path("vocab").isArray() || model.path("vocab").isEmpty()) {
                problems.add(new ModelProblem(file.getFileName().toString(), "", "has no Unigram vocabulary (model.vocab)"));
            }
        } catch (IOException e) {
            problems.add(new ModelProblem(file.getFileName().toString(), "", "is not valid JSON: " + e.getMessage()));
        }
    }

    /** The problems of every spec whose file has a signature; files without one are left to the missing-file check. */
    public static List<ModelProblem> compareAll(List<GraphSpec> specs, Map<String, GraphSignature> signatures) {
        List<ModelProblem> problems = new ArrayList<>();
        for (GraphSpec spec : specs) {
            GraphSignature actual = signatures.get(spec.fileName());
            if (actual != null) {
                problems.addAll(compare(spec, actual));
            }
        }
        return problems;
    }

    /**
     * What {@code actual} lacks or declares differently from {@code spec}: missing inputs and outputs, wrong
     * types, ranks or fixed dimensions, and inputs the spec does not know (the runtime would demand them).
     */
    public static List<ModelProblem> compare(GraphSpec spec, GraphSignature actual) {
        List<ModelProblem> problems = new ArrayList<>();
        String file = spec.fileName();
        for (TensorSpec expected : spec.inputs()) {
            TensorSignature got = actual.inputs().get(expected.name());
            if (got == null) {
                problems.add(new ModelProblem(file, expected.name(), "is missing from the inputs; expected " + expected.describe()));
            } else {
                mismatch(file, "input", expected, got).ifPresent(problems::add);
            }
        }
        for (String name : actual.inputs().keySet()) {
            if (spec.inputs().stream().noneMatch(t -> t.name().equals(name))) {
                problems.add(new ModelProblem(file, name, "is an input this export layout does not have ("
                        + actual.inputs().get(name).describe() + "); the generator would not feed it"));
            }
        }
        for (TensorSpec expected : spec.outputs()) {
            TensorSignature got = actual.outputs().get(expected.name());
            if (got == null) {
                problems.add(new ModelProblem(file, expected.name(), "is missing from the outputs; expected " + expected.describe()));
            } else {
                mismatch(file, "output", expected, got).ifPresent(problems::add);
            }
        }
        return problems;
    }

    private static Optional<ModelProblem> mismatch(String file, String role, TensorSpec expected, TensorSignature got) {
        if (got.type() != expected.type()) {
            return Optional.of(new ModelProblem(file, expected.name(), "(" + role + ") has type " + got.type().onnxName()
                    + ", expected " + expected.type().onnxName()));
        }
        boolean shapeOk = got.rank() == expected.rank();
        long[] want = expected.dims();
        for (int i = 0; shapeOk && i < want.length; i++) {
            shapeOk = want[i] == TensorSpec.ANY || got.dim(i) < 0 || got.dim(i) == want[i];
        }
        if (!shapeOk) {
            return Optional.of(new ModelProblem(file, expected.name(), "(" + role + ") has shape " + got.describe()
                    + ", expected " + expected.describe()));
        }
        return Optional.empty();
    }
}
