package dev.ganiqa.datasets;

import java.nio.ByteBuffer;
import java.security.MessageDigest;

/**
 * The sha256 of a dataset's content as read: its shape and size, then every image's pixels followed by its
 * label, in dataset order. Two sources with the same images and labels have the same checksum whatever their
 * paths or file names; one changed pixel or label changes it. It names the data of a comparison in its
 * provenance (results.json); cached statistics and features are keyed by {@link ImageSet#checksum()} instead, which
 * covers images at their own sizes as a folder holds them.
 */
public final class DatasetChecksum {
    private DatasetChecksum() {
    }

    public static String of(ImageDataset data) {
        MessageDigest sha = Sha256.newDigest();
        ByteBuffer header = ByteBuffer.allocate(16);
        header.putInt(data.shape().height()).putInt(data.shape().width()).putInt(data.shape().channels())
                .putInt(data.size());
        sha.update(header.array());
        ByteBuffer label = ByteBuffer.allocate(4);
        for (int i = 0; i < data.size(); i++) {
            sha.update(data.image(i));
            label.clear();
            sha.update(label.putInt(data.label(i)).array());
        }
        return Sha256.hex(sha);
    }
}
