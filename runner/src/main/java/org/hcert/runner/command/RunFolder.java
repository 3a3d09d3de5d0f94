package org.hcert.runner.command;

import org.hcert.runner.report.CertificatePdf;
import org.hcert.runner.report.ReportHistory;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hcert.runner.UsageException;

/**
 * The {@code --out} folder of one certification run, which the run owns. At the start it is
 * claimed: a folder holding files hcert does not write is refused, one holding another run's
 * outputs is refused unless the user said {@code --force}, and then every output of that run is
 * removed before anything is written, so that no old report, certificate or recording can stand
 * beside the new ones. Small files are written to a temporary name and renamed into place, the
 * certificate last: a run that crashes or finds the disk full leaves no certificate, and a
 * certificate that is there is whole. Every failure to write names the path (exit 2).
 */
final class RunFolder {

    /** Every name a run writes in its folder, the temporary ones included. */
    static final Set<String> OUTPUTS = Set.of("allure-results", "report", "certificate.json", "hcert.log", "session.mcap",
            Manifest.FILE, Manifest.SIGNATURE_FILE, "report.partial", "certificate.json.partial", Manifest.FILE + ".partial",
            Manifest.SIGNATURE_FILE + ".partial", CertificatePdf.FILE, CertificatePdf.FILE + ".partial",
            ReportHistory.FOLDER);

    private final Path dir;

    private RunFolder(Path dir) {
        this.dir = dir;
    }

    /**
     * Claim {@code dir} for a run: create it, or empty it of a previous run's outputs when
     * {@code force} is given.
     *
     * @throws UsageException naming the folder and what is in the way
     */
    static RunFolder claim(Path dir, boolean force) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageException("--out %s: a file, not a folder; name a folder for the report".formatted(dir));
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UsageException("--out %s: cannot create the folder: %s".formatted(dir, why(e)));
        }
        List<String> previous = new ArrayList<>();
        List<String> foreign = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path e : entries) {
                String name = e.getFileName().toString();
                (OUTPUTS.contains(name) || name.endsWith(".partial") ? previous : foreign).add(name);
            }
        } catch (IOException e) {
            throw new UsageException("--out %s: cannot read the folder: %s".formatted(dir, why(e)));
        }
        previous.sort(null);
        foreign.sort(null);
        if (!foreign.isEmpty()) {
            throw new UsageException(("--out %s holds files hcert does not write (%s); a run owns its folder and would leave "
                    + "them beside its report: name an empty folder or one of hcert's").formatted(dir, String.join(", ", foreign)));
        }
        if (!previous.isEmpty() && !force) {
            throw new UsageException(("--out %s holds another run's outputs (%s); give --force to remove them and write this "
                    + "run's, or name another folder").formatted(dir, String.join(", ", previous)));
        }
        for (String name : previous) {
            delete(dir.resolve(name));
        }
        if (!Files.isWritable(dir)) {
            throw new UsageException("--out %s: the folder is not writable".formatted(dir));
        }
        return new RunFolder(dir);
    }

    Path dir() {
        return dir;
    }

    Path resolve(String name) {
        return dir.resolve(name);
    }

    /**
     * Write {@code bytes} to {@code name} whole or not at all: to a temporary name first, forced to
     * the disk, then renamed.
     *
     * @throws UsageException naming the file when it cannot be written (a full disk, no permission)
     */
    Path writeWhole(String name, byte[] bytes) {
        return publish(stage(name, bytes), name);
    }

    /**
     * Write {@code bytes} under the temporary name of {@code name} ({@code name.partial}), forced
     * to the disk; {@link #publish} gives it its name.
     *
     * @throws UsageException naming the file when it cannot be written
     */
    Path stage(String name, byte[] bytes) {
        Path partial = dir.resolve(name + ".partial");
        try {
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(partial, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.TRUNCATE_EXISTING, java.nio.file.StandardOpenOption.WRITE)) {
                java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            return partial;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the message below names the file that could not be written
            }
            throw new UsageException("cannot write %s: %s; no certificate was written".formatted(dir.resolve(name), why(e)));
        }
    }

    /**
     * Rename a staged file to {@code name} in one step.
     *
     * @throws UsageException naming the file when the file system cannot
     */
    Path publish(Path staged, String name) {
        try {
            return rename(staged, dir.resolve(name));
        } catch (IOException e) {
            throw new UsageException("cannot write %s: %s; no certificate was written".formatted(dir.resolve(name), why(e)));
        }
    }

    /**
     * Rename {@code from} to {@code to} in one step.
     *
     * @throws IOException when the file system cannot
     */
    static Path rename(Path from, Path to) throws IOException {
        try {
            return Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            return Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void delete(Path p) {
        try (Stream<Path> all = Files.walk(p)) {
            for (Path q : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        } catch (IOException e) {
            throw new UsageException("--out: cannot remove %s of the previous run: %s".formatted(p, why(e)));
        }
    }

    static String why(IOException e) {
        String m = e.getMessage();
        String kind = e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return m == null ? kind : e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                : kind.isEmpty() || kind.equals("i o") ? m : kind + ": " + m;
    }
}
