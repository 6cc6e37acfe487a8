package io.djia.cli;

import picocli.CommandLine;

/** Version strings for {@code --version} and for what renders record about themselves. */
public final class VersionInfo implements CommandLine.IVersionProvider {
    /** The project version from the jar manifest, or "dev" when run from classes. */
    public static String version() {
        String v = VersionInfo.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "DJ-IA " + version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
