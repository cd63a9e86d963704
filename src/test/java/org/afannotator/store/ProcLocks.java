package org.afannotator.store;

import java.nio.file.Files;
import java.nio.file.Path;

/** The POSIX locks this process holds on a file, read from /proc/locks (Linux). */
public final class ProcLocks {
    private ProcLocks() {
    }

    public static boolean readable() {
        return Files.isReadable(Path.of("/proc/locks"));
    }

    /** How many of this process's POSIX locks are on {@code file}. */
    public static long held(Path file) throws Exception {
        long inode = (Long) Files.getAttribute(file, "unix:ino");
        String pid = String.valueOf(ProcessHandle.current().pid());
        return Files.readAllLines(Path.of("/proc/locks")).stream()
                .map(l -> l.trim().split("\\s+"))
                .filter(f -> f.length > 5 && f[1].equals("POSIX") && f[4].equals(pid) && f[5].endsWith(":" + inode))
                .count();
    }
}
