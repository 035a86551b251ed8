package com.essentialslti.selfassessment.exchange;

import com.essentialslti.imports.ImportProblem;
import com.essentialslti.imports.Utf8File;
import com.essentialslti.selfassessment.framework.Competency;
import com.essentialslti.selfassessment.framework.CompetencyArea;
import com.essentialslti.selfassessment.framework.FrameworkContent;
import com.essentialslti.selfassessment.framework.ProficiencyLevel;
import com.nimbusds.jose.util.JSONObjectUtils;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one CASE 1.0 package (CFPackage): the CFDocument is the framework, the CFItems that are children of the
 * document (isChildOf associations) are the areas and their children the competencies, and CFRubrics give the
 * scale and each competency's behaviour per level. Problems name their place by JSON pointer ("/CFItems/3").
 */
final class CaseReader {

    private static final String IS_CHILD_OF = "isChildOf";

    private final List<ImportProblem> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** CFItems by identifier, in file order. */
    private final Map<String, Item> items = new LinkedHashMap<>();

    private record Item(String id, Map<String, Object> json, String pointer) {
    }

    /** A rubric criterion's levels in scale order. */
    private record Criterion(String pointer, List<Level> levels) {
    }

    private record Level(String quality, String description, Number position, Number score) {
    }

    /** An item's place in the tree: its parent (the document's identifier for an area) and order there. */
    private record Link(String parent, Number sequence, String pointer) {
    }

    private CaseReader() {
    }

    static FrameworkImport read(byte[] file) {
        if (file.length > ExchangeLimits.MAX_FILE_BYTES) {
            return FrameworkImport.refused(ExchangeLimits.fileTooLarge());
        }
        String text = Utf8File.decode(file);
        if (text == null) {
            return FrameworkImport.refused(Utf8File.NOT_UTF8);
        }
        if (!JsonDepth.within(text, ExchangeLimits.MAX_JSON_DEPTH)) {
            return FrameworkImport.refused(new ImportProblem(0, "the file nests arrays and objects more than "
                    + ExchangeLimits.MAX_JSON_DEPTH + " levels deep, which no CASE package needs"));
        }
        Map<String, Object> root;
        try {
            root = JSONObjectUtils.parse(text);
        } catch (ParseException e) {
            String detail = e.getCause() != null && e.getCause().getMessage() != null
                    ? ": " + ExchangeLimits.abbreviated(e.getCause().getMessage()) : "";
            return FrameworkImport.refused(new ImportProblem(0, "the file is not a JSON object (or has a key twice)"
                    + detail));
        }
        if (root == null) { // the file is the JSON literal null
            return FrameworkImport.refused(new ImportProblem(0, "the file is not a JSON object"));
        }
        CaseReader reader = new CaseReader();
        Map<String, Object> pack = root.get("CFPackage") instanceof Map<?, ?> ? reader.object(root.get("CFPackage"),
                "/CFPackage") : root;
        FrameworkContent content = reader.readPackage(pack == null ? Map.of() : pack);
        return new FrameworkImport(content, reader.problems, reader.notes);
    }

    private FrameworkContent readPackage(Map<String, Object> pack) {
        Map<String, Object> document = object(pack.get("CFDocument"), "/CFDocument");
        if (document == null) {
            problems.add(new ImportProblem(0, "the file is not a CASE package: it has no CFDocument"));
            return null;
        }
        String documentId = string(document, "identifier", "/CFDocument");
        String title = string(document, "title", "/CFDocument");
        String description = string(document, "description", "/CFDocument");
        if (documentId == null || title == null) {
            problems.add(new ImportProblem(0, "/CFDocument: a CFDocument needs an identifier and a title"));
            return null;
        }
        if (!readItems(pack) || !problems.isEmpty()) {
            return null;
        }
        Map<String, Link> links = readAssociations(pack, documentId);
        if (links == null || !problems.isEmpty()) {
            return null;
        }
        Map<String, List<String>> tree = tree(links, documentId);
        Map<String, Criterion> criteria = new HashMap<>();
        Criterion scaleCriterion = readRubrics(pack, criteria);
        if (!problems.isEmpty()) {
            return null;
        }
        List<ProficiencyLevel> scale = scale(scaleCriterion, tree, criteria);
        if (scale == null) {
            return null;
        }
        Map<String, String> keys = keys(tree);
        if (!problems.isEmpty()) {
            return null;
        }
        List<CompetencyArea> areas = areas(tree, keys, criteria, scale);
        if (!problems.isEmpty()) {
            return null;
        }
        notes.add("A CASE package has no target profiles and no 70-20-10 suggestions: the framework gets the"
                + " course's default targets and general suggestions, which you can edit after the import.");
        try {
            return new FrameworkContent(title, description, scale, areas, List.of());
        } catch (IllegalArgumentException e) {
            problems.add(new ImportProblem(0, "/CFDocument: " + e.getMessage()));
            return null;
        }
    }

    private boolean readItems(Map<String, Object> pack) {
        List<Object> list = array(pack.get("CFItems"), "/CFItems");
        if (list.size() > ExchangeLimits.MAX_ITEMS) {
            problems.add(new ImportProblem(0, "/CFItems: the package has " + list.size() + " items; a framework"
                    + " holds at most " + ExchangeLimits.MAX_ITEMS + " areas and competencies"));
            return false;
        }
        for (int i = 0; i < list.size(); i++) {
            String pointer = "/CFItems/" + i;
            Map<String, Object> item = object(list.get(i), pointer);
            String id = item == null ? null : string(item, "identifier", pointer);
            if (id == null) {
                problems.add(new ImportProblem(0, pointer + ": an item needs an identifier"));
                continue;
            }
            Item same = items.putIfAbsent(id, new Item(id, item, pointer));
            if (same != null) {
                problems.add(new ImportProblem(0, pointer + ": the identifier '" + ExchangeLimits.abbreviated(id)
                        + "' is also " + same.pointer() + "'s; each item needs its own"));
            }
        }
        return true;
    }

    /** Each item's parent by isChildOf; null when the associations are too many to read. */
    private Map<String, Link> readAssociations(Map<String, Object> pack, String documentId) {
        List<Object> list = array(pack.get("CFAssociations"), "/CFAssociations");
        if (list.size() > ExchangeLimits.MAX_ASSOCIATIONS) {
            problems.add(new ImportProblem(0, "/CFAssociations: the package has " + list.size()
                    + " associations; this tool reads at most " + ExchangeLimits.MAX_ASSOCIATIONS));
            return null;
        }
        Map<String, Link> links = new HashMap<>();
        Map<String, String> associationIds = new HashMap<>();
        int otherTypes = 0;
        int outside = 0;
        for (int i = 0; i < list.size(); i++) {
            String pointer = "/CFAssociations/" + i;
            Map<String, Object> association = object(list.get(i), pointer);
            if (association == null) {
                continue;
            }
            String id = string(association, "identifier", pointer);
            if (id != null) {
                String same = associationIds.putIfAbsent(id, pointer);
                if (same != null) {
                    problems.add(new ImportProblem(0, pointer + ": the identifier '" + ExchangeLimits.abbreviated(id)
                            + "' is also " + same + "'s"));
                }
            }
            if (!IS_CHILD_OF.equals(string(association, "associationType", pointer))) {
                otherTypes++;
                continue;
            }
            String child = linkId(association, "originNodeURI", pointer);
            String parent = linkId(association, "destinationNodeURI", pointer);
            if (child == null || parent == null) {
                problems.add(new ImportProblem(0, pointer + ": an isChildOf association needs an originNodeURI and"
                        + " a destinationNodeURI with an identifier"));
                continue;
            }
            if (!items.containsKey(child)) {
                outside++;
                continue;
            }
            Link link = new Link(parent, number(association, "sequenceNumber", pointer), pointer);
            Link other = links.putIfAbsent(child, link);
            if (other != null && !other.parent().equals(parent)) {
                problems.add(new ImportProblem(0, pointer + ": the item '" + label(items.get(child))
                        + "' is also a child of another item (" + other.pointer() + "); this tool reads a tree, where"
                        + " each competency has one parent"));
            }
        }
        if (otherTypes > 0) {
            notes.add(otherTypes + " associations other than isChildOf (related, precedes, matches…) are not used.");
        }
        if (outside > 0) {
            notes.add(outside + " isChildOf associations concern nodes that are not items of this package and are not"
                    + " used.");
        }
        if (links.keySet().stream().noneMatch(child -> links.get(child).parent().equals(documentId))) {
            problems.add(new ImportProblem(0, "/CFAssociations: no item is a child of the CFDocument ('"
                    + ExchangeLimits.abbreviated(documentId) + "'), so the package has no area"));
        }
        return links;
    }

    private Map<String, List<String>> tree(Map<String, Link> links, String documentId) {
        Comparator<Item> bySequence = Comparator.comparing(
                (Item item) -> links.get(item.id()).sequence() == null ? Double.MAX_VALUE
                        : links.get(item.id()).sequence().doubleValue());
        List<Item> placed = items.values().stream().filter(item -> links.containsKey(item.id())).sorted(bySequence)
                .toList();
        long unplaced = items.size() - placed.size();
        if (unplaced > 0) {
            notes.add(unplaced + " items are not children of the document or of another item and are left out.");
        }
        List<Hierarchy.Node> nodes = placed.stream().map(item -> {
            String parent = links.get(item.id()).parent();
            return new Hierarchy.Node(item.id(), parent.equals(documentId) ? null : parent,
                    "the item '" + label(item) + "'", 0, item.pointer() + ": ");
        }).toList();
        return Hierarchy.areas(nodes, problems);
    }

    /** The scale criterion (one that assesses no item); each item's criterion is put in the map. */
    private Criterion readRubrics(Map<String, Object> pack, Map<String, Criterion> criteria) {
        Criterion scale = null;
        List<Object> rubrics = array(pack.get("CFRubrics"), "/CFRubrics");
        for (int r = 0; r < rubrics.size(); r++) {
            Map<String, Object> rubric = object(rubrics.get(r), "/CFRubrics/" + r);
            if (rubric == null) {
                continue;
            }
            List<Object> list = array(rubric.get("CFRubricCriteria"), "/CFRubrics/" + r + "/CFRubricCriteria");
            for (int c = 0; c < list.size(); c++) {
                String pointer = "/CFRubrics/" + r + "/CFRubricCriteria/" + c;
                Map<String, Object> criterion = object(list.get(c), pointer);
                if (criterion == null) {
                    continue;
                }
                Criterion read = new Criterion(pointer, levels(criterion, pointer));
                String item = linkId(criterion, "CFItemURI", pointer);
                if (item == null) {
                    scale = scale == null ? read : scale;
                } else if (criteria.putIfAbsent(item, read) != null) {
                    notes.add(pointer + ": a second rubric criterion for the item '" + ExchangeLimits.abbreviated(item)
                            + "' is not used; the first gives its behaviours.");
                }
            }
        }
        return scale;
    }

    private List<Level> levels(Map<String, Object> criterion, String pointer) {
        List<Object> list = array(criterion.get("CFRubricCriterionLevels"), pointer + "/CFRubricCriterionLevels");
        List<Level> levels = new ArrayList<>();
        for (int i = 0; i < list.size() && i <= FrameworkContent.MAX_LEVELS; i++) {
            String at = pointer + "/CFRubricCriterionLevels/" + i;
            Map<String, Object> level = object(list.get(i), at);
            if (level != null) {
                String description = string(level, "description", at);
                levels.add(new Level(string(level, "quality", at), description == null ? "" : description,
                        number(level, "position", at), number(level, "score", at)));
            }
        }
        // Scale order: by position where every level has one, else by score, else as listed.
        if (levels.stream().allMatch(l -> l.position() != null)) {
            levels.sort(Comparator.comparingDouble(l -> l.position().doubleValue()));
        } else if (levels.stream().allMatch(l -> l.score() != null)) {
            levels.sort(Comparator.comparingDouble(l -> l.score().doubleValue()));
        }
        return levels;
    }

    private List<ProficiencyLevel> scale(Criterion scaleCriterion, Map<String, List<String>> tree,
                                         Map<String, Criterion> criteria) {
        Criterion source = scaleCriterion;
        if (source == null) {
            source = tree.values().stream().flatMap(List::stream).map(criteria::get)
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        }
        if (source == null) {
            problems.add(new ImportProblem(0, "/CFRubrics: the package has no rubric criterion levels to take the"
                    + " scale from; this tool needs a scale of " + FrameworkContent.MIN_LEVELS + " to "
                    + FrameworkContent.MAX_LEVELS + " levels (each level's quality is its name)"));
            return null;
        }
        int size = source.levels().size();
        if (size < FrameworkContent.MIN_LEVELS || size > FrameworkContent.MAX_LEVELS) {
            problems.add(new ImportProblem(0, source.pointer() + ": the scale has " + size + " levels; this tool"
                    + " rates on " + FrameworkContent.MIN_LEVELS + " to " + FrameworkContent.MAX_LEVELS));
            return null;
        }
        List<ProficiencyLevel> scale = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Level level = source.levels().get(i);
            try {
                scale.add(new ProficiencyLevel(i + 1, level.quality(),
                        source == scaleCriterion ? level.description() : "", false));
            } catch (IllegalArgumentException e) {
                problems.add(new ImportProblem(0, source.pointer() + "/CFRubricCriterionLevels/" + i + ": the"
                        + " level's quality is its name: " + e.getMessage()));
            }
        }
        if (source != scaleCriterion) {
            notes.add("The scale's levels are named after the qualities of the first competency's rubric and have"
                    + " no description; add them in the framework editor if learners need them.");
        }
        return problems.isEmpty() ? scale : null;
    }

    /** Keys from the items' human coding schemes, or their identifiers where there is none. */
    private Map<String, String> keys(Map<String, List<String>> tree) {
        Map<String, String> keys = new HashMap<>();
        Map<String, String> itemOfKey = new HashMap<>();
        List<String> ids = new ArrayList<>();
        tree.forEach((area, children) -> {
            ids.add(area);
            ids.addAll(children);
        });
        for (String id : ids) {
            Item item = items.get(id);
            String code = string(item.json(), "humanCodingScheme", item.pointer());
            String key = Keys.from(code == null || code.isBlank() ? id : code);
            if (key == null) {
                problems.add(new ImportProblem(0, item.pointer() + ": neither the human coding scheme nor the"
                        + " identifier has a letter or digit to make a key of"));
                continue;
            }
            String other = itemOfKey.putIfAbsent(key, id);
            if (other != null) {
                problems.add(new ImportProblem(0, item.pointer() + ": this item and " + items.get(other).pointer()
                        + " both get the key '" + key + "' (from their human coding schemes or identifiers)"));
            }
            keys.put(id, key);
        }
        return keys;
    }

    private List<CompetencyArea> areas(Map<String, List<String>> tree, Map<String, String> keys,
                                       Map<String, Criterion> criteria, List<ProficiencyLevel> scale) {
        List<CompetencyArea> areas = new ArrayList<>();
        int withoutBehaviours = 0;
        boolean otherNames = false;
        for (Map.Entry<String, List<String>> entry : tree.entrySet()) {
            List<Competency> competencies = new ArrayList<>();
            for (String id : entry.getValue()) {
                Item item = items.get(id);
                Criterion criterion = criteria.get(id);
                List<String> behaviours = List.of();
                if (criterion == null) {
                    withoutBehaviours++;
                } else if (criterion.levels().size() != scale.size()) {
                    problems.add(new ImportProblem(0, criterion.pointer() + ": the rubric for '" + label(item)
                            + "' has " + criterion.levels().size() + " levels; the scale has " + scale.size()));
                    continue;
                } else {
                    behaviours = criterion.levels().stream().map(Level::description).toList();
                    for (int i = 0; i < scale.size(); i++) {
                        otherNames |= !scale.get(i).name().equals(criterion.levels().get(i).quality());
                    }
                }
                List<String> perLevel = behaviours;
                named(item).ifPresent(n -> {
                    try {
                        competencies.add(new Competency(keys.get(id), n[0], n[1], perLevel, List.of(), false));
                    } catch (IllegalArgumentException e) {
                        problems.add(new ImportProblem(0, item.pointer() + ": " + e.getMessage()));
                    }
                });
            }
            Item area = items.get(entry.getKey());
            named(area).ifPresent(n -> {
                try {
                    areas.add(new CompetencyArea(keys.get(area.id()), n[0], n[1], competencies, Map.of()));
                } catch (IllegalArgumentException e) {
                    problems.add(new ImportProblem(0, area.pointer() + ": " + e.getMessage()));
                }
            });
        }
        if (withoutBehaviours > 0) {
            notes.add(withoutBehaviours + " competencies have no rubric, so no behaviour per level; learners rate them"
                    + " by the scale's levels alone until behaviours are added.");
        }
        if (otherNames) {
            notes.add("Some rubrics name their levels differently from the scale; the levels are matched by"
                    + " position.");
        }
        return areas;
    }

    /**
     * An item's name and description: the abbreviated statement names it and the full statement describes it;
     * without an abbreviated statement the full statement is the name, or, when too long for one, the human coding
     * scheme names it and the full statement describes it.
     */
    private Optional<String[]> named(Item item) {
        String full = string(item.json(), "fullStatement", item.pointer());
        String abbreviated = string(item.json(), "abbreviatedStatement", item.pointer());
        String code = string(item.json(), "humanCodingScheme", item.pointer());
        if (full == null || full.isBlank()) {
            problems.add(new ImportProblem(0, item.pointer() + ": an item needs a fullStatement"));
            return Optional.empty();
        }
        if (abbreviated != null && !abbreviated.isBlank()) {
            return Optional.of(new String[] {abbreviated, full.equals(abbreviated) ? "" : full});
        }
        if (full.length() <= FrameworkContent.MAX_NAME) {
            return Optional.of(new String[] {full, ""});
        }
        if (code != null && !code.isBlank()) {
            return Optional.of(new String[] {code, full});
        }
        problems.add(new ImportProblem(0, item.pointer() + ": the full statement is longer than "
                + FrameworkContent.MAX_NAME + " characters and the item has no abbreviated statement or human coding"
                + " scheme to name it by"));
        return Optional.empty();
    }

    private static String label(Item item) {
        Object code = item.json().get("humanCodingScheme");
        return ExchangeLimits.abbreviated(code instanceof String s && !s.isBlank() ? s : item.id());
    }

    private String linkId(Map<String, Object> json, String field, String pointer) {
        Map<String, Object> link = object(json.get(field), pointer + "/" + field);
        return link == null ? null : string(link, "identifier", pointer + "/" + field);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> object(Object value, String pointer) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        problems.add(new ImportProblem(0, pointer + ": an object was expected"));
        return null;
    }

    @SuppressWarnings("unchecked")
    private List<Object> array(Object value, String pointer) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return (List<Object>) list;
        }
        problems.add(new ImportProblem(0, pointer + ": an array was expected"));
        return List.of();
    }

    private String string(Map<String, Object> json, String field, String pointer) {
        Object value = json.get(field);
        if (value == null || value instanceof String) {
            String text = (String) value;
            if (text != null && text.length() > ExchangeLimits.MAX_TEXT_CHARS) {
                problems.add(new ImportProblem(0, pointer + "/" + field + ": the text is longer than "
                        + ExchangeLimits.MAX_TEXT_CHARS + " characters"));
                return null;
            }
            return text;
        }
        problems.add(new ImportProblem(0, pointer + "/" + field + ": a string was expected"));
        return null;
    }

    private Number number(Map<String, Object> json, String field, String pointer) {
        Object value = json.get(field);
        if (value == null || value instanceof Number) {
            return (Number) value;
        }
        problems.add(new ImportProblem(0, pointer + "/" + field + ": a number was expected"));
        return null;
    }
}
