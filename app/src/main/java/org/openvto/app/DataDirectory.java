package org.openvto.app;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The VTO's data directory: the SQLite database, the device key and a lock file. Holding the lock
 * keeps a second OpenVTO (or {@code openvto init}) from using the same directory at the same time.
 * The device key is created once, written to a temporary file, synced and atomically renamed, so a
 * crash never leaves a partial key.
 */
final class DataDirectory implements AutoCloseable {
    private static final String KEY_FILE = "device.key";
    private final Path path;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDirectory(Path path, FileChannel lockChannel, FileLock lock) {
        this.path = path;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    static DataDirectory open(Path dir) throws IOException {
        Path path = dir.toAbsolutePath().normalize();
        Files.createDirectories(path);
        if (isPosix()) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
        }
        FileChannel channel =
                FileChannel.open(path.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("data directory " + path + " is in use by another running OpenVTO");
        }
        return new DataDirectory(path, channel, lock);
    }

    Path path() {
        return path;
    }

    /** The 32-byte device key, created on first use. */
    byte[] deviceKey() throws IOException {
        Path key = path.resolve(KEY_FILE);
        if (Files.exists(key)) {
            byte[] bytes = Files.readAllBytes(key);
            if (bytes.length != 32) {
                throw new IllegalStateException(key + " is damaged (expected 32 bytes, found " + bytes.length + ")");
            }
            return bytes;
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        Path tmp = path.resolve(KEY_FILE + ".tmp");
        try (FileChannel out = FileChannel.open(
                tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(java.nio.ByteBuffer.wrap(bytes));
            out.force(true);
        }
        if (isPosix()) {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        }
        try {
            Files.move(tmp, key, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, key);
        }
        try (FileChannel dirChannel = FileChannel.open(path, StandardOpenOption.READ)) {
            dirChannel.force(true);
        } catch (IOException ignored) {
            // some file systems cannot sync a directory; the rename is still atomic
        }
        return bytes;
    }

    @Override
    public void close() throws IOException {
        lock.release();
        lockChannel.close();
    }

    private static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
