package org.djx.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.djx.api.DataException;
import org.djx.engine.data.CacheCheck;
import org.djx.engine.data.DataHub;
import org.djx.engine.data.Extracted;
import org.djx.engine.data.Fetched;
import org.djx.engine.data.HubEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine;

/** {@code djx data list|fetch}: the data-hub files that dataset plugins use, and their cached copies. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Lists the data-hub files that dataset plugins and experiments use, and downloads them ahead of time.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {DataCommand.ListFiles.class, DataCommand.FetchFiles.class})
final class DataCommand implements Runnable {
    @ParentCommand
    private Main main;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Returns the hub of the installed plugins, with the files that {@code experiment} declares when one is named. */
    DataHub hub(Path experiment) {
        DataHub hub = main.dataHub();
        if (experiment == null) {
            return hub;
        }
        // An invalid file is a user error like any other: its problems are reported and nothing is fetched.
        return hub.withFiles(main.reader().read(experiment).dataFiles(), "the data-hub section of " + experiment);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    void printProblems(DataHub hub) {
        if (!hub.problems().isEmpty()) {
            err().println();
            err().println(hub.problems().size() + " data-hub problem" + (hub.problems().size() == 1 ? "" : "s")
                    + " (the files above are unaffected):");
            for (String p : hub.problems()) {
                err().println("  " + p);
            }
        }
    }

    /** {@code djx data list}: every hub file and the state of its cached copy. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists every data-hub file: name, file name, whether its cached copy is verified, "
                    + "missing or corrupt (and for an archive, whether it is extracted), and the URL it comes from. "
                    + "Reads the cache, never the network.")
    static final class ListFiles implements Callable<Integer> {
        @ParentCommand
        private DataCommand data;

        @Option(names = {"-e", "--experiment"}, paramLabel = "FILE",
                description = "Also list the files this experiment declares in its data-hub section.")
        private Path experiment;

        @Override
        public Integer call() {
            DataHub hub = data.hub(experiment);
            PrintWriter out = data.out();
            List<HubEntry> entries = hub.entries();
            List<CacheCheck> bad = new ArrayList<>();
            if (entries.isEmpty()) {
                out.println("No data-hub files: no installed dataset plugin declares any.");
            } else {
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {"NAME", "FILE", "STATUS", "URL"});
                for (HubEntry e : entries) {
                    CacheCheck check = hub.check(e.file().name());
                    if (check.status() == CacheCheck.Status.CORRUPT || check.status() == CacheCheck.Status.UNREADABLE) {
                        bad.add(check);
                    }
                    String status = label(check.status());
                    if (e.file().isArchive()) {
                        status += hub.isExtracted(e.file().name()) ? ", extracted" : ", not extracted";
                    }
                    rows.add(new String[] {e.file().name(), e.file().fileName(), status,
                            e.file().isDownloadable() ? e.file().url().toString() : "(no URL: put the file in the cache folder)"});
                }
                Table.print(out, rows);
            }
            out.println();
            out.println("Cache folder: " + hub.cache().describe());
            for (CacheCheck c : bad) {
                data.err().println(c.entry().file().name() + ": " + c.path() + (c.status() == CacheCheck.Status.CORRUPT
                        ? " has SHA-1 " + c.actualSha1() + ", expected " + c.entry().file().sha1()
                        : " " + c.problem()) + "; djx will not use it: delete it or replace it with the right file");
            }
            data.printProblems(hub);
            return 0;
        }

        private static String label(CacheCheck.Status status) {
            switch (status) {
                case VERIFIED:
                    return "verified";
                case MISSING:
                    return "missing";
                case CORRUPT:
                    return "CORRUPT";
                default:
                    return "UNREADABLE";
            }
        }
    }

    /** {@code djx data fetch NAME... | --all}: downloads hub files into the cache ahead of time. */
    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = "Downloads data-hub files into the cache folder and verifies their SHA-1, so that later "
                    + "runs work offline; archives (.zip, .tar.gz, .tgz, .tar) are then extracted beside their copy. "
                    + "Files already cached and verified are not downloaded again, archives not extracted again.")
    static final class FetchFiles implements Callable<Integer> {
        @ParentCommand
        private DataCommand data;

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "NAME", arity = "0..*", description = "Hub names, as 'djx data list' shows them.")
        private List<String> names = new ArrayList<>();

        @Option(names = "--all", description = "Fetch every file the installed dataset plugins (and the experiment, if named) declare.")
        private boolean all;

        @Option(names = {"-e", "--experiment"}, paramLabel = "FILE",
                description = "Also know the files this experiment declares in its data-hub section.")
        private Path experiment;

        @Override
        public Integer call() {
            if (all == !names.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        all ? "give either hub names or --all, not both" : "give the hub names to fetch, or --all");
            }
            DataHub hub = data.hub(experiment);
            List<String> wanted = new ArrayList<>();
            if (all) {
                hub.entries().forEach(e -> wanted.add(e.file().name()));
                if (wanted.isEmpty()) {
                    data.out().println("No data-hub files: no installed dataset plugin declares any.");
                }
            } else {
                // Every name is checked before the first download starts.
                for (String name : names) {
                    hub.entry(name);
                    if (!wanted.contains(name)) {
                        wanted.add(name);
                    }
                }
            }
            int failed = 0;
            for (String name : wanted) {
                try {
                    if (hub.entry(name).file().isArchive()) {
                        Extracted x = hub.retrieveExtracted(name);
                        data.out().println(name + ": " + fetched(x.archive()) + "; " + (x.extracted() ? "extracted into " : "already extracted in ")
                                + x.folder());
                    } else {
                        data.out().println(name + ": " + fetched(hub.retrieve(name)));
                    }
                } catch (DataException e) {
                    data.err().println(e.getMessage());
                    failed++;
                }
            }
            if (failed > 0) {
                data.err().println(failed + " of " + wanted.size() + " data-hub file" + (wanted.size() == 1 ? "" : "s")
                        + " could not be fetched; cache folder: " + hub.cache().describe());
                return Main.USER_ERROR;
            }
            return 0;
        }

        private static String fetched(Fetched f) {
            return (f.downloaded() ? "downloaded and verified, " : "already cached and verified, ") + f.path();
        }
    }
}
