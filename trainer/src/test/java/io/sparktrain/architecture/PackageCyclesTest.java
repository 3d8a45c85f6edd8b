package io.sparktrain.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No package of the main code may depend on itself through others: config reads and validates,
 * the engine trains, jobs wire, the CLI parses, and each only looks down. A plain scan of the
 * import lines of both modules (every cross-package use in this code base is imported), with
 * strongly connected components for cycles of any length.
 */
class PackageCyclesTest {
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(io\\.sparktrain(?:\\.[a-z]\\w*)+)\\.[A-Z]",
            Pattern.MULTILINE);
    private static final List<Path> SOURCES = List.of(Path.of("src/main/java"), Path.of("../data-pipeline/src/main/java"));

    /** Package -> the packages it imports from, and for each such edge one file that does. */
    private static Map<String, Map<String, String>> dependencies() {
        Map<String, Map<String, String>> graph = new TreeMap<>();
        for (Path root : SOURCES) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
                    String source = read(file);
                    Matcher pkg = PACKAGE.matcher(source);
                    if (!pkg.find()) {
                        return;
                    }
                    Map<String, String> uses = graph.computeIfAbsent(pkg.group(1), p -> new TreeMap<>());
                    Matcher imports = IMPORT.matcher(source);
                    while (imports.find()) {
                        if (!imports.group(1).equals(pkg.group(1))) {
                            uses.putIfAbsent(imports.group(1), file.getFileName().toString());
                        }
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return graph;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tarjan's strongly connected components with more than one package: each is a cycle. */
    private static List<Set<String>> cycles(Map<String, Map<String, String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> components = new ArrayList<>();
        for (String start : graph.keySet()) {
            if (!index.containsKey(start)) {
                connect(start, graph, index, low, stack, onStack, components);
            }
        }
        return components.stream().filter(c -> c.size() > 1).toList();
    }

    private static void connect(String node, Map<String, Map<String, String>> graph, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<Set<String>> components) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        onStack.add(node);
        for (String next : graph.getOrDefault(node, Map.of()).keySet()) {
            if (!index.containsKey(next)) {
                connect(next, graph, index, low, stack, onStack, components);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            components.add(component);
        }
    }

    @Test
    void packagesHaveNoCycles() {
        Map<String, Map<String, String>> graph = dependencies();
        assertTrue(graph.size() > 20, "the scan must see the code base; it found " + graph.keySet());
        List<String> found = new ArrayList<>();
        for (Set<String> cycle : cycles(graph)) {
            StringBuilder edges = new StringBuilder("cycle " + cycle + ":");
            for (String from : cycle) {
                graph.get(from).forEach((to, file) -> {
                    if (cycle.contains(to)) {
                        edges.append("\n  ").append(from).append(" -> ").append(to).append(" (").append(file).append(')');
                    }
                });
            }
            found.add(edges.toString());
        }
        assertEquals(List.of(), found, String.join("\n", found));
    }

    @Test
    void theScanFindsACycleWhenThereIsOne() {
        Map<String, Map<String, String>> graph = new TreeMap<>(Map.of(
                "a", Map.of("b", "A.java"), "b", Map.of("c", "B.java"), "c", Map.of("a", "C.java", "d", "C.java"),
                "d", Map.of()));
        assertEquals(List.of(Set.of("a", "b", "c")), cycles(graph));
    }
}
