package org.afannotator.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM running a main class from the test classpath, with its stdout and stderr collected
 * line by line as they arrive (lines written before a SIGKILL are still read from the pipe).
 */
final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final List<String> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();
    private final CountDownLatch outDone = new CountDownLatch(1);
    private final CountDownLatch errDone = new CountDownLatch(1);

    private ChildJvm(Process process) {
        this.process = process;
        pump(process.getInputStream(), out, outDone);
        pump(process.getErrorStream(), err, errDone);
    }

    /** Starts {@code java -cp <test classpath> mainClass args} with the data folder in {@code dataDir}. */
    static ChildJvm start(Class<?> mainClass, Path dataDir, String... args) {
        return start(mainClass, dataDir, List.of(), args);
    }

    /** As {@link #start(Class, Path, String...)}, with more JVM options (such as {@code -Dname=value}). */
    static ChildJvm start(Class<?> mainClass, Path dataDir, List<String> jvmOptions, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        // The child does little work; C1 only starts faster and keeps the two cores free.
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-Dafannotator.data=" + dataDir);
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass.getName());
        cmd.addAll(List.of(args));
        try {
            return new ChildJvm(new ProcessBuilder(cmd).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + cmd.get(0), e);
        }
    }

    /** SIGKILL on Linux and macOS: no shutdown hooks, no finally blocks, no flush. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        drained();
    }

    /** Sends a signal by name ({@code INT}, {@code TERM}) with {@code kill}, as a terminal's Ctrl+C would. */
    void signal(String name) throws IOException, InterruptedException {
        Process k = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
        if (k.waitFor() != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    /** Waits until a stderr line matches {@code test}, or the child ends; returns the line or null. */
    String awaitErr(java.util.function.Predicate<String> test, long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < end) {
            for (String line : err()) {
                if (test.test(line)) {
                    return line;
                }
            }
            if (!process.isAlive()) {
                return null;
            }
            Thread.sleep(2);
        }
        return null;
    }

    /** Waits for a normal end; returns the exit code. */
    int waitFor(long timeout, TimeUnit unit) throws InterruptedException {
        if (!process.waitFor(timeout, unit)) {
            process.destroyForcibly();
            throw new IllegalStateException("child did not end within " + timeout + " " + unit + "; stderr: " + err());
        }
        drained();
        return process.exitValue();
    }

    /** Waits until stdout holds at least {@code n} lines starting with {@code prefix}, or the child ends. */
    boolean awaitLines(String prefix, int n, long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < end) {
            if (count(prefix) >= n) {
                return true;
            }
            if (!process.isAlive()) {
                drained();
                return count(prefix) >= n;
            }
            Thread.sleep(2);
        }
        return false;
    }

    List<String> out() {
        synchronized (out) {
            return List.copyOf(out);
        }
    }

    List<String> err() {
        synchronized (err) {
            return List.copyOf(err);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private long count(String prefix) {
        synchronized (out) {
            return out.stream().filter(l -> l.startsWith(prefix)).count();
        }
    }

    private void drained() throws InterruptedException {
        outDone.await(10, TimeUnit.SECONDS);
        errDone.await(10, TimeUnit.SECONDS);
    }

    private static void pump(java.io.InputStream in, List<String> sink, CountDownLatch done) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (sink) {
                        sink.add(line);
                    }
                }
            } catch (IOException e) {
                // the pipe closes when the child dies; what was read is kept
            } finally {
                done.countDown();
            }
        }, "child-pump");
        t.setDaemon(true);
        t.start();
    }
}
