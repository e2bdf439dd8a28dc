package org.dclust.framework.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dclust.api.DclustException;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * One YAML file read into a tree that remembers where each key and value stands, so a configuration
 * error can name its line and column. Scalars get the types Jackson's YAML parser gives them
 * (Integer/Long/BigInteger, Double, Boolean, String, null), the same as when the file was read by
 * data binding. Syntax errors, repeated keys and the wrong kinds of value that {@link YamlFields}
 * finds are problems, not exceptions: {@link #problems()} lists them all, each with the file and
 * position.
 */
public final class YamlDocument {
    private final Path file;
    private final List<Problem> problems = new ArrayList<>();
    private Node root;

    private YamlDocument(Path file) {
        this.file = file;
    }

    /** A problem and where it is (line 0 for the whole file). */
    private record Problem(int line, int column, String text) {
    }

    /** A position in the file, both counted from 1. */
    public record Location(int line, int column) {
    }

    /** A node of the tree: a scalar, a mapping or a sequence. */
    public sealed interface Node permits Scalar, Mapping, Sequence {
        /** Where the node starts. */
        Location at();

        /** What the node is, for messages: the scalar as written, "a list" or "a mapping (field: value)". */
        String describe();
    }

    /** A scalar: its typed value (null for YAML null or an empty value) and its text as written. */
    public record Scalar(Object value, String text, JsonToken token, Location at) implements Node {
        @Override
        public String describe() {
            if (value == null) {
                return "no value";
            }
            return token == JsonToken.VALUE_STRING ? "'" + text + "'" : text;
        }
    }

    /** A mapping's entry: the key, where the key stands, and the value. */
    public record Entry(String key, Location keyAt, Node value) {
    }

    /** A mapping, in file order; a key given twice keeps its first value (the repetition is a problem). */
    public record Mapping(Map<String, Entry> entries, Location at) implements Node {
        @Override
        public String describe() {
            return "a mapping (field: value)";
        }
    }

    /** A sequence. */
    public record Sequence(List<Node> items, Location at) implements Node {
        @Override
        public String describe() {
            return "a list";
        }
    }

    /**
     * Reads {@code file}. A missing or unreadable file is an immediate {@link DclustException}; an empty
     * file, a syntax error, a repeated key or a second document is one of {@link #problems()}.
     *
     * @param what the kind of file, for messages ("configuration file", "study file")
     */
    public static YamlDocument read(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new DclustException(what + " " + file + " does not exist");
        }
        YamlDocument doc = new YamlDocument(file);
        try (JsonParser p = new YAMLFactory().createParser(file.toFile())) {
            if (p.nextToken() == null) {
                doc.problems.add(new Problem(0, 0, file + " is empty: write the " + what + "'s fields as 'field: value' lines"));
                return doc;
            }
            Node root = doc.node(p, "");
            if (p.nextToken() != null) {
                doc.problem(location(p), "a second YAML document starts here; put the whole " + what + " in one document");
            }
            doc.root = root;
        } catch (JsonProcessingException e) {
            doc.syntaxProblem(e);
        } catch (IOException e) {
            throw new DclustException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return doc;
    }

    /**
     * The top-level fields, or empty when the file is empty, not valid YAML, or not a mapping (a
     * problem then says so).
     */
    public Optional<YamlFields> fields() {
        if (root == null) {
            return Optional.empty();
        }
        if (root instanceof Mapping m) {
            return Optional.of(new YamlFields(this, "", m));
        }
        problem(root.at(), "expected fields, one 'field: value' per line, found " + root.describe());
        return Optional.empty();
    }

    /** Adds "FILE, line L, column C: message" to the problems. */
    public void problem(Location at, String message) {
        problems.add(new Problem(at.line(), at.column(), file + ", line " + at.line() + ", column " + at.column() + ": " + message));
    }

    /** Every problem found so far, in file order. */
    public List<String> problems() {
        return problems.stream().sorted(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column))
                .map(Problem::text).toList();
    }

    /** The node at the parser's current token; {@code path} names it in messages ("set.", "datasets[2]."). */
    private Node node(JsonParser p, String path) throws IOException {
        Location at = location(p);
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, Entry> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    Location keyAt = location(p);
                    p.nextToken();
                    Node value = node(p, path + key + ".");
                    Entry first = entries.get(key);
                    if (first != null) {
                        problem(keyAt, "'" + path + key + "' is given twice (first on line " + first.keyAt().line()
                                + "); give each field once");
                    } else {
                        entries.put(key, new Entry(key, keyAt, value));
                    }
                }
                return new Mapping(entries, at);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(p, path.substring(0, Math.max(0, path.length() - 1)) + "[" + (items.size() + 1) + "]."));
                }
                return new Sequence(items, at);
            }
            case VALUE_NUMBER_INT:
                return new Scalar(p.getNumberValue(), p.getText(), t, at);
            case VALUE_NUMBER_FLOAT:
                return new Scalar(p.getDoubleValue(), p.getText(), t, at);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new Scalar(t == JsonToken.VALUE_TRUE, p.getText(), t, at);
            case VALUE_NULL:
                return new Scalar(null, p.getText(), t, at);
            default:
                if (p instanceof YAMLParser y && y.isCurrentAlias()) {
                    // Jackson reports an alias (*name) as the text "name": refuse it rather than read the wrong value
                    problem(at, (path.isEmpty() ? "" : path.substring(0, path.length() - 1) + ": ") + "the alias *" + p.getText()
                            + " is not supported here; write the value out");
                }
                return new Scalar(p.getText(), p.getText(), JsonToken.VALUE_STRING, at);
        }
    }

    private static Location location(JsonParser p) {
        JsonLocation l = p.currentTokenLocation();
        return new Location(l.getLineNr(), l.getColumnNr());
    }

    /** A syntax error as "FILE, line L, column C: not valid YAML: what SnakeYAML found", with a hint for tabs. */
    private void syntaxProblem(JsonProcessingException e) {
        Throwable cause = e.getCause();
        if (cause instanceof MarkedYAMLException m && m.getProblemMark() != null) {
            String what = m.getProblem();
            if (what != null && what.contains("\\t")) {
                what = "a tab character; YAML indents with spaces only";
            } else if (m.getContext() != null && m.getContextMark() != null) {
                what += " (" + m.getContext() + " that starts on line " + (m.getContextMark().getLine() + 1) + ", column "
                        + (m.getContextMark().getColumn() + 1) + ")";
            }
            problem(new Location(m.getProblemMark().getLine() + 1, m.getProblemMark().getColumn() + 1), "not valid YAML: " + what);
            return;
        }
        JsonLocation l = e.getLocation();
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().split("\n")[0];
        if (l != null && l.getLineNr() > 0) {
            problem(new Location(l.getLineNr(), l.getColumnNr()), "not valid YAML: " + message);
        } else {
            problems.add(new Problem(0, 0, file + " is not valid YAML: " + message));
        }
    }
}
