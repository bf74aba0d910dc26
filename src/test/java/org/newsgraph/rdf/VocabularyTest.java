package org.newsgraph.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

/** The Java vocabulary {@link NG} and the ontology files declare the same terms, both ways round. */
class VocabularyTest {

    private static final Path ONTOLOGY = Path.of("ontology");

    @Test
    void everyConstantIsDeclaredInTheOntology() throws IllegalAccessException {
        Model ontology = ModelFactory.createDefaultModel();
        RDFDataMgr.read(ontology, ONTOLOGY.resolve("newsgraph.ttl").toString());
        RDFDataMgr.read(ontology, ONTOLOGY.resolve("actions.ttl").toString());

        List<Resource> constants = constants();
        assertFalse(constants.isEmpty());
        Set<String> undeclared = new TreeSet<>();
        for (Resource term : constants) {
            if (!ontology.contains(term, RDF.type, (RDFNode) null)) {
                undeclared.add(term.getURI());
            }
        }
        assertEquals(Set.of(), undeclared, "NG constants with no rdf:type in ontology/newsgraph.ttl + actions.ttl");
    }

    @Test
    void everyDeclaredClassAndPropertyHasAConstant() throws IllegalAccessException {
        Model ontology = RDFDataMgr.loadModel(ONTOLOGY.resolve("newsgraph.ttl").toString());
        Set<String> inJava = new TreeSet<>();
        for (Resource term : constants()) {
            inJava.add(term.getLocalName());
        }

        Set<String> missing = new TreeSet<>();
        for (Resource kind : List.of(OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)) {
            ontology.listSubjectsWithProperty(RDF.type, kind).forEachRemaining(term -> {
                if (term.isURIResource() && term.getURI().startsWith(NG.NS)) {
                    String local = term.getURI().substring(NG.NS.length());
                    if (!inJava.contains(local)) {
                        missing.add(local);
                    }
                }
            });
        }
        assertEquals(Set.of(), missing, "terms of ontology/newsgraph.ttl with no constant in NG");
    }

    /** Every public static final Resource (Property included) of NG. */
    private static List<Resource> constants() throws IllegalAccessException {
        List<Resource> out = new java.util.ArrayList<>();
        for (Field f : NG.class.getDeclaredFields()) {
            int m = f.getModifiers();
            if (Modifier.isPublic(m) && Modifier.isStatic(m) && Modifier.isFinal(m)
                    && Resource.class.isAssignableFrom(f.getType())) {
                out.add((Resource) f.get(null));
            }
        }
        return out;
    }
}
