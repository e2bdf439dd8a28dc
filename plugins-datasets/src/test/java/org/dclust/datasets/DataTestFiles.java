package org.dclust.datasets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

/** Writes small data files for tests: .npy, .npz, bzip2, text. */
final class DataTestFiles {
    private DataTestFiles() {
    }

    /**
     * A version 1 .npy file of the given type ("<f4", "<f8", "|u1", "<i8", ">f4", "|b1"...) and shape,
     * C order, holding {@code values} converted to that type.
     */
    static byte[] npy(String descr, int[] shape, double... values) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            s.append(i > 0 ? ", " : "").append(shape[i]);
        }
        s.append(shape.length == 1 ? ",)" : ")");
        return npyWithHeader("{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + s + ", }", descr, values);
    }

    /** A .npy file with the given header dictionary text, its body encoded as {@code descr}. */
    static byte[] npyWithHeader(String dict, String descr, double... values) {
        int width = descr.charAt(2) - '0';
        String header = dict;
        int total = 10 + header.length() + 1;
        int pad = (64 - total % 64) % 64;
        header = header + " ".repeat(pad) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + values.length * width);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        b.order(ByteOrder.LITTLE_ENDIAN).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.ISO_8859_1));
        b.order(descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            switch (descr.substring(1)) {
                case "f4" -> b.putFloat((float) v);
                case "f8" -> b.putDouble(v);
                case "u1", "i1", "b1" -> b.put((byte) v);
                case "i2", "u2" -> b.putShort((short) v);
                case "i4", "u4" -> b.putInt((int) v);
                case "i8", "u8" -> b.putLong((long) v);
                default -> throw new IllegalArgumentException(descr);
            }
        }
        return b.array();
    }

    /** A .npz archive of the given arrays (name without .npy; a name with a dot is taken as is), stored or deflated. */
    static byte[] npz(boolean compressed, Map<String, byte[]> arrays) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> a : arrays.entrySet()) {
                ZipEntry e = new ZipEntry(a.getKey().contains(".") ? a.getKey() : a.getKey() + ".npy");
                if (!compressed) {
                    CRC32 crc = new CRC32();
                    crc.update(a.getValue());
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(a.getValue().length);
                    e.setCompressedSize(a.getValue().length);
                    e.setCrc(crc.getValue());
                }
                zip.putNextEntry(e);
                zip.write(a.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The bytes bzip2-compressed. */
    static byte[] bzip2(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BZip2CompressorOutputStream bz = new BZip2CompressorOutputStream(out)) {
            bz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** UTF-8 bytes of the text. */
    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Writes {@code bytes} to {@code dir/name}, creating folders, and returns the path. */
    static Path write(Path dir, String name, byte[] bytes) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            return Files.write(p, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
