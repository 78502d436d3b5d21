package dev.olaphttp.benchmarks;

import java.io.InputStream;

/** An input stream of a header, a block repeated {@code repeats} times, and a trailer; it allocates nothing. */
final class RepeatingStream extends InputStream {
    private final byte[] header;
    private final byte[] block;
    private final byte[] trailer;
    private long remainingBlocks;
    private byte[] current;
    private int pos;
    private int stage; // 0 header, 1 blocks, 2 trailer, 3 end

    RepeatingStream(byte[] header, byte[] block, long repeats, byte[] trailer) {
        this.header = header;
        this.block = block;
        this.trailer = trailer;
        this.remainingBlocks = repeats;
        this.current = header;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        while (pos == current.length) {
            if (!nextPart()) {
                return -1;
            }
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }

    private boolean nextPart() {
        pos = 0;
        if (stage == 0 || stage == 1) {
            if (remainingBlocks > 0) {
                remainingBlocks--;
                stage = 1;
                current = block;
                return true;
            }
            stage = 2;
            current = trailer;
            return true;
        }
        stage = 3;
        return false;
    }

    @Override
    public int available() {
        return current.length - pos;
    }
}
