package org.clientela.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every Russian message has its English twin and the other way round, in every bundle. */
class MessageBundlesInSyncTest {

    @Test
    void russianAndEnglishBundlesHaveTheSameKeys() throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Resource[] bundles = resolver.getResources("classpath:i18n/*.properties");
        int pairs = 0;
        for (Resource russian : bundles) {
            String name = russian.getFilename();
            if (name == null || name.contains("_")) {
                continue;
            }
            Resource english = resolver.getResource("classpath:i18n/" + name.replace(".properties", "_en.properties"));
            assertThat(english.exists()).as("English twin of %s", name).isTrue();
            Set<String> ru = keys(russian);
            Set<String> en = keys(english);
            assertThat(en).as("keys of %s missing in English", name).containsAll(ru);
            assertThat(ru).as("keys of %s missing in Russian", name).containsAll(en);
            pairs++;
        }
        assertThat(pairs).isGreaterThanOrEqualTo(3);
    }

    private static Set<String> keys(Resource bundle) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(bundle.getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
