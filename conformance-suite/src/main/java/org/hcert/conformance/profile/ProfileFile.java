package org.hcert.conformance.profile;

import java.nio.file.Path;

/**
 * The file a profile was read from and the SHA-256 of its bytes, for the certificate.
 *
 * @param path the file as given on the command line
 * @param sha256 lower-case hex SHA-256 of the file's bytes
 */
public record ProfileFile(Path path, String sha256) {}
