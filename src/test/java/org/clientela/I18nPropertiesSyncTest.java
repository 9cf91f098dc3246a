package org.clientela;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * In the spirit of spring-petclinic's test of the same name: the build fails when a message
 * bundle and its English twin differ in keys, when a template carries human text that does not
 * come from the bundles, or when a template asks for a key no bundle has.
 */
class I18nPropertiesSyncTest {

    private static final Path BUNDLES = Path.of("src/main/resources/i18n");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    /** Text a template may carry as it is: the brand. */
    private static final Set<String> ALLOWED_TEXT = Set.of("Clientela");
    /** Attributes a person reads. */
    private static final List<String> HUMAN_ATTRIBUTES = List.of("placeholder", "title", "alt", "aria-label");
    /** Attributes that replace the content of their element, so its text in the file is never shown. */
    private static final List<String> CONTENT_REPLACING = List.of("th:text", "th:utext", "th:replace", "th:insert",
            "th:remove", "th:errors");
    private static final Set<String> VOID_ELEMENTS = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input",
            "link", "meta", "source", "track", "wbr");

    private static final Pattern TOKEN = Pattern.compile(
            "<!--.*?-->|<!\\[CDATA\\[.*?]]>|<![^>]*>|<(/?)([a-zA-Z][\\w:.-]*)((?:\\s+[^\\s=>/]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s>]+))?)*)\\s*(/?)>|([^<]+)",
            Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile("([^\\s=]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+)))?");
    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([^}(]+)");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");

    @Test
    void everyBundleHasTheSameKeysInRussianAndEnglish() throws IOException {
        Map<String, Path> russian = bundleFiles(false);
        assertThat(russian).as("message bundles under " + BUNDLES).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Path> bundle : russian.entrySet()) {
            Path english = BUNDLES.resolve(bundle.getKey() + "_en.properties");
            if (!Files.exists(english)) {
                problems.add(bundle.getKey() + ": no English twin " + english.getFileName());
                continue;
            }
            Set<String> ru = load(bundle.getValue()).stringPropertyNames();
            Set<String> en = load(english).stringPropertyNames();
            difference(ru, en).forEach(key -> problems.add(bundle.getKey() + ": '" + key + "' missing in English"));
            difference(en, ru).forEach(key -> problems.add(bundle.getKey() + ": '" + key + "' missing in Russian"));
        }
        for (String english : bundleFiles(true).keySet()) {
            if (!russian.containsKey(english)) {
                problems.add(english + "_en: no Russian base file");
            }
        }
        assertThat(problems).as("bundles out of sync").isEmpty();
    }

    @Test
    void noBundleValueIsEmpty() throws IOException {
        List<String> empty = new ArrayList<>();
        for (Path file : allBundleFiles()) {
            Properties properties = load(file);
            properties.stringPropertyNames().stream().filter(key -> properties.getProperty(key).isBlank())
                    .forEach(key -> empty.add(file.getFileName() + ": " + key));
        }
        assertThat(empty).as("keys without text").isEmpty();
    }

    /** Two branches adding the same key in one file: the later silently wins, and a screen changes. */
    @Test
    void noKeyIsDefinedTwiceInABundle() throws IOException {
        List<String> twice = new ArrayList<>();
        for (Path file : allBundleFiles()) {
            Properties counting = new Properties() {
                @Override
                public synchronized Object put(Object key, Object value) {
                    Object previous = super.put(key, value);
                    if (previous != null) {
                        twice.add(file.getFileName() + ": " + key);
                    }
                    return previous;
                }
            };
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                counting.load(reader);
            }
        }
        assertThat(twice).as("keys defined twice").isEmpty();
    }

    @Test
    void templatesCarryNoHardCodedText() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path template : templates()) {
            problems.addAll(hardCodedText(TEMPLATES.relativize(template).toString(), Files.readString(template)));
        }
        assertThat(problems).as("human text in templates that does not come from the bundles").isEmpty();
    }

    @Test
    void templatesUseOnlyKeysTheBundlesHave() throws IOException {
        Set<String> keys = new HashSet<>();
        for (Path file : allBundleFiles()) {
            keys.addAll(load(file).stringPropertyNames());
        }
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher matcher = MESSAGE_KEY.matcher(Files.readString(template));
            while (matcher.find()) {
                String key = matcher.group(1).trim();
                // keys built at run time (#{${...}}, #{__${...}__}) are not checked here
                if (key.contains("$") || key.contains("__") || key.contains("*")) {
                    continue;
                }
                if (!keys.contains(key)) {
                    missing.add(TEMPLATES.relativize(template) + ": #{" + key + "}");
                }
            }
        }
        assertThat(missing).as("message keys used in templates but in no bundle").isEmpty();
    }

    @Test
    void theCheckFindsHardCodedText() {
        assertThat(hardCodedText("t", "<p>Привет</p>")).hasSize(1);
        assertThat(hardCodedText("t", "<input placeholder=\"Name\">")).hasSize(1);
        assertThat(hardCodedText("t", "<a th:attr=\"aria-label=#{x}\" aria-label=\"x\"></a>")).isEmpty();
        assertThat(hardCodedText("t", "<p th:text=\"#{x}\">Привет</p><span>Clientela</span>")).isEmpty();
        assertThat(hardCodedText("t", "<div th:replace=\"~{a :: b}\"><p>text</p></div>")).isEmpty();
        assertThat(hardCodedText("t", "<div><!-- a comment --><br>12 345</div>")).isEmpty();
        assertThat(hardCodedText("t", "<html th:replace=\"~{layout :: layout(~{::title}, ~{::main})}\"><main>Hi</main></html>"))
                .hasSize(1);
    }

    /** Text nodes and human attributes with letters that no {@code th:} attribute replaces. */
    static List<String> hardCodedText(String name, String html) {
        List<String> problems = new ArrayList<>();
        Deque<Element> open = new ArrayDeque<>();
        Matcher token = TOKEN.matcher(html);
        while (token.find()) {
            if (token.group(5) != null) {
                String text = token.group(5).replaceAll("&[a-zA-Z]+;|&#\\d+;", " ").trim();
                boolean replaced = !open.isEmpty() && open.peek().replacedContent();
                boolean code = !open.isEmpty() && Set.of("script", "style").contains(open.peek().name());
                if (!replaced && !code && LETTER.matcher(text).find() && !ALLOWED_TEXT.contains(text)) {
                    problems.add(name + ": text \"" + abbreviate(text) + "\"");
                }
            } else if (token.group(2) != null) {
                String tag = token.group(2).toLowerCase();
                if (!token.group(1).isEmpty()) {
                    while (!open.isEmpty() && !open.pop().name().equals(tag)) {
                        // an element closed implicitly
                    }
                    continue;
                }
                Map<String, String> attributes = attributes(token.group(3));
                for (String attribute : HUMAN_ATTRIBUTES) {
                    String value = attributes.get(attribute);
                    boolean dynamic = attributes.containsKey("th:" + attribute)
                            || attributes.getOrDefault("th:attr", "").matches("(?s).*\\b" + attribute + "\\s*=.*");
                    if (value != null && !dynamic && LETTER.matcher(value).find() && !ALLOWED_TEXT.contains(value)) {
                        problems.add(name + ": " + attribute + "=\"" + abbreviate(value) + "\"");
                    }
                }
                // a page's <html th:replace="~{layout :: layout(~{::title}, ~{::main})}"> shows its own parts
                boolean replaces = !tag.equals("html") && CONTENT_REPLACING.stream().anyMatch(attributes::containsKey);
                boolean parentReplaced = !open.isEmpty() && open.peek().replacedContent();
                if (token.group(4).isEmpty() && !VOID_ELEMENTS.contains(tag)) {
                    open.push(new Element(tag, replaces || parentReplaced));
                }
            }
        }
        return problems;
    }

    private record Element(String name, boolean replacedContent) {
    }

    private static Map<String, String> attributes(String source) {
        Map<String, String> attributes = new TreeMap<>();
        Matcher matcher = ATTRIBUTE.matcher(source);
        while (matcher.find()) {
            String value = matcher.group(2) != null ? matcher.group(2)
                    : matcher.group(3) != null ? matcher.group(3) : matcher.group(4);
            attributes.put(matcher.group(1).toLowerCase(), value == null ? "" : value);
        }
        return attributes;
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 60 ? oneLine.substring(0, 60) + "…" : oneLine;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }

    /** Bundle files by base name ({@code messages}, {@code identity}): the Russian or the English ones. */
    private static Map<String, Path> bundleFiles(boolean english) throws IOException {
        Map<String, Path> files = new TreeMap<>();
        for (Path file : allBundleFiles()) {
            String name = file.getFileName().toString().replaceFirst("\\.properties$", "");
            if (name.endsWith("_en") == english) {
                files.put(english ? name.substring(0, name.length() - 3) : name, file);
            }
        }
        return files;
    }

    private static List<Path> allBundleFiles() throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            return files.filter(file -> file.toString().endsWith(".properties")).sorted().toList();
        }
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(file -> file.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
