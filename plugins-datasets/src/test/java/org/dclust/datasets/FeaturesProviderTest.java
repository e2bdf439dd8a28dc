package org.dclust.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dclust.datasets.DataTestFiles.bzip2;
import static org.dclust.datasets.DataTestFiles.npy;
import static org.dclust.datasets.DataTestFiles.npyWithHeader;
import static org.dclust.datasets.DataTestFiles.npz;
import static org.dclust.datasets.DataTestFiles.text;
import static org.dclust.datasets.DataTestFiles.write;
import static org.dclust.datasets.IdxTestFiles.cut;
import static org.dclust.datasets.IdxTestFiles.gzip;
import static org.dclust.datasets.Loads.load;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeaturesProviderTest {
    static final FeaturesProvider P = new FeaturesProvider();
    static final String CSV = "id_a,b,label\n1,2.5,3\n-1e2, 0 ,0\n\n7,8,1\n";

    @TempDir
    Path dir;

    Dataset csv(String name, byte[] bytes, Object... kv) {
        Path f = write(dir, name, bytes);
        Object[] all = Arrays.copyOf(kv, kv.length + 2);
        all[kv.length] = "path";
        all[kv.length + 1] = f.toString();
        return load(P, all);
    }

    void fails(String name, byte[] bytes, String message, Object... kv) {
        Path f = dir.resolve(name);
        assertThatThrownBy(() -> csv(name, bytes, kv)).isInstanceOf(DclustException.class).hasMessage(f + ": " + message);
    }

    static byte[] bytes(Path p) {
        try {
            return java.nio.file.Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void checkCsv(Dataset d) {
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.sampleShape()).containsExactly(2);
        assertThat(d.values()).containsExactly(1f, 2.5f, -100f, 0f, 7f, 8f);
        // labels 3, 0, 1: three classes, coded 2, 0, 1
        assertThat(d.labels()).containsExactly(2, 0, 1);
        assertThat(d.numClasses()).isEqualTo(3);
        assertThat(d.classes()).containsExactly("0", "1", "3");
    }

    // ---------------------------------------------------------------- CSV

    @Test
    void csvWithHeaderAndALabelColumnByName() {
        Dataset d = csv("emb.csv", text(CSV), "label", "label");
        checkCsv(d);
        assertThat(d.name()).isEqualTo("emb");
    }

    @Test
    void csvPlainGzipAndBzip2ReadAlike() {
        checkCsv(csv("a.csv", text(CSV), "label", "2"));
        checkCsv(csv("b.csv.gz", gzip(text(CSV)), "label", "2"));
        checkCsv(csv("c.csv.bz2", bzip2(text(CSV)), "label", "LABEL"));
        assertThat(bytes(dir.resolve("b.csv.gz"))).startsWith((byte) 0x1f, (byte) 0x8b);
        assertThat(bytes(dir.resolve("c.csv.bz2"))).startsWith((byte) 'B', (byte) 'Z', (byte) 'h');
    }

    @Test
    void csvWithoutHeaderWithClassNamesAndSemicolons() {
        Dataset numbers = csv("f.csv", text("1,2.0\n3,0\n5,10.00\n"), "label", "1");
        assertThat(numbers.labels()).containsExactly(1, 0, 2);
        assertThat(numbers.classes()).containsExactly("0", "2", "10");
        Dataset d = csv("s.txt", text("dog;1;2\ncat;3;4\ndog;5;6\n"), "label", "0");
        assertThat(d.values()).containsExactly(1f, 2f, 3f, 4f, 5f, 6f);
        assertThat(d.labels()).containsExactly(1, 0, 1);
        assertThat(d.numClasses()).isEqualTo(2);
    }

    @Test
    void csvWithTabsQuotesAndSpaces() {
        Dataset t = csv("t.tsv", text("\"x\"\t\"y \"\"q\"\"\"\n\"1.5\"\t2\n"));
        assertThat(t.values()).containsExactly(1.5f, 2f);
        assertThat(t.hasLabels()).isFalse();
        Dataset s = csv("s.txt", text("  1 2   9\n4 5 6  \n"));
        assertThat(s.sampleShape()).containsExactly(3);
        assertThat(s.values()).containsExactly(1f, 2f, 9f, 4f, 5f, 6f);
        Dataset one = csv("one.csv", text("0.5\n0.25\n"), "header", "no");
        assertThat(one.values()).containsExactly(0.5f, 0.25f);
    }

    @Test
    void csvWithASeparateLabelFile() {
        Path labels = write(dir, "labels.txt.bz2", bzip2(text("2\n\n0\n1\n")));
        Dataset d = csv("f.csv", text("1,3\n3,4\n5,6\n"), "labels", labels.toString());
        assertThat(d.labels()).containsExactly(2, 0, 1);
        assertThat(d.values()).containsExactly(1f, 3f, 3f, 4f, 5f, 6f);
        Path npyLabels = write(dir, "labels.npy.gz", gzip(npy("<i8", new int[] {3, 1}, 4, 0, 1)));
        Dataset g = csv("g.csv", text("1,3\n3,4\n5,6\n"), "labels", npyLabels.toString());
        assertThat(g.labels()).containsExactly(2, 0, 1);
        assertThat(g.classes()).containsExactly("0", "1", "4");
        Path short2 = write(dir, "two.txt", text("1\n0\n"));
        Path f = dir.resolve("h.csv");
        assertThatThrownBy(() -> csv("h.csv", text("1,3\n3,4\n5,6\n"), "labels", short2.toString()))
                .isInstanceOf(DclustException.class)
                .hasMessage(short2 + ": holds 2 labels but " + f + " holds 3 samples: the counts must match");
    }

    @Test
    void csvBadCellsAreNamedByLineAndColumn() {
        fails("a.csv", text("a,b\n1,2\n3,x\n"), "line 3, column index 1 ('b'): 'x' is not a number");
        fails("b.csv", text("1,3\n3,NaN\n"), "line 2, column index 1: 'NaN' is not a finite number (NaN and infinite values are not allowed)");
        fails("c.csv", text("1,3\n-inf,3\n"), "line 2, column index 0: '-inf' is not a finite number (NaN and infinite values are not allowed)");
        fails("d.csv", text("1,3\n1e999,3\n"), "line 2, column index 0: '1e999' is not a finite number (NaN and infinite values are not allowed)");
        fails("e.csv", text("1,3\n3,\n"), "line 2, column index 1: the cell is empty; every feature needs a number");
        fails("f.csv", text("1,3\n3\n"), "line 2 has 1 cells, but line 1 has 2; every row needs the same columns");
        fails("g.csv", text("1,2,4\n\n4,5,6,7\n"), "line 3 has 4 cells, but line 1 has 3; every row needs the same columns");
        fails("h.csv", text(""), "holds no data rows (the file is empty)");
        fails("i.csv", text("a,b\n"), "holds no data rows, only the header on line 1");
        fails("j.csv", text("1,\"2\n"), "line 1: a quoted cell is not closed (cells cannot span lines)");
        fails("k.csv", text("0,2\n1,2.5.1\n"), "line 2, column index 1: '2.5.1' is not a number");
        fails("l.csv", text("1,NaN\n2,3\n"), "line 1, column index 1: 'NaN' is not a finite number (NaN and infinite values are not allowed)");
        fails("m.csv", text("1,3.5e39\n"), "line 1, column index 1: '3.5e39' is beyond the range of 32-bit floats (±3.4e38)");
    }

    /** Issue 13's kind: a first line that may be a header or a sample is refused with {@code header=auto}. */
    @Test
    void csvHeaderOfColumnNumbersIsAmbiguousUnlessTheHeaderModeIsSet() {
        // pandas: pd.DataFrame(np.c_[y, x]).to_csv(index=False) writes the header 0,1,2
        byte[] pandas = text("0,1,2\n1,0.5,0.25\n2,1.5,1.25\n3,2.5,2.25\n");
        String ambiguous = "line 1 is 0, 1, ..., 2: the column numbers, as pandas writes for an array without column names "
                + "(to_csv(index=False)), or a row of data? set features.header=yes to skip it as a header, or features.header=no "
                + "to read it as a sample";
        fails("p.csv", pandas, ambiguous, "label", "0");
        fails("q.csv", pandas, ambiguous);
        fails("r.csv", text("1,2,3\n1,0.5,0.25\n"), "line 1 is 1, 2, ..., 3: the column numbers, as pandas writes for an array "
                + "without column names (to_csv(index=False)), or a row of data? set features.header=yes to skip it as a header, "
                + "or features.header=no to read it as a sample");
        Dataset yes = csv("y.csv", pandas, "label", "0", "header", "yes");
        assertThat(yes.size()).isEqualTo(3);
        assertThat(yes.numClasses()).isEqualTo(3);
        assertThat(yes.values()).containsExactly(0.5f, 0.25f, 1.5f, 1.25f, 2.5f, 2.25f);
        Dataset no = csv("n.csv", pandas, "header", "no");
        assertThat(no.size()).isEqualTo(4);
        assertThat(no.values()).startsWith(0f, 1f, 2f, 1f);
        // not the column numbers: read as data, as before
        assertThat(csv("d.csv", text("0,2,3\n1,0.5,0.25\n")).size()).isEqualTo(2);
        assertThat(csv("e.csv", text("0,1,3\n1,0.5,0.25\n")).size()).isEqualTo(2);
    }

    /** pandas' unnamed row index (header {@code ,a,b}) is never read as a feature, whatever the header mode. */
    @Test
    void csvPandasRowIndexIsRefusedInEveryHeaderMode() {
        String index = "line 1: the first column has no name in the header, as pandas writes its row index (to_csv without "
                + "index=False); it is no feature: write the file with to_csv(index=False), or delete that column";
        byte[] named = text(",a,b,label\n0,0.5,1,1\n1,2.5,3,2\n");
        fails("a.csv", named, index, "label", "label");
        fails("b.csv", named, index, "label", "3");
        fails("c.csv", named, index, "label", "3", "header", "yes");
        fails("d.csv", named, index, "header", "yes");
        byte[] numbers = text(",0,1\n0,0.5,1\n1,2.5,3\n");
        fails("e.csv", numbers, index);
        fails("f.csv", numbers, index, "header", "yes");
        // header = no: the empty cell is data, and refused as an empty feature
        fails("g.csv", numbers, "line 1, column index 0: the cell is empty; every feature needs a number", "header", "no");
    }

    /** A label spelled as a missing value is no class "NaN": refused like an empty cell, in CSV, text and .npy labels. */
    @Test
    void missingLabelsAreRefusedNotCountedAsAClass() {
        for (String na : new String[] {"NaN", "nan", "NA", "N/A", "null", "None", "<NA>"}) {
            fails("m.csv", text("a,y\n1,1\n2,2\n3," + na + "\n"), "line 4, column index 1 ('y'): the label cell is '" + na
                    + "', a missing value; every sample needs a label: remove the row, or leave features.label unset to read no labels",
                    "label", "y");
        }
        Path labels = write(dir, "l.txt", text("1\n2\nNaN\n"));
        assertThatThrownBy(() -> csv("f.csv", text("1,3\n3,4\n5,6\n"), "labels", labels.toString()))
                .isInstanceOf(DclustException.class)
                .hasMessage(labels + ": line 3: the label 'NaN' is a missing value; every sample needs a label (one per line, "
                        + "in the order of the samples)");
        Path npyLabels = write(dir, "l.npy", npy("<f8", new int[] {3}, 1, Double.NaN, 2));
        assertThatThrownBy(() -> csv("g.csv", text("1,3\n3,4\n5,6\n"), "labels", npyLabels.toString()))
                .isInstanceOf(DclustException.class).hasMessageContaining("label NaN of record 1 is not an integer");
        Map<String, byte[]> a = new LinkedHashMap<>();
        a.put("x", npy("<f4", new int[] {2, 1}, 1, 2));
        a.put("y", npy("<f4", new int[] {2}, Double.NaN, 1));
        assertThatThrownBy(() -> csv("n.npz", npz(false, a)))
                .isInstanceOf(DclustException.class).hasMessageContaining("label NaN of record 0 is not an integer");
    }

    @Test
    void csvLabelColumnProblems() {
        fails("a.csv", text("a,b\n1,2\n"), "has no column 'label' (its header: a, b)", "label", "label");
        fails("b.csv", text("1,2\n"), "label column index 5 is out of range: line 1 has 2 columns (indices 0..1)", "label", "5");
        fails("c.csv", text("1,2\n"), "label = y names a column, but header = no; give the column's index (from 0) instead",
                "label", "y", "header", "no");
        fails("d.csv", text("a,y\n1,2\n3,\n"), "line 3, column index 1 ('y'): the label cell is empty; every sample needs a label: "
                + "remove the row, or leave features.label unset to read no labels", "label", "y");
        fails("e.csv", text("5\n"), "line 1 has no feature columns besides the label column", "label", "0");
        Path labels = write(dir, "l.txt", text("1\n"));
        Path f = dir.resolve("g.csv");
        assertThatThrownBy(() -> csv("g.csv", text("y,a\n1,2\n"), "label", "y", "labels", labels.toString()))
                .isInstanceOf(DclustException.class)
                .hasMessage(f + ": labels come from its column y and from features.labels = " + labels + "; give one of them");
    }

    @Test
    void truncatedCompressedCsvFails() {
        byte[] gz = gzip(text(CSV));
        Path g = write(dir, "t.csv.gz", cut(gz, gz.length - 10));
        assertThatThrownBy(() -> load(P, "path", g.toString()))
                .isInstanceOf(DclustException.class).hasMessageStartingWith(g + ": ").hasMessageContaining("truncated");
        byte[] bz = bzip2(text(CSV.repeat(50)));
        Path b = write(dir, "t.csv.bz2", cut(bz, bz.length / 2));
        assertThatThrownBy(() -> load(P, "path", b.toString(), "label", "label"))
                .isInstanceOf(DclustException.class).hasMessageStartingWith(b + ": corrupt or truncated compressed data");
    }

    @Test
    void fastNumberParsingAgreesWithTheJdk() {
        java.util.Random rnd = new java.util.Random(7);
        String[] fixed = {"0", "-0", "+1", "1.", ".5", "007", "0.000123", "1e5", "1E-5", "-2.5e+3", " 42 ", "123456789012345678",
            "9.999999e37", "1.7976931348623157e308", "1e-30", "0.1", "3.4028235e38", "4e38"};
        for (String f : fixed) {
            double v = CsvReader.fastNumber(f, 0, f.length());
            double jdk = Double.parseDouble(f.strip());
            if (!Double.isNaN(v)) {
                assertThat(v).as(f).isEqualTo(jdk);
            }
        }
        java.util.List<String> wrong = new java.util.ArrayList<>();
        int fast = 0;
        for (int i = 0; i < 20_000; i++) {
            double x = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(20) - 10);
            String f = i % 3 == 0 ? Double.toString(x) : i % 3 == 1 ? Float.toString((float) x) : String.format(java.util.Locale.ROOT, "%.6f", x);
            double v = CsvReader.fastNumber(f, 0, f.length());
            fast += Double.isNaN(v) ? 0 : 1;
            if (!Double.isNaN(v) && v != Double.parseDouble(f)) {
                wrong.add(f);
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(fast).isGreaterThan(15_000);
        for (String bad : new String[] {"", "-", ".", "e5", "1e", "1x", "1.2.3", "--1", "1e+", "NaN", "inf"}) {
            assertThat(CsvReader.fastNumber(bad, 0, bad.length())).as(bad).isNaN();
        }
    }

    // ---------------------------------------------------------------- NPY

    @Test
    void npyOfEveryTypeAndByteOrder() {
        double[] v = {0, 1, 2, 3, 4, 5};
        for (String t : new String[] {"<f4", "<f8", "|u1", "|i1", "<i2", "<u2", "<i4", "<u4", "<i8", "<u8", ">f4", ">i8"}) {
            Dataset d = csv("a" + t.substring(1) + (t.charAt(0) == '>' ? "be" : "") + ".npy", npy(t, new int[] {3, 2}, v));
            assertThat(d.sampleShape()).as(t).containsExactly(2);
            assertThat(d.values()).as(t).containsExactly(0f, 1f, 2f, 3f, 4f, 5f);
            assertThat(d.hasLabels()).isFalse();
        }
        assertThat(csv("neg.npy", npy("<f4", new int[] {2, 1}, -1.5, 1e-3)).values()).containsExactly(-1.5f, 1e-3f);
        assertThat(csv("bool.npy", npy("|b1", new int[] {2}, 1, 0)).sampleShape()).containsExactly(1);
        Dataset cube = csv("cube.npy", npy("<f4", new int[] {1, 2, 3}, v));
        assertThat(cube.sampleShape()).containsExactly(2, 3);
        assertThat(cube.name()).isEqualTo("cube");
    }

    @Test
    void npyPlainGzipAndBzip2ReadAlike() {
        byte[] a = npy("<f8", new int[] {2, 2}, 1, 2, 3, 4);
        Path labels = write(dir, "y.txt", text("1\n0\n"));
        for (Dataset d : new Dataset[] {csv("p.npy", a, "labels", labels.toString()), csv("g.npy.gz", gzip(a), "labels", labels.toString()),
            csv("b.npy.bz2", bzip2(a), "labels", labels.toString())}) {
            assertThat(d.values()).containsExactly(1f, 2f, 3f, 4f);
            assertThat(d.labels()).containsExactly(1, 0);
        }
    }

    @Test
    void npyProblemsAreNamed() {
        byte[] good = npy("<f4", new int[] {2, 3}, 1, 2, 3, 4, 5, 6);
        fails("short.npy", cut(good, good.length - 5), "truncated: the header promises shape (2, 3) of '<f4' (24 bytes after the header) but only 19 follow");
        fails("long.npy", Arrays.copyOf(good, good.length + 4), "holds more data than its header promises (shape (2, 3) of '<f4')");
        fails("nan.npy", npy("<f4", new int[] {2, 3}, 1, 2, 3, 4, Double.NaN, 6), "record 1, element 1 is NaN; values must be finite numbers");
        fails("inf.npy", npy("<f8", new int[] {3}, 1, 2, Double.NEGATIVE_INFINITY), "record 2 is infinite; values must be finite numbers");
        fails("magic.npy", text("x,y\n1,2\n"), "not a .npy file: it does not start with the magic string \\x93NUMPY");
        fails("empty.npy", new byte[0], "truncated: the file is empty");
        fails("head.npy", cut(good, 30), "truncated: it ends inside its header");
        fails("fortran.npy", npyWithHeader("{'descr': '<f4', 'fortran_order': True, 'shape': (1, 2), }", "<f4", 1, 2),
                "the array is stored in Fortran order; save it in C order (numpy.ascontiguousarray) and try again");
        fails("half.npy", npyWithHeader("{'descr': '<f2', 'fortran_order': False, 'shape': (1,), }", "<i2", 1),
                "unsupported element type '<f2' (read: booleans, integers of 1, 2, 4, 8 bytes, floats of 4, 8 bytes)");
        fails("str.npy", npyWithHeader("{'descr': '<U5', 'fortran_order': False, 'shape': (1,), }", "<i2", 1),
                "unsupported element type '<U5' (read: booleans, integers of 1, 2, 4, 8 bytes, floats of 4, 8 bytes)");
        fails("bad.npy", npyWithHeader("{'descr': '<f4', 'shape': (1,), }", "<f4", 1),
                "malformed .npy header (expected 'descr', 'fortran_order' and 'shape'): {'descr': '<f4', 'shape': (1,), }");
        fails("scalar.npy", npy("<f4", new int[] {}, 1), "holds a single value (shape ()), not an array of records");
        fails("wide.npy", npy("<f4", new int[] {2, 0}), "the shape (2, 0) gives samples of no values");
        fails("none.npy", npy("<f4", new int[] {0, 3}), "holds no samples");
    }

    @Test
    void npyLabelProblemsAreNamed() {
        byte[] x = npy("<f4", new int[] {2, 1}, 1, 2);
        Path frac = write(dir, "frac.npy", npy("<f8", new int[] {2}, 1, 0.5));
        Path multi = write(dir, "multi.npy", npy("|u1", new int[] {2, 14}, new double[28]));
        assertThatThrownBy(() -> csv("x.npy", x, "labels", frac.toString())).isInstanceOf(DclustException.class)
                .hasMessage(frac + ": label 0.5 of record 1 is not an integer that fits 32 bits; class labels must be whole numbers");
        Path big = write(dir, "big.npy", npy("<f8", new int[] {2}, 1, 3e9));
        assertThatThrownBy(() -> csv("x.npy", x, "labels", big.toString())).isInstanceOf(DclustException.class)
                .hasMessage(big + ": label 3000000000 of record 1 is not an integer that fits 32 bits; class labels must be whole numbers");
        assertThatThrownBy(() -> csv("x.npy", x, "labels", multi.toString())).isInstanceOf(DclustException.class)
                .hasMessage(multi + ": labels must be one per record (shape (N,) or (N, 1)), but the shape is (2, 14); multi-label data is not supported");
        Dataset col = csv("x.npy", x, "labels", write(dir, "col.npy", npy("<f4", new int[] {2, 1}, 3, 1)).toString());
        assertThat(col.labels()).containsExactly(1, 0);
        assertThat(col.classes()).containsExactly("1", "3");
    }

    @Test
    void labelsOfEveryKindAreCodedOverTheClassesPresent() {
        byte[] x = npy("<f4", new int[] {4, 1}, 1, 2, 3, 4);
        // labels from 1 (issue 13: 1, 2, 3 ran as four classes), ids, negatives, floats 1.0/2.0, a single class
        Object[][] cases = {
            {npy("<i8", new int[] {4}, 1, 2, 3, 1), new int[] {0, 1, 2, 0}, new String[] {"1", "2", "3"}},
            {npy("<i4", new int[] {4}, 2000, 1000, 2000, 3000), new int[] {1, 0, 1, 2}, new String[] {"1000", "2000", "3000"}},
            {npy("<i2", new int[] {4}, -1, 0, 1, -1), new int[] {0, 1, 2, 0}, new String[] {"-1", "0", "1"}},
            {npy("<f8", new int[] {4}, 1.0, 2.0, 2.0, 1.0), new int[] {0, 1, 1, 0}, new String[] {"1", "2"}},
            {npy("|u1", new int[] {4}, 7, 7, 7, 7), new int[] {0, 0, 0, 0}, new String[] {"7"}},
        };
        for (int c = 0; c < cases.length; c++) {
            Path y = write(dir, "y" + c + ".npy", (byte[]) cases[c][0]);
            Dataset d = csv("x.npy", x, "labels", y.toString());
            assertThat(d.labels()).containsExactly((int[]) cases[c][1]);
            assertThat(d.classes()).containsExactly((String[]) cases[c][2]);
            assertThat(d.numClasses()).isEqualTo(((String[]) cases[c][2]).length);
        }
        Dataset fromOne = csv("c.csv", text("f,label\n1,1\n2,3\n3,2\n4,3\n"), "label", "label");
        assertThat(fromOne.labels()).containsExactly(0, 2, 1, 2);
        assertThat(fromOne.numClasses()).isEqualTo(3);
        Dataset names = csv("n.csv", text("f,label\n1,setosa\n2,virginica\n3,setosa\n"), "label", "label");
        assertThat(names.labels()).containsExactly(0, 1, 0);
        assertThat(names.classes()).containsExactly("setosa", "virginica");
        Path text = write(dir, "labels.txt", text("-1\n5\n-1\n5\n"));
        assertThat(csv("x.npy", x, "labels", text.toString()).classes()).containsExactly("-1", "5");
    }

    @Test
    void aColumnOfMeasurementsIsNotTakenForLabels() {
        Path f = dir.resolve("m.csv");
        assertThatThrownBy(() -> csv("m.csv", text("f,y\n1,0.5\n2,1\n"), "label", "y"))
                .isInstanceOf(DclustException.class)
                .hasMessage(f + ", column y: label 0.5 of sample 0 (counted from 0) is not a whole number of at most 9 digits; "
                        + "class labels must be integers or names: is this the label column?");
    }

    // ---------------------------------------------------------------- NPZ

    static Map<String, byte[]> arrays(Object... kv) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (byte[]) kv[i + 1]);
        }
        return m;
    }

    @Test
    void npzStoredAndDeflatedWithXAndY() {
        Map<String, byte[]> a = arrays("x", npy("<f4", new int[] {3, 2}, 1, 2, 3, 4, 5, 6), "y", npy("<i8", new int[] {3}, 2, 0, 1));
        for (boolean compressed : new boolean[] {false, true}) {
            Dataset d = csv("e" + compressed + ".npz", npz(compressed, a));
            assertThat(d.sampleShape()).containsExactly(2);
            assertThat(d.values()).containsExactly(1f, 2f, 3f, 4f, 5f, 6f);
            assertThat(d.labels()).containsExactly(2, 0, 1);
            assertThat(d.numClasses()).isEqualTo(3);
        }
    }

    @Test
    void npzArraysChosenByName() {
        Map<String, byte[]> a = arrays("emb", npy("<f8", new int[] {2, 2}, 1, 2, 3, 4), "cls", npy("|u1", new int[] {2}, 1, 0),
                "other", npy("<f4", new int[] {1}, 0));
        Dataset d = csv("n.npz", npz(true, a), "x", "emb", "y", "cls");
        assertThat(d.values()).containsExactly(1f, 2f, 3f, 4f);
        assertThat(d.labels()).containsExactly(1, 0);
        Dataset only = csv("only.npz", npz(false, arrays("arr_0", npy("<f4", new int[] {2, 1}, 7, 8))));
        assertThat(only.values()).containsExactly(7f, 8f);
        assertThat(only.hasLabels()).isFalse();
        Path f = dir.resolve("n.npz");
        assertThatThrownBy(() -> load(P, "path", f.toString())).isInstanceOf(DclustException.class)
                .hasMessage(f + ": which array holds the features? it has no array x; set features.x to one of: emb, cls, other");
        assertThatThrownBy(() -> load(P, "path", f.toString(), "x", "emb", "y", "labels")).isInstanceOf(DclustException.class)
                .hasMessage(f + ": has no array 'labels' (it holds: emb, cls, other)");
    }

    @Test
    void npzProblemsAreNamed() {
        Map<String, byte[]> a = arrays("x", npy("<f4", new int[] {3, 1}, 1, 2, 3), "y", npy("<i8", new int[] {2}, 0, 1));
        Path count = write(dir, "count.npz", npz(false, a));
        assertThatThrownBy(() -> load(P, "path", count.toString())).isInstanceOf(DclustException.class)
                .hasMessage(count + ", array y: holds 2 labels but " + count + ", array x holds 3 samples: the counts must match");
        byte[] x = npy("<f4", new int[] {3, 1}, 1, 2, 3);
        Path inner = write(dir, "inner.npz", npz(true, arrays("x", cut(x, x.length - 1))));
        assertThatThrownBy(() -> load(P, "path", inner.toString())).isInstanceOf(DclustException.class)
                .hasMessage(inner + ", array x: truncated: the header promises shape (3, 1) of '<f4' (12 bytes after the header) but only 11 follow");
        Path nan = write(dir, "nan.npz", npz(false, arrays("x", npy("<f8", new int[] {2, 2}, 1, 2, Double.POSITIVE_INFINITY, 0))));
        assertThatThrownBy(() -> load(P, "path", nan.toString())).isInstanceOf(DclustException.class)
                .hasMessage(nan + ", array x: record 1, element 0 is infinite; values must be finite numbers");
        byte[] zip = npz(true, a);
        Path cutZip = write(dir, "cut.npz", cut(zip, zip.length - 30));
        assertThatThrownBy(() -> load(P, "path", cutZip.toString())).isInstanceOf(DclustException.class)
                .hasMessageStartingWith(cutZip + ": not a valid .npz file (a zip archive of .npy arrays), or truncated: ");
        fails("text.npz", text("1,2\n"), "not a .npz file: it does not start with the zip signature PK\\x03\\x04");
        fails("empty.npz", npz(false, arrays()), "holds no .npy arrays; is it really a NumPy .npz file?");
        fails("nonpy.npz", npz(true, arrays("notes.txt", text("hello"))), "holds no .npy arrays; is it really a NumPy .npz file?");
        assertThatThrownBy(() -> csv("l.npz", npz(false, a), "label", "y")).isInstanceOf(DclustException.class)
                .hasMessage("features.label names a CSV column, but " + dir.resolve("l.npz") + " is a .npz file; use features.y");
    }

    @Test
    void pathIsRequiredAndMustExist() {
        assertThatThrownBy(() -> load(P)).isInstanceOf(DclustException.class)
                .hasMessage("features.path is not set; give a CSV, .npy or .npz file of features, for example --set features.path=embeddings.npy");
        Path missing = dir.resolve("missing.csv");
        assertThatThrownBy(() -> load(P, "path", missing.toString())).isInstanceOf(DclustException.class)
                .hasMessage(missing + ": no such file");
        assertThatThrownBy(() -> load(P, "path", dir.toString())).isInstanceOf(DclustException.class)
                .hasMessage(dir + ": is not a regular file");
    }
}
