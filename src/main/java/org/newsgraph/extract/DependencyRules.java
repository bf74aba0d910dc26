package org.newsgraph.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.semgrex.SemgrexMatcher;
import edu.stanford.nlp.semgraph.semgrex.SemgrexPattern;
import org.newsgraph.nlp.Sentence;
import org.newsgraph.rdf.BundledFolder;

/**
 * The extraction rules of rules/*.rules, compiled against the lexicon. A rule file is a list of blocks:
 * <pre>
 * [verb-subject]
 * pattern: {tag:/VB.* /;lemma:$VERB}=trigger >/nsubj|nsubj:xsubj/ {}=actor
 * confidence: 0.85
 * actions: RECOGNIZE SEVER_RELATIONS     (optional: the actions it reads; all when absent)
 * except: cooperation                    (optional: trigger lemmas it does not read)
 * example: Armenia recognised Palestine on Friday.
 * expect: RECOGNIZE Armenia -> Palestine
 * </pre>
 * Lines starting with # are comments. Thread-safe once built.
 */
public final class DependencyRules {

    /** What one rule found in one sentence: token indices (from 0) of the trigger and of each role it named. */
    public record RuleMatch(DependencyRule rule, int trigger, Map<String, Integer> roles) {
        public Integer role(String name) {
            return roles.get(name);
        }
    }

    private record Compiled(DependencyRule rule, SemgrexPattern pattern) {
    }

    private final List<Compiled> rules;

    private DependencyRules(List<Compiled> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The rules bundled in the jar (rules/ of the source tree). */
    public static DependencyRules bundled(ActionLexicon lexicon) {
        return fromFolder(BundledFolder.of("/rules/events.rules"), lexicon);
    }

    /** The rules of a folder's *.rules files. */
    public static DependencyRules fromFolder(Path folder, ActionLexicon lexicon) {
        try (Stream<Path> files = Files.list(folder)) {
            List<DependencyRule> all = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".rules")).sorted().toList()) {
                all.addAll(parse(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8)));
            }
            return compile(all, lexicon);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the rules in " + folder, e);
        }
    }

    /** Changes whenever a rule does, so that a build reads again the articles the old rules read. */
    public String fingerprint() {
        return org.newsgraph.rdf.Iris.hash(rules.stream().map(c -> c.rule().name() + "\u0000" + c.rule().pattern()
                + "\u0000" + c.rule().confidence()).collect(Collectors.joining("\u0001")));
    }

    public List<DependencyRule> rules() {
        return rules.stream().map(Compiled::rule).toList();
    }

    /** Parses one rule file; a malformed block is an error naming the file and the rule. */
    static List<DependencyRule> parse(String file, String text) {
        List<DependencyRule> out = new ArrayList<>();
        String name = null;
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>(text.lines().toList());
        lines.add("[]");
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                if (name != null) {
                    out.add(rule(file, name, fields));
                }
                name = line.substring(1, line.length() - 1).strip();
                fields = new LinkedHashMap<>();
                continue;
            }
            int colon = line.indexOf(':');
            if (name == null || colon < 0) {
                throw new IllegalArgumentException(file + ": not a rule line: " + line);
            }
            fields.merge(line.substring(0, colon).strip(), line.substring(colon + 1).strip(), (a, b) -> a + " " + b);
        }
        return out;
    }

    private static DependencyRule rule(String file, String name, Map<String, String> f) {
        for (String required : List.of("pattern", "confidence", "example", "expect")) {
            if (!f.containsKey(required)) {
                throw new IllegalArgumentException(file + ": rule [" + name + "] has no " + required);
            }
        }
        List<String> actions = f.containsKey("actions") ? List.of(f.get("actions").strip().split("\\s+")) : List.of();
        List<String> except = f.containsKey("except") ? List.of(f.get("except").strip().toLowerCase(java.util.Locale.ROOT).split("\\s+")) : List.of();
        return new DependencyRule(name, f.get("pattern"), actions, except, Double.parseDouble(f.get("confidence")),
                f.get("example"), f.get("expect"), file);
    }

    static DependencyRules compile(List<DependencyRule> rules, ActionLexicon lexicon) {
        String verbs = alternation(lexicon, false);
        String nouns = alternation(lexicon, true);
        String support = "/(?i:" + String.join("|", new TreeSet<>(lexicon.supportVerbs())) + ")/";
        List<Compiled> out = new ArrayList<>();
        for (DependencyRule r : rules) {
            String p = r.pattern().replace("$VERB", verbs).replace("$NOUN", nouns).replace("$SUPPORT", support);
            try {
                out.add(new Compiled(r, SemgrexPattern.compile(p)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(r.file() + ": rule [" + r.name() + "]: " + e.getMessage(), e);
            }
            if (!r.pattern().contains("=trigger")) {
                throw new IllegalArgumentException(r.file() + ": rule [" + r.name() + "] names no trigger node");
            }
        }
        return new DependencyRules(out);
    }

    /** The first lemmas of the lexicon's verb (or noun) triggers as one Semgrex regular expression. */
    private static String alternation(ActionLexicon lexicon, boolean noun) {
        TreeSet<String> lemmas = lexicon.triggers().stream().filter(t -> t.noun() == noun)
                .map(t -> t.lemmas().get(0)).collect(Collectors.toCollection(TreeSet::new));
        return "/(?i:" + lemmas.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(l -> l.replaceAll("[^\\p{L}\\p{N}'-]", "")).collect(Collectors.joining("|")) + ")/";
    }

    /** Every match of every rule in a parsed sentence, in rule order; none for a sentence without a parse. */
    public List<RuleMatch> match(Sentence s) {
        if (s.dependencies().isEmpty()) {
            return List.of();
        }
        List<RuleMatch> out = new ArrayList<>();
        for (Compiled c : rules) {
            SemgrexMatcher m = c.pattern().matcher(s.dependencies().graph());
            while (m.find()) {
                IndexedWord trigger = m.getNode("trigger");
                if (!c.rule().readsWord(trigger.lemma() != null ? trigger.lemma() : trigger.word())) {
                    continue;
                }
                Map<String, Integer> roles = new LinkedHashMap<>();
                for (String role : DependencyRule.ROLES) {
                    IndexedWord w = m.getNode(role);
                    if (w != null && w.index() - 1 < s.size()) {
                        roles.put(role, w.index() - 1);
                    }
                }
                RuleMatch rm = new RuleMatch(c.rule(), trigger.index() - 1, Map.copyOf(roles));
                if (!out.contains(rm)) {
                    out.add(rm);
                }
            }
        }
        return out;
    }
}
