package io.djia.generate.models;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The result of checking a model folder against a layout.
 *
 * @param folder     the folder checked
 * @param layout     the layout it was checked against
 * @param files      the files found, by their layout path
 * @param problems   what is wrong; empty when the folder is usable
 * @param checksums  how many files had a known checksum that was verified
 */
public record ModelCheckReport(Path folder, ModelLayout layout, Map<String, Path> files, List<ModelProblem> problems,
                               int checksums) {
    public ModelCheckReport {
        files = Map.copyOf(files);
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** Every problem on its own line, or "ok". */
    public String describeProblems() {
        if (problems.isEmpty()) {
            return "ok";
        }
        return problems.stream().map(ModelProblem::describe).collect(Collectors.joining("\n"));
    }

    /** @throws ModelFolderException listing every problem, when there is any */
    public ModelCheckReport orThrow() {
        if (!ok()) {
            throw new ModelFolderException(folder, layout.name(), problems);
        }
        return this;
    }
}
