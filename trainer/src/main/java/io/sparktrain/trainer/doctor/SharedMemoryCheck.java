package io.sparktrain.trainer.doctor;

import java.io.File;

/**
 * Aeron maps its buffers as files in /dev/shm: per JVM at least one publication and one image,
 * each three term buffers of 32 MiB (DL4J's {@code aeron.term.buffer.length}), plus a control
 * file. Docker's default /dev/shm of 64 MiB is too small, and killed runs leave folders behind.
 */
final class SharedMemoryCheck implements Check {
    static final long TERM_BUFFER_BYTES = 32 * Bytes.MIB;
    static final long PER_JVM_BYTES = 2 * 3 * TERM_BUFFER_BYTES + 8 * Bytes.MIB;

    private final File directory;
    private final int jvms;

    /**
     * @param directory where Aeron puts its folders (AeronSettings.sharedMemoryDir())
     * @param jvms      Aeron JVMs on this machine at once
     */
    SharedMemoryCheck(File directory, int jvms) {
        this.directory = directory;
        this.jvms = jvms;
    }

    @Override
    public String name() {
        return "shared memory";
    }

    @Override
    public CheckResult run() {
        long free = directory.getUsableSpace();
        long need = jvms * PER_JVM_BYTES;
        String found = directory + " has " + Bytes.format(free) + " free; Aeron needs ~" + Bytes.format(need) + " ("
                + jvms + " JVM(s) x " + Bytes.format(PER_JVM_BYTES) + ")";
        String fix = "free space in " + directory + " (folders aeron-sparktrain-* of killed runs can go when no job runs),"
                + " or enlarge it (docker run --shm-size=1g)";
        if (free < need) {
            return CheckResult.fail(found + ": Aeron fails to map its buffers", fix);
        }
        if (free < 2 * need) {
            return CheckResult.warn(found + ": little room to spare", fix);
        }
        return CheckResult.ok(found);
    }
}
