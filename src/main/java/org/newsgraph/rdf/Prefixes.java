package org.newsgraph.rdf;

import java.util.LinkedHashMap;
import java.util.Map;

/** The prefixes of newsgraph's namespaces and the vocabularies it reuses, for output and for queries. */
public final class Prefixes {

    public static final Map<String, String> MAP;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("ng", NG.NS);
        m.put("nge", NG.ENTITY);
        m.put("nga", NG.ACTION);
        m.put("ngl", NG.LEXICON);
        m.put("nggraph", NG.GRAPH);
        m.put("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
        m.put("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
        m.put("owl", "http://www.w3.org/2002/07/owl#");
        m.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        m.put("skos", "http://www.w3.org/2004/02/skos/core#");
        m.put("prov", "http://www.w3.org/ns/prov#");
        m.put("schema", "http://schema.org/");
        m.put("dct", "http://purl.org/dc/terms/");
        m.put("nif", "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#");
        m.put("sh", "http://www.w3.org/ns/shacl#");
        m.put("wd", "http://www.wikidata.org/entity/");
        MAP = Map.copyOf(m);
    }

    private Prefixes() {
    }
}
