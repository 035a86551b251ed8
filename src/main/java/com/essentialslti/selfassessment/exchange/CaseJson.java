package com.essentialslti.selfassessment.exchange;

import com.essentialslti.selfassessment.framework.Competency;
import com.essentialslti.selfassessment.framework.CompetencyArea;
import com.essentialslti.selfassessment.framework.FrameworkContent;
import com.essentialslti.selfassessment.framework.ProficiencyLevel;
import com.nimbusds.jose.util.JSONObjectUtils;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A framework as a 1EdTech CASE 1.0 package (CFPackage JSON): a CFDocument for the framework, a CFItem per area and
 * per competency, an isChildOf CFAssociation for each (competency → area, area → document), and one CFRubric that
 * holds the scale and the behaviours.
 *
 * <ul>
 *   <li>Items: {@code abbreviatedStatement} is the name, {@code fullStatement} the description (the name when there
 *   is none), {@code humanCodingScheme} the key. Reading, an item without an abbreviated statement is named by its
 *   full statement; keys come from the human coding scheme, or the identifier without one.</li>
 *   <li>The rubric's first criterion assesses no item: its levels (quality = name, description = summary, position
 *   and score = the level's number) are the scale. Each competency with behaviours has a criterion whose
 *   {@code CFItemURI} points at its item, one level per scale level with the behaviour as description. Reading a
 *   package without a scale criterion, the scale is named after the first competency's rubric levels.</li>
 *   <li>Identifiers are name-based UUIDs (version 3) derived from the document URI (or the framework's name) and the
 *   keys, so that exporting the same framework twice gives the same identifiers; URIs are {@code urn:uuid:} URIs
 *   except the document's, which is the URI given.</li>
 *   <li>A third level of items is refused, not flattened (see {@link Hierarchy}).</li>
 * </ul>
 */
public final class CaseJson {

    private static final String CREATOR = "Essentials LTI";

    private CaseJson() {
    }

    /** Reads a CFPackage (or an object holding one under "CFPackage"); all or nothing. */
    public static FrameworkImport read(byte[] file) {
        return CaseReader.read(file);
    }

    /** {@link #write(FrameworkContent, String, Instant)} changed now. */
    public static String write(FrameworkContent framework, String documentUri) {
        return write(framework, documentUri, Instant.now());
    }

    /**
     * The framework as a CFPackage. Retired competencies are left out, and so is an area left without a competency
     * in use; retired levels are written like the others. Targets, 70-20-10 suggestions and quiz topics have no place
     * in CASE and are not written.
     *
     * @param documentUri where the document is published, or null: its URI is then a {@code urn:uuid:} too
     * @param changed     every object's lastChangeDateTime
     */
    public static String write(FrameworkContent framework, String documentUri, Instant changed) {
        String lastChange = changed.toString();
        UUID documentId = uuid(documentUri != null ? documentUri : "framework:" + framework.name());
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("identifier", documentId.toString());
        document.put("uri", documentUri != null ? documentUri : urn(documentId));
        document.put("creator", CREATOR);
        document.put("title", framework.name());
        document.put("description", framework.description());
        document.put("lastChangeDateTime", lastChange);
        Map<String, Object> documentLink = link(framework.name(), documentId, (String) document.get("uri"));

        List<Object> items = new ArrayList<>();
        List<Object> associations = new ArrayList<>();
        List<Object> criteria = new ArrayList<>();
        UUID rubricId = uuid(documentId + ":rubric");
        criteria.add(criterion(documentId + ":scale", rubricId, "Proficiency scale",
                "The levels every competency is rated on", null, framework.scale(),
                framework.scale().stream().map(ProficiencyLevel::summary).toList(), lastChange));
        int areaSequence = 0;
        for (CompetencyArea area : framework.areasInUse()) {
            Map<String, Object> areaItem = item(documentId, area.key(), area.name(), area.description(),
                    "Competency area", documentLink, lastChange);
            items.add(areaItem);
            associations.add(childOf(documentId, areaItem, documentLink, ++areaSequence, lastChange));
            Map<String, Object> areaLink = linkTo(areaItem);
            int sequence = 0;
            for (Competency competency : area.inUse()) {
                Map<String, Object> item = item(documentId, competency.key(), competency.name(),
                        competency.description(), "Competency", documentLink, lastChange);
                items.add(item);
                associations.add(childOf(documentId, item, areaLink, ++sequence, lastChange));
                if (!competency.behaviours().isEmpty()) {
                    criteria.add(criterion(documentId + ":criterion:" + competency.key(), rubricId,
                            competency.name(), "Observable behaviour at each level", linkTo(item), framework.scale(),
                            competency.behaviours(), lastChange));
                }
            }
        }
        Map<String, Object> rubric = new LinkedHashMap<>();
        rubric.put("identifier", rubricId.toString());
        rubric.put("uri", urn(rubricId));
        rubric.put("title", framework.name() + ": proficiency scale and behaviours");
        rubric.put("description", "The scale, and what someone at each level of it does for each competency");
        rubric.put("lastChangeDateTime", lastChange);
        rubric.put("CFRubricCriteria", criteria);

        Map<String, Object> pack = new LinkedHashMap<>();
        pack.put("CFDocument", document);
        pack.put("CFItems", items);
        pack.put("CFAssociations", associations);
        pack.put("CFRubrics", List.of(rubric));
        return JSONObjectUtils.toJSONString(pack);
    }

    private static Map<String, Object> item(UUID documentId, String key, String name, String description,
                                            String type, Map<String, Object> documentLink, String lastChange) {
        UUID id = uuid(documentId + ":item:" + key);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("identifier", id.toString());
        item.put("uri", urn(id));
        item.put("CFDocumentURI", documentLink);
        item.put("fullStatement", description.isEmpty() ? name : description);
        item.put("abbreviatedStatement", name);
        item.put("humanCodingScheme", key);
        item.put("CFItemType", type);
        item.put("lastChangeDateTime", lastChange);
        return item;
    }

    private static Map<String, Object> childOf(UUID documentId, Map<String, Object> child,
                                               Map<String, Object> parent, int sequence, String lastChange) {
        UUID id = uuid(documentId + ":isChildOf:" + child.get("identifier"));
        Map<String, Object> association = new LinkedHashMap<>();
        association.put("identifier", id.toString());
        association.put("uri", urn(id));
        association.put("associationType", "isChildOf");
        association.put("sequenceNumber", sequence);
        association.put("originNodeURI", linkTo(child));
        association.put("destinationNodeURI", parent);
        association.put("lastChangeDateTime", lastChange);
        return association;
    }

    private static Map<String, Object> criterion(String seed, UUID rubricId, String category, String description,
                                                 Map<String, Object> itemLink, List<ProficiencyLevel> scale,
                                                 List<String> texts, String lastChange) {
        UUID id = uuid(seed);
        Map<String, Object> criterion = new LinkedHashMap<>();
        criterion.put("identifier", id.toString());
        criterion.put("uri", urn(id));
        criterion.put("category", category);
        criterion.put("description", description);
        if (itemLink != null) {
            criterion.put("CFItemURI", itemLink);
        }
        criterion.put("rubricId", rubricId.toString());
        criterion.put("lastChangeDateTime", lastChange);
        List<Object> levels = new ArrayList<>();
        for (ProficiencyLevel level : scale) {
            UUID levelId = uuid(seed + ":level:" + level.level());
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("identifier", levelId.toString());
            json.put("uri", urn(levelId));
            json.put("quality", level.name());
            json.put("description", texts.get(level.level() - 1));
            json.put("score", level.level());
            json.put("position", level.level());
            json.put("rubricCriterionId", id.toString());
            json.put("lastChangeDateTime", lastChange);
            levels.add(json);
        }
        criterion.put("CFRubricCriterionLevels", levels);
        return criterion;
    }

    private static Map<String, Object> linkTo(Map<String, Object> item) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("title", item.get("abbreviatedStatement"));
        link.put("identifier", item.get("identifier"));
        link.put("uri", item.get("uri"));
        return link;
    }

    private static Map<String, Object> link(String title, UUID id, String uri) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("title", title);
        link.put("identifier", id.toString());
        link.put("uri", uri);
        return link;
    }

    private static UUID uuid(String seed) {
        return UUID.nameUUIDFromBytes(("essentials-lti:case:" + seed).getBytes(StandardCharsets.UTF_8));
    }

    private static String urn(UUID id) {
        return "urn:uuid:" + id;
    }
}
