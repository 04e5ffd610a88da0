package org.autocollections.ruleset;

import org.autocollections.api.RulesetProblem;
import org.autocollections.tables.Hashes;
import org.autocollections.tables.PolicyFile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.autocollections.tables.CellLocator;
import org.autocollections.tables.QuotedExpression;
import org.autocollections.tables.TableTranslator;
import org.autocollections.tables.TranslatedSheet;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.KieModule;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles rule files and decision tables into a {@link Ruleset} at runtime with the classic KIE API, so an edited
 * table needs no rebuild of the service. Tables are translated to DRL here rather than by the KIE builder, which is
 * what lets errors and fired rules be reported against the sheet, row and column.
 */
public final class RulesetCompiler {

    private static final String RESOURCES = "src/main/resources/";
    private static final Pattern PACKAGE = Pattern.compile("^[ \\t]*package\\s+([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern RULE = Pattern.compile("^[ \\t]*rule\\s+(?:\"([^\"]+)\"|'([^']+)'|(\\S+))", Pattern.MULTILINE);
    private static final String NULL_PACKAGE = "Parser returned a null Package";
    private static final AtomicLong BUILDS = new AtomicLong();

    /** Loading a KIE module goes through the one KIE repository of the JVM; one load at a time keeps ids apart. */
    private static final Object LOADING = new Object();
    private static final RulesetCache NO_CACHE = new RulesetCache(Path.of("."), 0);

    private final RuleModel model;
    private final ClassLoader factClassLoader;
    private final TableTranslator translator = new TableTranslator();
    private final RulesetCache cache;

    public RulesetCompiler(RuleModel model) {
        this(model, NO_CACHE);
    }

    /**
     * A compiler that loads a version compiled before from the cache instead of compiling it, and keeps what it
     * compiles there. Only the executable model is cached: its module holds the generated, compiled classes, while a
     * classic module holds the rule sources and would be compiled again when loaded.
     */
    public RulesetCompiler(RuleModel model, RulesetCache cache) {
        this.model = model;
        // Facts live in the application's class loader; Drools must see them there in tests, dev mode and the jar.
        this.factClassLoader = org.autocollections.policy.CaseFacts.class.getClassLoader();
        this.cache = cache;
    }

    public Ruleset compile(String origin, List<PolicyFile> files, Instant loadedAt) throws RulesetCompilationException {
        long started = System.nanoTime();
        List<PolicyFile> sorted = files.stream().sorted(Comparator.comparing(PolicyFile::path)).toList();
        if (sorted.isEmpty()) {
            throw new RulesetCompilationException(List.of(RulesetProblem.inFile("(ruleset)", "contains no rule or table files")));
        }
        String digest = digest(sorted);
        List<RulesetProblem> wordingProblems = new ArrayList<>();
        Wording wording = Wording.of(sorted, wordingProblems);
        if (wording == null) {
            throw new RulesetCompilationException(wordingProblems);
        }
        Optional<RulesetCache.Key> key = cacheKey(digest);
        if (key.isPresent()) {
            Optional<Ruleset> kept = load(key.get(), origin, sorted, loadedAt, started, wording);
            if (kept.isPresent()) {
                return kept.get();
            }
        }
        KieServices kie = KieServices.get();
        // The process id keeps this module's id apart from those of modules compiled by other processes and loaded here.
        ReleaseId releaseId = kie.newReleaseId("org.autocollections.policy", "ruleset",
                "1.0." + BUILDS.incrementAndGet() + "-p" + ProcessHandle.current().pid());
        KieFileSystem kfs = kie.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);

        LinkedHashSet<RulesetProblem> problems = new LinkedHashSet<>();
        Map<String, TranslatedSheet> sheetsByPath = new HashMap<>();
        Map<String, String> sources = new HashMap<>();
        for (PolicyFile file : sorted) {
            if (file.isTable()) {
                TableTranslator.Result result = translator.translate(file);
                problems.addAll(result.problems());
                for (TranslatedSheet sheet : result.sheets()) {
                    String path = RESOURCES + file.path() + "." + sheet.sheet().replaceAll("[^\\w-]", "_") + ".drl";
                    sheetsByPath.put(path, sheet);
                    kfs.write(path, sheet.drl());
                    String pkg = packageOf(sheet.drl());
                    sheet.rules().forEach(r -> sources.put(Ruleset.key(pkg, r.name()), sheet.source(r.row())));
                }
            } else if (Wording.isWordingFile(file.path())) {
                continue; // read above: it words the conclusions, it decides nothing
            } else if (file.isDrl()) {
                kfs.write(RESOURCES + file.path(), kie.getResources().newByteArrayResource(file.content()));
                indexDrl(file, sources);
            } else {
                problems.add(RulesetProblem.inFile(file.path(),
                        "is neither a rule file (*.drl), a decision table (*.drl.xlsx, *.drl.xls, *.drl.csv) nor the "
                                + "wording (" + Wording.FILE + ")"));
            }
        }
        if (hasErrors(problems)) {
            throw new RulesetCompilationException(new ArrayList<>(problems));
        }

        KieBuilder builder = kie.newKieBuilder(kfs, factClassLoader);
        try {
            if (model == RuleModel.EXECUTABLE) {
                builder.buildAll(ExecutableModelProject.class);
            } else {
                builder.buildAll();
            }
        } catch (RuntimeException e) {
            problems.add(RulesetProblem.inFile("(ruleset)", "failed to build: " + e.getMessage()));
            throw new RulesetCompilationException(new ArrayList<>(problems));
        }
        List<Message> messages = builder.getResults().getMessages(Message.Level.ERROR, Message.Level.WARNING);
        Map<TranslatedSheet, List<RulesetProblem>> tableProblems = new java.util.LinkedHashMap<>();
        for (Message message : messages) {
            if (message.getText().contains(NULL_PACKAGE) && messages.size() > 1) {
                continue; // Drools' echo of a parse error already reported with its line
            }
            TranslatedSheet sheet = sheetOf(message, sheetsByPath);
            RulesetProblem problem = sheet != null
                    ? CellLocator.locate(sheet, QuotedExpression.lineOf(sheet.drl(), message.getLine(), message.getText()),
                            message.getColumn(), message.getText())
                    : locate(message, sorted);
            problem = message.getLevel() == Message.Level.ERROR ? problem : problem.asWarning();
            if (sheet != null) {
                tableProblems.computeIfAbsent(sheet, s -> new ArrayList<>()).add(problem);
            } else {
                problems.add(problem);
            }
        }
        tableProblems.forEach((sheet, found) -> problems.addAll(CellLocator.collapseColumnFaults(sheet, found)));
        if (hasErrors(problems)) {
            kie.getRepository().removeKieModule(releaseId);
            throw new RulesetCompilationException(new ArrayList<>(problems));
        }
        KieContainer container = kie.newKieContainer(releaseId, factClassLoader);
        KieBase kieBase = container.getKieBase();
        // The container is only a way to the KieBase; dropping the module keeps reloads from piling up in memory.
        kie.getRepository().removeKieModule(releaseId);
        List<RulesetProblem> warnings = new ArrayList<>(problems);
        key.ifPresent(k -> cache.write(k, new RulesetCache.Entry(((InternalKieModule) builder.getKieModule()).getBytes(),
                sources, warnings)));
        return new Ruleset(origin, sorted, digest, entries(sorted), loadedAt, kieBase, sources, warnings, millisSince(started),
                false, wording);
    }

    private Optional<RulesetCache.Key> cacheKey(String digest) {
        if (model != RuleModel.EXECUTABLE || !cache.enabled()) {
            return Optional.empty();
        }
        return BuildFingerprint.current().map(build -> new RulesetCache.Key(digest, model, build));
    }

    /** The version compiled before, built from its kept module without compiling; none if not kept or unusable. */
    private Optional<Ruleset> load(RulesetCache.Key key, String origin, List<PolicyFile> sorted, Instant loadedAt, long started,
            Wording wording) {
        Optional<RulesetCache.Entry> entry = cache.read(key);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        KieBase kieBase;
        try {
            kieBase = kieBaseOf(entry.get().kjar());
        } catch (RuntimeException e) {
            cache.discard(key, "its compiled rules do not load: " + e);
            return Optional.empty();
        }
        return Optional.of(new Ruleset(origin, sorted, key.digest(), entries(sorted), loadedAt, kieBase,
                entry.get().sources(), entry.get().warnings(), millisSince(started), true, wording));
    }

    private KieBase kieBaseOf(byte[] kjar) {
        KieServices kie = KieServices.get();
        synchronized (LOADING) {
            KieModule module = kie.getRepository().addKieModule(kie.getResources().newByteArrayResource(kjar));
            try {
                return kie.newKieContainer(module.getReleaseId(), factClassLoader).getKieBase();
            } finally {
                kie.getRepository().removeKieModule(module.getReleaseId());
            }
        }
    }

    private static List<Ruleset.FileEntry> entries(List<PolicyFile> sorted) {
        return sorted.stream().map(f -> new Ruleset.FileEntry(f.path(), f.sha256(), f.content().length)).toList();
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static boolean hasErrors(java.util.Collection<RulesetProblem> problems) {
        return problems.stream().anyMatch(p -> p.severity() == RulesetProblem.Severity.ERROR);
    }

    private static TranslatedSheet sheetOf(Message message, Map<String, TranslatedSheet> sheets) {
        String path = message.getPath();
        if (path == null || path.isEmpty()) {
            return null;
        }
        return sheets.entrySet().stream().filter(e -> e.getKey().endsWith(path)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    private static RulesetProblem locate(Message message, List<PolicyFile> files) {
        String path = message.getPath() == null ? "" : message.getPath();
        for (PolicyFile file : files) {
            if (!path.isEmpty() && (RESOURCES + file.path()).endsWith(path)) {
                int line = QuotedExpression.lineOf(file.text(), message.getLine(), message.getText());
                return RulesetProblem.atLine(file.path(), line, message.getText().strip());
            }
        }
        return RulesetProblem.inFile(path.isEmpty() ? "(ruleset)" : path, message.getText().strip());
    }

    private static void indexDrl(PolicyFile file, Map<String, String> sources) {
        String text = file.text();
        String pkg = packageOf(text);
        Matcher rule = RULE.matcher(text);
        while (rule.find()) {
            String name = rule.group(1) != null ? rule.group(1) : rule.group(2) != null ? rule.group(2) : rule.group(3);
            int line = 1 + (int) text.substring(0, rule.start()).chars().filter(c -> c == '\n').count();
            sources.put(Ruleset.key(pkg, name), file.path() + "#L" + line);
        }
    }

    private static String packageOf(String drl) {
        Matcher m = PACKAGE.matcher(drl);
        return m.find() ? m.group(1) : "defaultpkg";
    }

    /** The version files would compile to, without compiling them: a hash of their paths and contents. */
    public static String versionOf(List<PolicyFile> files) {
        return digest(files.stream().sorted(Comparator.comparing(PolicyFile::path)).toList()).substring(0, 16);
    }

    private static String digest(List<PolicyFile> sorted) {
        MessageDigest digest = Hashes.digest();
        for (PolicyFile file : sorted) {
            digest.update(file.path().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(Hashes.sha256(file.content()));
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
