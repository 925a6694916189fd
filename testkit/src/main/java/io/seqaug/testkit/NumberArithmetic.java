package io.seqaug.testkit;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds compiled code that does arithmetic between an {@code NDArray} and a Java number
 * ({@code x.div(2f)}, {@code x.maximum(1e-8f)}, {@code x.muli(-1e9f)}, {@code NDArrays.sub(1f, x)}).
 *
 * <p>DJL's PyTorch engine carries the number in as a one-value array that wraps a Java direct buffer
 * without copying it, and closes that array as soon as the operation returns. Autograd keeps the
 * value for the backward pass of division, powers, maxima and minima; once the garbage collector frees
 * the buffer, the backward pass reads freed memory and the gradients turn to NaN or to garbage, now
 * and then, depending on when the collector runs. Such code passes most test runs and fails some, and a
 * long training run diverges or goes silently wrong. The remedy is {@code Tensors.constant}, whose
 * one-value array lives as long as the array it is combined with. Comparisons with a number
 * ({@code ids.gt(0)}) are allowed: they have no backward pass.
 *
 * <p>The search reads the constant pools of class files: a class that calls such a method names it
 * there, whichever path the call is on.
 */
public final class NumberArithmetic {

    /** The array interface, and the static helpers that forward a number to it. */
    private static final Set<String> OWNERS = Set.of("ai/djl/ndarray/NDArray", "ai/djl/ndarray/NDArrays");

    /** Methods of {@code NDArray} (and {@code NDArrays}) that wrap a number argument into a short-lived engine array. */
    private static final Set<String> ARITHMETIC = Set.of("add", "addi", "sub", "subi", "mul", "muli", "div", "divi",
            "mod", "modi", "pow", "powi", "maximum", "maximumi", "minimum", "minimumi", "rsub", "rsubi", "rdiv",
            "rdivi", "rmod", "rmodi", "rpow", "rpowi");

    private NumberArithmetic() {}

    /**
     * Where the code that a class was loaded from (its jar or class folder) does arithmetic with a number.
     *
     * @param anyClass a class of that code
     * @return one {@code class calls NDArray.method(Number)} (or {@code NDArrays.method}) line per use, sorted; empty when there is none
     */
    public static List<String> usesIn(Class<?> anyClass) {
        try {
            return usesIn(Path.of(anyClass.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot locate the code of " + anyClass.getName(), e);
        }
    }

    /**
     * Where the class files in a folder or jar do arithmetic with a number.
     *
     * @param code a class folder or a jar
     * @return one {@code class calls NDArray.method(Number)} line per use, sorted
     */
    public static List<String> usesIn(Path code) {
        Set<String> out = new TreeSet<>();
        try {
            if (Files.isDirectory(code)) {
                try (Stream<Path> files = Files.walk(code)) {
                    for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                        out.addAll(usesInClass(Files.readAllBytes(file)));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(code.toFile())) {
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                        JarEntry entry = e.nextElement();
                        if (entry.getName().endsWith(".class")) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                out.addAll(usesInClass(in.readAllBytes()));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class files in " + code, e);
        }
        return new ArrayList<>(out);
    }

    /**
     * The uses in one class file.
     *
     * @param classFile the bytes of a class file
     * @return one line per method used
     * @throws IOException when the bytes are not a class file
     */
    static List<String> usesInClass(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNames = new int[count];
        int[][] references = new int[count][];
        int[][] nameAndTypes = new int[count][];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classNames[i] = in.readUnsignedShort();
                case 10, 11 -> references[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                case 12 -> nameAndTypes[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                case 3, 4, 9, 17, 18 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++; // eight-byte constants take two entries
                }
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant-pool tag " + tag);
            }
        }
        in.readUnsignedShort(); // access flags
        String self = utf8[classNames[in.readUnsignedShort()]].replace('/', '.');
        List<String> out = new ArrayList<>();
        for (int[] ref : references) {
            if (ref == null || !OWNERS.contains(utf8[classNames[ref[0]]])) {
                continue;
            }
            String owner = utf8[classNames[ref[0]]].substring("ai/djl/ndarray/".length());
            String name = utf8[nameAndTypes[ref[1]][0]];
            String descriptor = utf8[nameAndTypes[ref[1]][1]];
            String parameters = descriptor.substring(1, descriptor.indexOf(')'));
            if (ARITHMETIC.contains(name) && parameters.contains("Ljava/lang/Number;")) {
                out.add(self + " calls " + owner + "." + name + "(Number)");
            }
        }
        return out;
    }
}
