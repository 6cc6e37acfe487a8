package io.djia.cli;

import io.djia.generate.models.DownloadListener;
import io.djia.generate.models.KnownModels;
import io.djia.generate.models.ModelCheckReport;
import io.djia.generate.models.ModelDownloader;
import io.djia.generate.models.ModelFile;
import io.djia.generate.models.ModelFolderChecker;
import io.djia.generate.models.ModelLayout;
import io.djia.generate.models.ModelOfflineException;
import io.djia.generate.models.ModelProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code djia models}: the neural model layouts DJ-IA knows, checks of model folders, and downloads. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = {
            "List the neural models DJ-IA can use, check a model folder, or download a published model.",
            "",
            "  djia models                                  list the known models and what is installed",
            "  djia models check DIR [--model musicgen-small]  check files, tensor names and shapes, checksums",
            "  djia models download musicgen-small          download into the models folder (needs network)",
            "",
            "Then render with: djia render --audio-model musicgen-small --model-dir DIR"
        })
public final class ModelsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--models-dir", paramLabel = "DIR",
            description = "Folder holding one sub-folder per model. Default: $" + KnownModels.MODELS_DIR_ENV + " or ~/.djia/models.")
    Path modelsDir;

    private Path modelsRoot() {
        return modelsDir != null ? modelsDir : KnownModels.defaultModelsRoot();
    }

    @Override
    public Integer call() {
        return list();
    }

    @Command(name = "list", description = "List the known models, whether each is in the models folder, and how to get it.")
    int list() {
        PrintWriter out = spec.commandLine().getOut();
        Path root = modelsRoot();
        out.printf("%-18s %-12s %s%n", "MODEL", "IN FOLDER", "DESCRIPTION");
        for (ModelLayout layout : KnownModels.all()) {
            out.printf("%-18s %-12s %s%n", layout.name(), folderStatus(root.resolve(layout.name()), layout), layout.description());
        }
        out.println();
        out.println("Models folder: " + root + " (set " + KnownModels.MODELS_DIR_ENV + " or --models-dir to change).");
        for (ModelLayout layout : KnownModels.all()) {
            out.println(layout.name() + ": " + (layout.supported() ? layout.howToGet() : "not supported: " + layout.unsupportedReason()));
        }
        out.println();
        out.println("Check a folder with `djia models check DIR --model NAME`; use it with "
                + "`djia render --audio-model NAME --model-dir DIR`.");
        out.flush();
        return 0;
    }

    private static String folderStatus(Path folder, ModelLayout layout) {
        if (!layout.supported()) {
            return "unsupported";
        }
        if (!Files.isDirectory(folder)) {
            return "-";
        }
        long missing = layout.requiredFiles().stream().filter(f -> f.locate(folder).isEmpty()).count();
        return missing == 0 ? "complete" : "missing " + missing;
    }

    @Command(name = "check", description = {
        "Check a model folder: every file present, every tensor name, type and shape as the generator needs,",
        "and the SHA-256 of each file when known (from the folder's SHA256SUMS). Exit code 1 when anything is wrong."})
    int check(@Parameters(paramLabel = "DIR", description = "The model folder.") Path folder,
              @Option(names = "--model", paramLabel = "NAME",
                      description = "Layout to check against (see `djia models`). Default: the folder's name when it is a "
                              + "known model, else musicgen (any size).") String model,
              @Option(names = "--no-checksums", description = "Skip hashing the files.") boolean noChecksums) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ModelLayout layout = KnownModels.require(model != null ? model
                : KnownModels.find(String.valueOf(folder.getFileName())).map(ModelLayout::name).orElse("musicgen"));
        out.println("Checking " + folder + " as " + layout.name() + " (" + layout.description() + ")");
        ModelCheckReport report = ModelFolderChecker.withOnnxRuntime().check(folder, layout, !noChecksums);
        for (ModelFile file : layout.files()) {
            Path found = report.files().get(file.path());
            out.printf("  %-32s %s%n", file.path(), found != null ? "found" : file.required() ? "MISSING" : "absent (optional)");
        }
        if (report.checksums() > 0) {
            out.println("  " + report.checksums() + " checksum(s) verified");
        }
        out.flush();
        if (report.ok()) {
            out.println("OK: use it with --audio-model " + layout.name() + " --model-dir " + folder);
            out.flush();
            return 0;
        }
        err.println(report.problems().size() + " problem(s):");
        for (ModelProblem problem : report.problems()) {
            err.println("  " + problem.describe());
        }
        if (layout.supported()) {
            err.println("How to get a good copy: " + layout.howToGet());
        }
        err.flush();
        return 1;
    }

    @Command(name = "download", description = {
        "Download a published model into the models folder, with a progress bar and a SHA-256 check of every file.",
        "Offline, it says so and lists the file URLs and where to put them."})
    int download(@Parameters(paramLabel = "NAME", description = "A model from `djia models`, e.g. musicgen-small.") String name,
                 @Option(names = "--hub-url", paramLabel = "URL",
                         description = "Model hub or mirror. Default: $" + ModelDownloader.HUB_ENV + " or https://huggingface.co.") URI hub,
                 @Option(names = {"-q", "--quiet"}, description = "No progress bar.") boolean quiet) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ModelLayout layout = KnownModels.require(name);
        Path folder = modelsRoot().resolve(layout.name());
        ModelDownloader downloader = hub != null ? new ModelDownloader(hub, Duration.ofSeconds(10)) : ModelDownloader.fromEnvironment();
        ProgressBar bar = ProgressBar.forStderr(quiet);
        DownloadListener listener = new DownloadListener() {
            @Override
            public void fileStarted(String path, int index, int count) {
                bar.finish();
                out.printf("[%d/%d] %s%n", index + 1, count, path);
                out.flush();
            }

            @Override
            public void bytes(String path, long done, long total) {
                bar.progress(path.substring(path.lastIndexOf('/') + 1), done, total);
            }

            @Override
            public void fileSkipped(String path) {
                out.println("      already present with the expected checksum");
                out.flush();
            }
        };
        try {
            downloader.download(layout, folder, listener);
        } catch (ModelOfflineException e) {
            bar.finish();
            err.println(e.getMessage());
            err.flush();
            return 1;
        }
        bar.finish();
        out.println("Downloaded " + layout.name() + " to " + folder + "; checking it...");
        out.flush();
        return check(folder, layout.name(), true);
    }
}
