package io.djia.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code djia} command: a set of subcommands, each a thin layer over a library call. */
@Command(name = "djia",
        mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.class,
        description = {
            "DJ-IA: an AI DJ. It plans a set, generates loops, separates stems, stretches them onto the bar grid",
            "and mixes them with effects, offline to a WAV file or live in sync with a DAW's MIDI clock.",
            "",
            "The embedded defaults need no model files: a procedural synthesiser makes the loops and a rule-based",
            "planner makes the decisions. Neural engines (MusicGen via ONNX Runtime, a GGUF LLM via llama.cpp)",
            "are used when you point DJ-IA at their files."
        },
        subcommands = {
            RenderCommand.class,
            GenerateCommand.class,
            ProfilesCommand.class,
            AnalyzeCommand.class,
            SeparateCommand.class,
            StretchCommand.class,
            ModelsCommand.class,
            ServeCommand.class,
            LiveCommand.class,
            MidiCommand.class,
            CommandLine.HelpCommand.class
        })
public final class DjiaCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
