package io.djia.generate.models;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** A model folder that cannot be used: the message names every missing or mismatched file and tensor. */
public final class ModelFolderException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient List<ModelProblem> problems;

    public ModelFolderException(Path folder, String layoutName, List<ModelProblem> problems) {
        super("model folder " + folder + " is not a usable " + layoutName + " export:\n  "
                + problems.stream().map(ModelProblem::describe).collect(Collectors.joining("\n  "))
                + "\nRun `djia models check " + folder + "` for details, or `djia models` for where to get the files.");
        this.problems = List.copyOf(problems);
    }

    public List<ModelProblem> problems() {
        return problems;
    }
}
