package com.essentialslti.selfassessment.exchange;

import com.essentialslti.imports.ImportProblem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The two levels this tool reads from a tree of competencies, whatever the format: the top-level competencies
 * (children of the framework) are the areas, their children the competencies. A deeper competency is refused, not
 * flattened: a third level in Moodle or CASE is usually a list of indicators of the competency above it, which rated
 * next to that competency would make no sense; the admin moves or removes it and imports again. A parent that is
 * missing and parent links that go round in a circle are refused too.
 */
final class Hierarchy {

    /**
     * One competency of the file.
     *
     * @param parent the id of its parent, or null when it is a child of the framework
     * @param where  where the problem message sends the admin: a line, or a JSON pointer with line 0
     */
    record Node(String id, String parent, String label, int line, String where) {

        ImportProblem problem(String message) {
            return new ImportProblem(line, where + message);
        }
    }

    private Hierarchy() {
    }

    /**
     * The areas by id with the ids of their competencies, both in the order of the nodes given; problems are added
     * to the list given. Node ids must be unique (the readers check, with the lines to say so).
     */
    static Map<String, List<String>> areas(List<Node> nodes, List<ImportProblem> problems) {
        Map<String, Node> byId = new HashMap<>();
        nodes.forEach(n -> byId.put(n.id(), n));
        Map<String, List<String>> areas = new LinkedHashMap<>();
        nodes.stream().filter(n -> n.parent() == null).forEach(n -> areas.put(n.id(), new ArrayList<>()));
        for (Node node : nodes) {
            if (node.parent() == null) {
                continue;
            }
            Node parent = byId.get(node.parent());
            if (parent == null) {
                problems.add(node.problem(node.label() + " has the parent '"
                        + ExchangeLimits.abbreviated(node.parent()) + "', which is not in the file"));
            } else if (parent.parent() == null) {
                areas.get(parent.id()).add(node.id());
            } else {
                deeper(node, byId, problems);
            }
        }
        areas.forEach((id, children) -> {
            if (children.isEmpty()) {
                Node area = byId.get(id);
                problems.add(area.problem(area.label() + " is at the top of the framework but has no competency"
                        + " under it: this tool reads the top-level competencies as areas and their children as the"
                        + " competencies to rate"));
            }
        });
        return areas;
    }

    /** Says why a node is not at the second level: a cycle, a missing ancestor, or a third level. */
    private static void deeper(Node node, Map<String, Node> byId, List<ImportProblem> problems) {
        Set<String> seen = new HashSet<>();
        List<String> path = new ArrayList<>();
        Node at = node;
        while (at != null && at.parent() != null) {
            if (!seen.add(at.id())) {
                path.add(at.id());
                problems.add(node.problem(node.label() + " is its own ancestor: the parent links "
                        + String.join(" → ", path.stream().map(ExchangeLimits::abbreviated).toList())
                        + " go round in a circle"));
                return;
            }
            path.add(at.id());
            at = byId.get(at.parent());
        }
        if (at == null) {
            // An ancestor's parent is missing: that ancestor's own problem says so.
            return;
        }
        problems.add(node.problem(node.label() + " is on level " + (path.size() + 1) + " of the framework (under '"
                + ExchangeLimits.abbreviated(node.parent()) + "'); this tool reads two levels, areas and their"
                + " competencies: move it up or leave it out, and import again"));
    }
}
