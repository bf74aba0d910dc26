package org.newsgraph.rdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;

/**
 * The files of ontology/: the OWL ontology and action scheme, the SHACL shapes, and the entity data.
 * Loaded from a folder, or from the copy bundled in the jar.
 */
public final class Ontology {

    public static final String ONTOLOGY_FILE = "newsgraph.ttl";
    public static final String ACTIONS_FILE = "actions.ttl";
    public static final String SHAPES_FILE = "shapes.ttl";
    public static final String ENTITIES_DIR = "entities";

    private final Model ontology;
    private final Model shapes;
    private final Model entities;
    private final String fingerprint;
    private final String origin;

    private Ontology(Model ontology, Model shapes, Model entities, String fingerprint, String origin) {
        this.ontology = ontology;
        this.shapes = shapes;
        this.entities = entities;
        this.fingerprint = fingerprint;
        this.origin = origin;
    }

    /** The ontology bundled in the jar (a copy of ontology/ made by the build). */
    public static Ontology fromClasspath() {
        return load(BundledFolder.of("/ontology/" + ONTOLOGY_FILE), "classpath");
    }

    /** The ontology in a folder laid out like ontology/. */
    public static Ontology fromDirectory(Path dir) {
        if (!Files.isRegularFile(dir.resolve(ONTOLOGY_FILE))) {
            throw new IllegalArgumentException("not an ontology folder (no " + ONTOLOGY_FILE + "): " + dir);
        }
        return load(dir, dir.toString());
    }

    private static Ontology load(Path dir, String origin) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Model ontology = ModelFactory.createDefaultModel();
            parse(dir.resolve(ONTOLOGY_FILE), ontology, digest);
            parse(dir.resolve(ACTIONS_FILE), ontology, digest);
            Model shapes = ModelFactory.createDefaultModel();
            if (Files.exists(dir.resolve(SHAPES_FILE))) {
                parse(dir.resolve(SHAPES_FILE), shapes, digest);
            }
            Model entities = ModelFactory.createDefaultModel();
            List<Path> files = new ArrayList<>();
            Path ents = dir.resolve(ENTITIES_DIR);
            if (Files.isDirectory(ents)) {
                try (Stream<Path> s = Files.list(ents)) {
                    s.filter(p -> p.getFileName().toString().endsWith(".ttl")).sorted().forEach(files::add);
                }
            }
            for (Path f : files) {
                parse(f, entities, digest);
            }
            ontology.setNsPrefixes(Prefixes.MAP);
            entities.setNsPrefixes(Prefixes.MAP);
            return new Ontology(ontology, shapes, entities, HexFormat.of().formatHex(digest.digest()), origin);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the ontology at " + origin, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void parse(Path file, Model into, MessageDigest digest) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        digest.update(file.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        digest.update(bytes);
        try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
            RDFParser.source(in).lang(Lang.TURTLE).base(NG.BASE).parse(into);
        } catch (RiotException e) {
            throw new IllegalArgumentException("Bad Turtle in " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** The OWL ontology with the action scheme and lexicon. */
    public Model ontology() {
        return ontology;
    }

    /** The SHACL shapes every article graph conforms to. */
    public Model shapes() {
        return shapes;
    }

    /** The gazetteer: states, organisations, people, places. */
    public Model entities() {
        return entities;
    }

    /**
     * What the ontology named graph holds: the ontology, the shapes, and the fingerprint that tells a store (local
     * or remote) whether it already holds this version.
     */
    public org.apache.jena.graph.Graph ontologyGraph() {
        Model g = ModelFactory.createDefaultModel().add(ontology).add(shapes);
        org.apache.jena.graph.Node name = org.apache.jena.graph.NodeFactory.createURI(NG.ONTOLOGY_GRAPH);
        g.getGraph().add(name, NG.extractorFingerprint.asNode(), org.apache.jena.graph.NodeFactory.createLiteralString(fingerprint));
        return g.getGraph();
    }

    /** SHA-256 over every file: changes when any lexicon or entity changes. */
    public String fingerprint() {
        return fingerprint;
    }

    public String origin() {
        return origin;
    }
}
