package org.newsgraph.rdf;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The newsgraph vocabulary, mirroring ontology/newsgraph.ttl (a test checks every constant is declared there). */
public final class NG {

    public static final String NS = "https://w3id.org/newsgraph/ontology#";
    public static final String BASE = "https://w3id.org/newsgraph/";
    public static final String ENTITY = BASE + "entity/";
    public static final String ACTION = BASE + "action/";
    public static final String LEXICON = BASE + "lexicon/";
    public static final String GRAPH = BASE + "graph/";

    /** Named graph holding the ontology, the action scheme and the shapes. */
    public static final String ONTOLOGY_GRAPH = GRAPH + "ontology";
    /** Named graph holding the gazetteer: states, organisations, people, places. */
    public static final String ENTITIES_GRAPH = GRAPH + "entities";
    /** Named graph the linker writes after each build: agreements, resolutions and happenings across articles. */
    public static final String KNOWLEDGE_GRAPH = GRAPH + "knowledge";
    /** Named graph of build records: when each build ran, what it changed, with which extractor. */
    public static final String BUILDS_GRAPH = GRAPH + "builds";
    /** The graph of the folder's files as the last build read them, so the next one can skip unchanged files. */
    public static final String FILES_GRAPH = GRAPH + "files";
    /** Prefix of the per-article named graphs. */
    public static final String ARTICLE_GRAPH = GRAPH + "article/";

    private NG() {
    }

    private static Resource r(String local) {
        return ResourceFactory.createResource(NS + local);
    }

    private static Property p(String local) {
        return ResourceFactory.createProperty(NS + local);
    }

    // classes
    public static final Resource Article = r("Article");
    public static final Resource EvidenceSentence = r("EvidenceSentence");
    public static final Resource Event = r("Event");
    public static final Resource Entity = r("Entity");
    public static final Resource Actor = r("Actor");
    public static final Resource State = r("State");
    public static final Resource SelfProclaimedState = r("SelfProclaimedState");
    public static final Resource InternationalOrganization = r("InternationalOrganization");
    public static final Resource OrganizationBody = r("OrganizationBody");
    public static final Resource StateGroup = r("StateGroup");
    public static final Resource GovernmentAgency = r("GovernmentAgency");
    public static final Resource ArmedForce = r("ArmedForce");
    public static final Resource NewsOutlet = r("NewsOutlet");
    public static final Resource ThinkTank = r("ThinkTank");
    public static final Resource Person = r("Person");
    public static final Resource UnresolvedActor = r("UnresolvedActor");
    public static final Resource Place = r("Place");
    public static final Resource City = r("City");
    public static final Resource Region = r("Region");
    public static final Resource Agreement = r("Agreement");
    public static final Resource Resolution = r("Resolution");
    public static final Resource Quantity = r("Quantity");
    public static final Resource Modality = r("Modality");
    public static final Resource ActionType = r("ActionType");
    public static final Resource Trigger = r("Trigger");
    public static final Resource NounClass = r("NounClass");
    public static final Resource CountedNoun = r("CountedNoun");
    public static final Resource ReportingVerb = r("ReportingVerb");
    public static final Resource SupportVerb = r("SupportVerb");
    public static final Resource AgreementMention = r("AgreementMention");
    public static final Resource Happening = r("Happening");
    public static final Resource Build = r("Build");
    public static final Resource SourceFile = r("SourceFile");

    // modalities
    public static final Resource asserted = r("asserted");
    public static final Resource planned = r("planned");
    public static final Resource possible = r("possible");
    public static final Resource denied = r("denied");

    // article and evidence
    public static final Property fileName = p("fileName");
    public static final Property contentHash = p("contentHash");
    public static final Property language = p("language");
    public static final Property article = p("article");
    public static final Property evidence = p("evidence");

    // event slots
    public static final Property actor = p("actor");
    public static final Property agent = p("agent");
    public static final Property action = p("action");
    public static final Property target = p("target");
    public static final Property quantity = p("quantity");
    public static final Property place = p("place");
    public static final Property date = p("date");
    public static final Property source = p("source");
    public static final Property modality = p("modality");
    public static final Property confidence = p("confidence");
    public static final Property rule = p("rule");
    public static final Property detail = p("detail");
    public static final Property anchor = p("anchor");
    public static final Property value = p("value");
    public static final Property maxValue = p("maxValue");
    public static final Property unit = p("unit");
    public static final Property softwareVersion = p("softwareVersion");
    public static final Property extractorFingerprint = p("extractorFingerprint");
    public static final Property articlesAdded = p("articlesAdded");
    public static final Property articlesChanged = p("articlesChanged");
    public static final Property articlesRemoved = p("articlesRemoved");
    public static final Property articlesUnchanged = p("articlesUnchanged");
    public static final Property eventCount = p("eventCount");
    public static final Property tripleCount = p("tripleCount");
    public static final Property errorMessage = p("errorMessage");
    public static final Property filePath = p("filePath");
    public static final Property fileStamp = p("fileStamp");

    // entities
    public static final Property actsFor = p("actsFor");
    public static final Property role = p("role");
    public static final Property member = p("member");
    public static final Property country = p("country");
    public static final Property controlledBy = p("controlledBy");
    public static final Property earlierSeatOf = p("earlierSeatOf");
    public static final Property dissolvedIn = p("dissolvedIn");
    public static final Property seatOfGovernmentOf = p("seatOfGovernmentOf");
    public static final Property demonym = p("demonym");
    public static final Property shortName = p("shortName");
    public static final Property resolutionNumber = p("resolutionNumber");
    public static final Property adoptedBy = p("adoptedBy");
    public static final Property concerns = p("concerns");
    public static final Property party = p("party");
    public static final Property signedOn = p("signedOn");
    public static final Property signedAt = p("signedAt");
    public static final Property agreement = p("agreement");
    public static final Property mentionText = p("mentionText");
    public static final Property mentions = p("mentions");
    public static final Property partOf = p("partOf");
    public static final Property adoptedOn = p("adoptedOn");
    public static final Property claim = p("claim");
    public static final Property claimCount = p("claimCount");
    public static final Property disputedOn = p("disputedOn");

    // lexicon
    public static final Property cameoCode = p("cameoCode");
    public static final Property signals = p("signals");
    public static final Property lemma = p("lemma");
    public static final Property partOfSpeech = p("partOfSpeech");
    public static final Property objectClass = p("objectClass");
    public static final Property actorKind = p("actorKind");
    public static final Property nounClass = p("nounClass");
    public static final Property unitLabel = p("unitLabel");
    public static final Property needsThat = p("needsThat");
    public static final Property actorPreposition = p("actorPreposition");
    public static final Property requiresPreposition = p("requiresPreposition");
    public static final Property subjectRole = p("subjectRole");
    public static final Property ofAgent = p("ofAgent");
    public static final Property parseOnly = p("parseOnly");
}
