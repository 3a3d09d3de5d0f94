package org.hcert.runner.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Base64;
import org.hcert.conformance.profile.ProfileFile;
import org.hcert.runner.UsageException;

/**
 * Detached signatures of profiles: {@code FILE.sig} beside {@code FILE}, the base64 Ed25519
 * signature of its bytes by the lab's key ({@code hcert keys sign}). A certification run checks
 * the robot, standard and lab profiles it read against the key it trusts.
 */
final class ProfileSignatures {

    private ProfileSignatures() {}

    static Path signatureOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".sig");
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UsageException("cannot read %s: %s".formatted(file, RunFolder.why(e)));
        }
    }

    /**
     * Check that {@code profile}, as hcert read it (its SHA-256), is the file signed by {@code key}.
     *
     * @throws UsageException naming the profile when it is unsigned, its signature is not by that
     *     key, or the file changed since hcert read it
     */
    static void check(ProfileFile profile, PublicKey key, String fingerprint) {
        Path file = profile.path();
        Path sig = signatureOf(file);
        if (!Files.isRegularFile(sig)) {
            throw new UsageException(("%s is not signed (no %s): a certification run trusts only profiles signed with the lab's key; "
                    + "sign it with hcert keys sign %s --key LAB.key.pem, or run in --mode development").formatted(file, sig.getFileName(), file));
        }
        byte[] bytes = read(file);
        if (!FileHashes.sha256(bytes).equals(profile.sha256())) {
            throw new UsageException("%s changed while hcert read it; run again".formatted(file));
        }
        byte[] signature;
        try {
            signature = Base64.getMimeDecoder().decode(Files.readString(sig, StandardCharsets.US_ASCII).trim());
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageException("%s: not a base64 signature (%s)".formatted(sig, e.getMessage()));
        }
        if (!SigningKeys.verify(key, bytes, signature)) {
            throw new UsageException(("%s: the signature in %s is not valid for this file by the key %s (--profile-key): "
                    + "the profile was changed after it was signed, or signed with another key").formatted(file, sig.getFileName(), fingerprint));
        }
    }
}
