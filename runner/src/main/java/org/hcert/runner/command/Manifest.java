package org.hcert.runner.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hcert.conformance.profile.ProfileFile;
import org.hcert.runner.UsageException;

/**
 * The integrity manifest of a report folder ({@value #FILE}): the SHA-256 and size of every file
 * in the folder, and the SHA-256 of the recordings, profiles and feature files the run used, signed
 * with the lab's Ed25519 key in {@value #SIGNATURE_FILE} (base64 of the signature over the
 * manifest's bytes). {@code hcert verify} checks a folder against it offline.
 */
final class Manifest {

    static final String FILE = "manifest.json";
    static final String SIGNATURE_FILE = "manifest.sig";
    static final String SCHEMA = "hcert/manifest/v1";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private Manifest() {}

    /** What a run used from outside its folder. */
    record Inputs(List<ProfileFile> recordings, List<ProfileFile> profiles, Map<String, String> featureSha256) {}

    /**
     * The manifest of {@code dir} as it is now, with {@code extra} files (name in the folder to the
     * file whose bytes it will hold, e.g. the certificate still under its temporary name).
     */
    static byte[] build(Path dir, Map<String, Path> extra, Inputs inputs, String hcertVersion, String runId, String signer) {
        ObjectNode m = JsonNodeFactory.instance.objectNode().put("schema", SCHEMA).put("hcertVersion", hcertVersion)
                .put("runId", runId).put("signedBy", signer);
        ArrayNode files = m.putArray("folder");
        Map<String, Path> all = new TreeMap<>(folderFiles(dir));
        all.putAll(extra);
        all.forEach((name, file) -> files.addObject().put("path", name).put("sha256", FileHashes.sha256(file)).put("bytes", size(file)));
        ArrayNode recordings = m.putArray("recordings");
        inputs.recordings().forEach(r -> recordings.addObject().put("path", r.path().toString()).put("sha256", r.sha256()));
        ArrayNode profiles = m.putArray("profiles");
        inputs.profiles().forEach(p -> profiles.addObject().put("path", p.path().toString()).put("sha256", p.sha256()));
        ArrayNode features = m.putArray("features");
        new TreeMap<>(inputs.featureSha256()).forEach((path, sha) -> features.addObject().put("path", path).put("sha256", sha));
        try {
            return JSON.writeValueAsBytes(m);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The files of a report folder by their path in it ({@code /} separated), the manifest, its
     * signature and files still under a temporary name left out.
     */
    static Map<String, Path> folderFiles(Path dir) {
        Map<String, Path> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String name = dir.relativize(p).toString().replace(java.io.File.separatorChar, '/');
                if (!name.equals(FILE) && !name.equals(SIGNATURE_FILE) && !name.endsWith(".partial")) {
                    out.put(name, p);
                }
            }
        } catch (IOException e) {
            throw new UsageException("cannot read the report folder %s: %s".formatted(dir, RunFolder.why(e)));
        }
        return out;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UsageException("cannot read %s: %s".formatted(file, RunFolder.why(e)));
        }
    }

    /** What {@link #verify} found. */
    record Verification(boolean signatureValid, String signatureNote, List<String> changed, List<String> missing, List<String> added,
            List<String> inputsChanged, List<String> inputsUnavailable, int intact) {

        boolean passed() {
            return signatureValid && changed.isEmpty() && missing.isEmpty() && added.isEmpty() && inputsChanged.isEmpty();
        }
    }

    /**
     * Check {@code dir} against its manifest and the manifest's signature against {@code key}:
     * every file listed must be there with its hash, no other file may be there, and the recordings
     * and profiles the manifest names are checked where they are found (one not found is said, not
     * counted as changed: a reviewer may hold the report folder alone).
     *
     * @throws UsageException when the folder has no manifest or it cannot be read
     */
    static Verification verify(Path dir, PublicKey key) {
        Path manifestFile = dir.resolve(FILE);
        if (!Files.isRegularFile(manifestFile)) {
            throw new UsageException("%s: no %s; this folder is not a report hcert wrote, or its run did not finish".formatted(dir, FILE));
        }
        byte[] bytes;
        JsonNode m;
        try {
            bytes = Files.readAllBytes(manifestFile);
            m = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UsageException("cannot read %s: %s".formatted(manifestFile, RunFolder.why(e)));
        }
        if (!SCHEMA.equals(m.path("schema").asText())) {
            throw new UsageException("%s: not an hcert manifest (schema %s)".formatted(manifestFile, m.path("schema")));
        }
        boolean valid;
        String note;
        Path sig = dir.resolve(SIGNATURE_FILE);
        if (!Files.isRegularFile(sig)) {
            valid = false;
            note = "the manifest is not signed (no %s): its hashes prove nothing against a deliberate change".formatted(SIGNATURE_FILE);
        } else {
            byte[] signature;
            try {
                signature = Base64.getMimeDecoder().decode(Files.readString(sig, StandardCharsets.US_ASCII).strip());
            } catch (IOException | IllegalArgumentException e) {
                signature = new byte[0];
            }
            valid = SigningKeys.verify(key, bytes, signature);
            String fp = SigningKeys.fingerprint(key);
            note = valid ? "signature valid, by the key %s".formatted(fp)
                    : "signature INVALID for the key %s (the manifest names the signer %s)".formatted(fp, m.path("signedBy").asText());
        }
        List<String> changed = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        int intact = 0;
        Map<String, Path> present = folderFiles(dir);
        for (JsonNode f : m.path("folder")) {
            String name = f.path("path").asText();
            Path file = present.remove(name);
            if (file == null) {
                missing.add(name);
            } else if (!FileHashes.sha256(file).equals(f.path("sha256").asText())) {
                changed.add(name);
            } else {
                intact++;
            }
        }
        List<String> added = new ArrayList<>(present.keySet());
        List<String> inputsChanged = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        for (String section : List.of("recordings", "profiles")) {
            for (JsonNode f : m.path(section)) {
                Path p = Path.of(f.path("path").asText());
                if (!Files.isRegularFile(p)) {
                    unavailable.add(p.toString());
                } else if (!FileHashes.sha256(p).equals(f.path("sha256").asText())) {
                    inputsChanged.add(p.toString());
                }
            }
        }
        return new Verification(valid, note, changed, missing, added, inputsChanged, unavailable, intact);
    }
}
