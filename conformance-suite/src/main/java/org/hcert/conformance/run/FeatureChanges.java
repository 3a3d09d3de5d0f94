package org.hcert.conformance.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hcert.conformance.profile.ProfileLoader;

/**
 * How the features a run used differ from the suite bundled with hcert: a feature edited, added or
 * left out is named with its hashes, so a certificate says when its clauses were checked by other
 * scenarios than hcert's own.
 */
public final class FeatureChanges {

    /**
     * One feature that is not as bundled.
     *
     * @param path the feature, relative to the features folder (e.g. {@code safety-and-ethics/emergency-stop.feature})
     * @param change {@code modified}, {@code added} or {@code omitted}
     * @param sha256 the hash of the feature the run used, empty when omitted
     * @param bundledSha256 the hash of the bundled feature, empty when added
     */
    public record Change(String path, String change, String sha256, String bundledSha256) {}

    private FeatureChanges() {}

    /** The changes between the run's features ({@code uri → sha256}, as Cucumber read them) and the bundled suite. */
    public static List<Change> of(Map<String, String> used) {
        Map<String, String> bundled = bundled();
        Map<String, String> usedByPath = new TreeMap<>();
        boolean bundledRun = false;
        for (Map.Entry<String, String> e : used.entrySet()) {
            if (e.getKey().startsWith(FeatureRun.BUNDLED_FEATURES + "/")) {
                bundledRun = true;
                continue;
            }
            usedByPath.put(relative(e.getKey(), bundled), e.getValue());
        }
        List<Change> out = new ArrayList<>();
        if (bundledRun && usedByPath.isEmpty()) {
            return out;
        }
        usedByPath.forEach((path, sha) -> {
            String b = bundled.get(path);
            if (b == null) {
                out.add(new Change(path, "added", sha, ""));
            } else if (!b.equals(sha)) {
                out.add(new Change(path, "modified", sha, b));
            }
        });
        bundled.forEach((path, sha) -> {
            if (!usedByPath.containsKey(path)) {
                out.add(new Change(path, "omitted", "", sha));
            }
        });
        return out;
    }

    /** The path of {@code uri} relative to its features folder: the longest bundled path it ends with, else its file name. */
    private static String relative(String uri, Map<String, String> bundled) {
        String normal = uri.replace('\\', '/');
        return bundled.keySet().stream().filter(p -> normal.endsWith("/" + p)).findFirst()
                .orElse(normal.substring(normal.lastIndexOf('/') + 1));
    }

    /** The bundled features by path relative to the features folder, with their SHA-256. */
    static Map<String, String> bundled() {
        URL url = FeatureChanges.class.getClassLoader().getResource("features");
        if (url == null) {
            return Map.of();
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return hashes(jar.getPath("/features"));
                } catch (java.nio.file.FileSystemAlreadyExistsException e) {
                    return hashes(FileSystems.getFileSystem(uri).getPath("/features"));
                }
            }
            return hashes(Path.of(uri));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled features at " + url, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the bundled features have no usable URI: " + url, e);
        }
    }

    private static Map<String, String> hashes(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".feature")).toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), ProfileLoader.sha256(Files.readAllBytes(p)));
            }
        }
        return out;
    }
}
