package io.sparktrain.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException.Missing;
import com.typesafe.config.ConfigException.WrongType;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.sparktrain.trainer.model.ConfigChoice;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads typed values out of a HOCON config and collects every problem instead of stopping at the
 * first: wrong type, value out of range, value not among the allowed ones, missing key, and keys
 * nobody reads (typos). Each problem names the full key path, e.g. {@code model.layers[2].units}.
 *
 * <p>A reader for a nested object or list element shares the problem list of its parent, so one
 * {@link #finish()} on the root reports everything.
 */
public final class ConfigReader {
    private final Config config;
    private final Config userConfig;
    private final String prefix;
    private final List<String> problems;
    private final Set<String> read = new TreeSet<>();
    private final Set<String> passThrough = new TreeSet<>();
    private final List<ConfigReader> children = new ArrayList<>();

    /**
     * @param config     the resolved config, user values over defaults
     * @param userConfig what the user wrote (file and overrides), checked for unknown keys
     */
    public ConfigReader(Config config, Config userConfig) {
        this(config, userConfig, "", new ArrayList<>());
    }

    private ConfigReader(Config config, Config userConfig, String prefix, List<String> problems) {
        this.config = config;
        this.userConfig = userConfig;
        this.prefix = prefix;
        this.problems = problems;
    }

    /** The full path of a key under this reader, as the user would write it. */
    public String path(String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }

    /** Records a problem found by cross-field validation; {@code key} is relative to this reader. */
    public void problem(String key, String message) {
        problems.add(path(key) + ": " + message);
    }

    /**
     * Problems found so far by this reader and every reader sharing its list (not counting unknown
     * keys, which {@link #finish} finds): lets a caller tell whether what it just read is consistent.
     */
    public int problemCount() {
        return problems.size();
    }

    public boolean has(String key) {
        read.add(key);
        return config.hasPath(key);
    }

    public String string(String key) {
        read.add(key);
        try {
            return config.getString(key);
        } catch (Missing e) {
            problem(key, "is required but missing; add it to the config");
        } catch (WrongType e) {
            problem(key, "must be a string, got " + describe(key));
        }
        return "";
    }

    public String optionalString(String key, String fallback) {
        read.add(key);
        return config.hasPath(key) ? string(key) : fallback;
    }

    public int integer(String key, int min, int max) {
        read.add(key);
        try {
            int value = config.getInt(key);
            if (value < min || value > max) {
                problem(key, "is " + value + "; allowed: " + range(min, max));
            }
            return value;
        } catch (Missing e) {
            problem(key, "is required but missing; add an integer " + range(min, max));
        } catch (WrongType | com.typesafe.config.ConfigException.BadValue e) {
            problem(key, "must be an integer " + range(min, max) + ", got " + describe(key));
        }
        return min;
    }

    public long longInteger(String key) {
        read.add(key);
        try {
            return config.getLong(key);
        } catch (Missing e) {
            problem(key, "is required but missing; add an integer");
        } catch (WrongType e) {
            problem(key, "must be an integer, got " + describe(key));
        }
        return 0;
    }

    public double decimal(String key, double min, double max) {
        read.add(key);
        try {
            double value = config.getDouble(key);
            if (!(value >= min && value <= max)) {
                problem(key, "is " + value + "; allowed: " + min + " to " + max);
            }
            return value;
        } catch (Missing e) {
            problem(key, "is required but missing; add a number from " + min + " to " + max);
        } catch (WrongType e) {
            problem(key, "must be a number from " + min + " to " + max + ", got " + describe(key));
        }
        return min;
    }

    public boolean bool(String key) {
        read.add(key);
        try {
            return config.getBoolean(key);
        } catch (Missing e) {
            problem(key, "is required but missing; add true or false");
        } catch (WrongType e) {
            problem(key, "must be true or false, got " + describe(key));
        }
        return false;
    }

    /** A string that must be one of {@code allowed}; returns the first allowed value when it is not. */
    public String oneOf(String key, Collection<String> allowed) {
        String value = string(key);
        if (config.hasPath(key) && !allowed.contains(value)) {
            problem(key, "is '" + value + "'; allowed: " + String.join(", ", allowed));
            return allowed.iterator().next();
        }
        return value;
    }

    /** One of an enum's constants, named in the config by its {@link ConfigChoice#configName()}. */
    public <E extends Enum<E> & ConfigChoice> E choice(String key, Class<E> type) {
        String name = oneOf(key, ConfigChoice.names(type));
        return ConfigChoice.find(type, name).orElse(type.getEnumConstants()[0]);
    }

    public List<String> stringList(String key) {
        read.add(key);
        try {
            return config.getStringList(key);
        } catch (Missing e) {
            problem(key, "is required but missing; add a list of strings");
        } catch (WrongType e) {
            problem(key, "must be a list of strings, got " + describe(key));
        }
        return List.of();
    }

    /** Whether the value at {@code key} is a string (as opposed to a number, list or object). */
    public boolean isString(String key) {
        read.add(key);
        return config.hasPath(key) && config.getValue(key).valueType() == ConfigValueType.STRING;
    }

    /**
     * One integer or a list of integers, each in range: for values such as a kernel size that are
     * written {@code 3} when every dimension is the same and {@code [3, 5]} when they differ.
     */
    public List<Integer> integers(String key, int min, int max) {
        read.add(key);
        String expected = "an integer " + range(min, max) + " or a list of them";
        List<Integer> values;
        try {
            values = config.getValue(key).valueType() == ConfigValueType.LIST
                    ? config.getIntList(key) : List.of(config.getInt(key));
        } catch (Missing e) {
            problem(key, "is required but missing; add " + expected);
            return List.of(min);
        } catch (WrongType | com.typesafe.config.ConfigException.BadValue e) {
            problem(key, "must be " + expected + ", got " + describe(key));
            return List.of(min);
        }
        if (values.stream().anyMatch(v -> v < min || v > max)) {
            problem(key, "is " + values + "; each value allowed: " + range(min, max));
        }
        return values;
    }

    public List<Double> decimalList(String key, double min, double max) {
        read.add(key);
        List<Double> values;
        try {
            values = config.getDoubleList(key);
        } catch (Missing e) {
            problem(key, "is required but missing; add a list of numbers from " + min + " to " + max);
            return List.of();
        } catch (WrongType e) {
            problem(key, "must be a list of numbers from " + min + " to " + max + ", got " + describe(key));
            return List.of();
        }
        if (values.stream().anyMatch(v -> !(v >= min && v <= max))) {
            problem(key, "is " + values + "; each value allowed: " + min + " to " + max);
        }
        return values;
    }

    /**
     * Marks every key under this reader as read, for an object already reported as invalid as a
     * whole (e.g. a layer of unknown type), so its other keys are not reported again as unknown.
     */
    public void ignoreRemainingKeys() {
        read.addAll(userConfig.root().keySet());
        passThrough.addAll(userConfig.root().keySet());
    }

    /** A nested object read with its own reader; its keys are checked like top-level ones. */
    public ConfigReader section(String key) {
        read.add(key);
        Config sub;
        try {
            sub = config.getConfig(key);
        } catch (Missing e) {
            sub = com.typesafe.config.ConfigFactory.empty();
        } catch (WrongType e) {
            problem(key, "must be an object { ... }, got " + describe(key));
            sub = com.typesafe.config.ConfigFactory.empty();
        }
        Config userSub = userConfig.hasPath(key) && userConfig.getValue(key).valueType() == ConfigValueType.OBJECT
                ? userConfig.getConfig(key) : com.typesafe.config.ConfigFactory.empty();
        ConfigReader child = new ConfigReader(sub, userSub, path(key), problems);
        children.add(child);
        return child;
    }

    /** A list of objects, one reader per element with paths like {@code model.layers[2]}. */
    public List<ConfigReader> objectList(String key) {
        read.add(key);
        List<ConfigReader> readers = new ArrayList<>();
        try {
            List<? extends ConfigObject> objects = config.getObjectList(key);
            for (int i = 0; i < objects.size(); i++) {
                Config element = objects.get(i).toConfig();
                ConfigReader child = new ConfigReader(element, element, path(key) + "[" + i + "]", problems);
                children.add(child);
                readers.add(child);
            }
        } catch (Missing e) {
            problem(key, "is required but missing; add a list of objects [ { ... }, ... ]");
        } catch (WrongType e) {
            problem(key, "must be a list of objects [ { ... }, ... ], got " + describe(key));
        }
        return readers;
    }

    /**
     * A free-form map of string values (e.g. Spark properties) whose keys are not checked.
     * Keys may contain dots; they are returned unquoted.
     */
    public Map<String, String> stringMap(String key) {
        read.add(key);
        passThrough.add(key);
        Map<String, String> map = new LinkedHashMap<>();
        if (!config.hasPath(key)) {
            return map;
        }
        try {
            for (Map.Entry<String, ConfigValue> entry : config.getConfig(key).entrySet()) {
                String name = String.join(".", ConfigUtil.splitPath(entry.getKey()));
                Object raw = entry.getValue().unwrapped();
                if (raw instanceof List || raw instanceof Map) {
                    problem(key + "." + ConfigUtil.quoteString(name), "must be a plain value, got a "
                            + entry.getValue().valueType().name().toLowerCase());
                } else {
                    map.put(name, String.valueOf(raw));
                }
            }
        } catch (WrongType e) {
            problem(key, "must be an object of key = value pairs, got " + describe(key));
        }
        return map;
    }

    /**
     * Reports keys the user wrote that no code read (with the closest known key as a hint) and
     * throws if any problem was found anywhere under this reader.
     */
    public void finish(String source) {
        checkUnknownKeys();
        if (!problems.isEmpty()) {
            throw new ConfigException(source, problems);
        }
    }

    private void checkUnknownKeys() {
        for (ConfigReader child : children) {
            child.checkUnknownKeys();
        }
        for (Map.Entry<String, ConfigValue> entry : userConfig.entrySet()) {
            String key = entry.getKey();
            if (!isKnown(key)) {
                problems.add(path(key) + ": unknown key" + suggestion(key));
            }
        }
    }

    private boolean isKnown(String key) {
        for (String known : read) {
            if (key.equals(known) || key.startsWith(known + ".") && (passThrough.contains(known) || isChildSection(known))) {
                return true;
            }
        }
        return false;
    }

    private boolean isChildSection(String key) {
        String full = path(key);
        return children.stream().anyMatch(c -> c.prefix.equals(full));
    }

    private String suggestion(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : knownLeafKeys()) {
            int distance = Levenshtein.distance(key, known);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = known;
            }
        }
        if (best != null && bestDistance <= Math.max(2, key.length() / 3)) {
            return "; did you mean '" + path(best) + "'?";
        }
        return "; every key is listed in trainer/src/main/resources/sparktrain-defaults.conf";
    }

    private Set<String> knownLeafKeys() {
        Set<String> keys = new TreeSet<>(read);
        for (ConfigReader child : children) {
            String relative = prefix.isEmpty() ? child.prefix : child.prefix.substring(prefix.length() + 1);
            if (!relative.contains("[")) {
                for (String key : child.knownLeafKeys()) {
                    keys.add(relative + "." + key);
                }
            }
        }
        return keys;
    }

    private String describe(String key) {
        ConfigValue value = config.getValue(key);
        return value.valueType().name().toLowerCase() + " " + value.render();
    }

    private static String range(int min, int max) {
        if (max == Integer.MAX_VALUE) {
            return ">= " + min;
        }
        return "from " + min + " to " + max;
    }
}
