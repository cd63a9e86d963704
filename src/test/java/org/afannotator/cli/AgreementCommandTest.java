package org.afannotator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgreementCommandTest {
    @TempDir
    Path dir;

    /** Krippendorff (2011)'s example as a ratings CSV (observers A-D, units 1-12, blanks missing). */
    Path krippendorff2011() throws Exception {
        String[][] rows = {
            {"1", "1", "", "1"}, {"2", "2", "3", "2"}, {"3", "3", "3", "3"}, {"3", "3", "3", "3"},
            {"2", "2", "2", "2"}, {"1", "2", "3", "4"}, {"4", "4", "4", "4"}, {"1", "1", "2", "1"},
            {"2", "2", "2", "2"}, {"", "5", "5", "5"}, {"", "", "1", "1"}, {"", "", "3", ""}};
        StringBuilder sb = new StringBuilder("item,rater,label\n");
        String[] raters = {"A", "B", "C", "D"};
        for (int u = 0; u < rows.length; u++) {
            for (int r = 0; r < 4; r++) {
                if (!rows[u][r].isEmpty() || r == 0) {
                    sb.append("unit").append(u + 1).append(',').append(raters[r]).append(',').append(rows[u][r]).append('\n');
                }
            }
        }
        return write("k2011.csv", sb.toString());
    }

    Path write(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    static JsonNode json(CliRun r) throws Exception {
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void jsonHasTheDocumentedKeysInOrderAndThePublishedAlphas() throws Exception {
        Path csv = krippendorff2011();
        double[] published = {0.743, 0.815, 0.849, 0.797};
        String[] levels = {"nominal", "ordinal", "interval", "ratio"};
        for (int i = 0; i < 4; i++) {
            JsonNode j = json(CliRun.of("agreement", "--ratings", csv.toString(), "--level", levels[i],
                    "--bootstrap", "200", "--seed", "7", "--format", "json"));
            assertThat(j.fieldNames()).toIterable().containsExactly("items", "raters", "pairable_items", "ratings",
                    "level", "percent_agreement", "krippendorff_alpha", "fleiss_kappa", "gwet_ac1", "cohen_kappa",
                    "seed", "bootstrap");
            assertThat(j.get("level").asText()).isEqualTo(levels[i]);
            assertThat(j.get("krippendorff_alpha").get("value").asDouble()).isCloseTo(published[i], within(0.0005));
            assertThat(j.get("seed").asLong()).isEqualTo(7);
            assertThat(j.get("bootstrap").asInt()).isEqualTo(200);
        }
        JsonNode j = json(CliRun.of("agreement", "--ratings", csv.toString(), "--format", "json"));
        assertThat(j.get("items").asInt()).isEqualTo(12);
        assertThat(j.get("raters").asInt()).isEqualTo(4);
        assertThat(j.get("pairable_items").asInt()).isEqualTo(11);
        assertThat(j.get("ratings").asInt()).isEqualTo(41);
        assertThat(j.get("bootstrap").asInt()).isEqualTo(1000);
        assertThat(j.get("seed").asLong()).isEqualTo(1);
        JsonNode alpha = j.get("krippendorff_alpha");
        assertThat(alpha.get("ci95")).hasSize(2);
        assertThat(alpha.get("ci95").get(0).asDouble()).isLessThan(alpha.get("value").asDouble());
        assertThat(alpha.get("n").asInt()).isEqualTo(11);
        assertThat(j.get("gwet_ac1").get("ci95")).hasSize(2);
        // pairwise per item, averaged over the 11 pairable units: 9 unanimous, two at 3/6 (0.5), one at 0
        assertThat(j.get("percent_agreement").get("value").asDouble()).isCloseTo(9 / 11.0, within(1e-12));
        JsonNode pa = j.get("percent_agreement").get("ci95");
        assertThat(pa).hasSize(2);
        assertThat(pa.get(0).asDouble()).isLessThan(9 / 11.0);
        assertThat(pa.get(1).asDouble()).isGreaterThanOrEqualTo(9 / 11.0);
        JsonNode fleiss = j.get("fleiss_kappa");
        assertThat(fleiss.get("value").isNull()).isTrue();
        assertThat(fleiss.has("ci95")).isFalse();
        assertThat(fleiss.get("reason").asText()).contains("complete data");
        assertThat(fleiss.has("per_category")).isFalse();
        JsonNode cohen = j.get("cohen_kappa");
        assertThat(cohen.get("pairs")).hasSize(6);
        JsonNode ab = cohen.get("pairs").get(0);
        assertThat(ab.fieldNames()).toIterable().containsExactly("rater_a", "rater_b", "n", "value");
        assertThat(ab.get("rater_a").asText()).isEqualTo("A");
        assertThat(ab.get("rater_b").asText()).isEqualTo("B");
        assertThat(ab.get("n").asInt()).isEqualTo(9);
        assertThat(cohen.get("mean").isNumber()).isTrue();
    }

    @Test
    void sameSeedSameIntervals() throws Exception {
        Path csv = krippendorff2011();
        String a = CliRun.of("agreement", "--ratings", csv.toString(), "--bootstrap", "300", "--seed", "5",
                "--format", "json").out();
        String b = CliRun.of("agreement", "--ratings", csv.toString(), "--bootstrap", "300", "--seed", "5",
                "--format", "json").out();
        assertThat(b).isEqualTo(a);
    }

    @Test
    void twoRatersCompleteDataAddScottPiAndFleissPerCategory() throws Exception {
        // Artstein & Poesio (2008) example 2 as two raters: pi .7995, kappa .8013
        StringBuilder sb = new StringBuilder("item,rater,label\n");
        Object[][] table = {{46, "STAT", "STAT"}, {6, "IReq", "STAT"}, {32, "IReq", "IReq"}, {6, "IReq", "Chck"},
            {10, "Chck", "Chck"}};
        int item = 0;
        for (Object[] t : table) {
            for (int i = 0; i < (Integer) t[0]; i++) {
                item++;
                sb.append(item).append(",A,").append(t[1]).append('\n').append(item).append(",B,").append(t[2]).append('\n');
            }
        }
        JsonNode j = json(CliRun.of("agreement", "--ratings", write("ap.csv", sb.toString()).toString(),
                "--bootstrap", "0", "--format", "json"));
        assertThat(j.fieldNames()).toIterable().containsExactly("items", "raters", "pairable_items", "ratings",
                "level", "percent_agreement", "krippendorff_alpha", "fleiss_kappa", "gwet_ac1", "scott_pi",
                "cohen_kappa", "seed", "bootstrap");
        assertThat(j.get("scott_pi").get("value").asDouble()).isCloseTo(0.7995, within(0.00005));
        assertThat(j.get("cohen_kappa").get("mean").asDouble()).isCloseTo(0.8013, within(0.00005));
        assertThat(j.get("cohen_kappa").get("pairs").get(0).get("value").asDouble()).isCloseTo(0.8013, within(0.00005));
        assertThat(j.get("fleiss_kappa").get("per_category").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("STAT", "IReq", "Chck");
        assertThat(j.get("krippendorff_alpha").has("ci95")).isFalse();
    }

    @Test
    void csvAndTextCarryTheSameFigures() throws Exception {
        Path csv = krippendorff2011();
        CliRun c = CliRun.of("agreement", "--ratings", csv.toString(), "--bootstrap", "0", "--format", "csv");
        assertThat(c.exitCode()).isZero();
        String[] lines = c.out().split("\n");
        assertThat(lines[0]).isEqualTo("scope,coefficient,category,rater_a,rater_b,value,ci95_lower,ci95_upper,n,items,reason");
        assertThat(c.out()).containsPattern("ratings,krippendorff_alpha,nominal,,,0\\.743\\d*,,,11,12,");
        CliRun t = CliRun.of("agreement", "--ratings", csv.toString(), "--bootstrap", "0");
        assertThat(t.out()).containsPattern("krippendorff_alpha \\[nominal\\]\\s+0\\.7434\\s+n=11/12");
        assertThat(t.out()).contains("fleiss_kappa").contains("undefined");
    }

    @Test
    void spansGiveUnitizingAlphaAndSpanF1() throws Exception {
        // Krippendorff (2004: 254), continuum 150..450 shifted to 0..300
        Path spans = write("spans.csv", "item,rater,tag,start,end\n"
                + "t,i,c,75,145\nt,i,c,220,250\nt,j,c,70,150\nt,j,c,205,225\nt,j,c,250,270\n"
                + "t,i,k,30,90\nt,i,k,150,200\nt,j,k,30,90\nt,j,k,150,200\n");
        Path lengths = write("lengths.csv", "item,length\nt,300\n");
        JsonNode j = json(CliRun.of("agreement", "--spans", spans.toString(), "--lengths", lengths.toString(),
                "--format", "json"));
        assertThat(j.fieldNames()).toIterable().containsExactly("unitizing_alpha", "span_f1");
        // Each tag's entry is an object like every coefficient (regression: a bare number when defined,
        // an object when not, so a reader of .value broke on the defined ones).
        assertThat(j.get("unitizing_alpha").get("per_tag").get("c").get("value").asDouble()).isCloseTo(0.7286, within(0.00005));
        assertThat(j.get("unitizing_alpha").get("per_tag").get("k").get("value").asDouble()).isEqualTo(1.0);
        assertThat(j.get("unitizing_alpha").get("value").asDouble()).isCloseTo(0.8591, within(0.0005));
        JsonNode exact = j.get("span_f1").get("exact");
        // exact matches: the two k units; i has 4 spans, j has 5
        assertThat(exact.get("pairs").get(0).get("precision").asDouble()).isCloseTo(2 / 5.0, within(1e-12));
        assertThat(exact.get("pairs").get(0).get("recall").asDouble()).isCloseTo(2 / 4.0, within(1e-12));
        // overlap: j's (250, 270) only touches i's (220, 250): precision 4/5, recall 4/4, F1 8/9
        assertThat(j.get("span_f1").get("overlap").get("value").asDouble()).isCloseTo(8 / 9.0, within(1e-12));
    }

    @Test
    void labelsThatImportWouldReadAsOneAreNamedOnStderr() throws Exception {
        Path mixed = write("mixed.csv", "item,rater,label\nu1,A,yes\nu1,B,faking\nu2,A,0\nu2,B,not_faking\nu3,A,maybe\n");
        CliRun r = CliRun.of("agreement", "--ratings", mixed.toString(), "--format", "json", "--bootstrap", "0");
        assertThat(r.exitCode()).isZero();
        // As written: 'yes' and 'faking' disagree (the tool's documented definition), and the note says why.
        assertThat(new ObjectMapper().readTree(r.out()).get("percent_agreement").get("value").asDouble()).isZero();
        assertThat(r.err()).contains("'faking', 'yes' are different categories here").contains("as 'faking'")
                .contains("'0', 'not_faking'").doesNotContain("maybe");
        assertThat(CliRun.of("agreement", "--ratings", mixed.toString(), "--level", "ordinal").err()).isNotEmpty();
    }

    @Test
    void badCsvExitsOneNamingFileAndLine() throws Exception {
        Path dup = write("dup.csv", "item,rater,label\nu1,A,x\nu1,B,y\nu1,A,z\n");
        CliRun r = CliRun.of("agreement", "--ratings", dup.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err().strip()).doesNotContain("\n").contains("dup.csv").contains("line 4")
                .contains("already rated item u1 on line 2");
        assertThat(r.out()).isEmpty();

        Path notNumber = write("nn.csv", "item,rater,label\nu1,A,1\nu1,B,high\n");
        r = CliRun.of("agreement", "--ratings", notNumber.toString(), "--level", "interval");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("nn.csv").contains("line 3").contains("'high' is not a number");

        Path header = write("h.csv", "item,coder,label\nu1,A,1\n");
        r = CliRun.of("agreement", "--ratings", header.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("h.csv").contains("line 1").contains("item,rater,label");

        r = CliRun.of("agreement", "--ratings", dir.resolve("missing.csv").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("missing.csv").contains("no such file");

        Path spans = write("s.csv", "item,rater,tag,start,end\nt,A,x,5,3\n");
        Path lengths = write("l.csv", "item,length\nt,10\n");
        r = CliRun.of("agreement", "--spans", spans.toString(), "--lengths", lengths.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("s.csv").contains("line 2").contains("0 <= start < end <= 10");
    }

    @Test
    void commandLineMistakesExitTwo() throws Exception {
        Path csv = krippendorff2011();
        assertThat(CliRun.of("agreement").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.of("agreement", "--ratings", csv.toString(), "--level", "fuzzy").exitCode())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.of("agreement", "--spans", csv.toString()).exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.of("agreement", "--ratings", csv.toString(), "--bootstrap", "-1").exitCode())
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void helpNamesTheDefinitions() {
        CliRun r = CliRun.of("agreement", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Cohen (1960) for each rater pair").contains("unweighted mean")
                .contains("coincidence-matrix").contains("percentile interval").contains("Gwet")
                .contains("u-alpha").contains("complete data");
    }

    /**
     * The help gives alpha's distances squared, as decision 0010 and the code do (it gave interval
     * as (c - k) and ratio as ((c - k)/(c + k))), and Scott's pi over the items both raters rated.
     */
    @Test
    void helpGivesAlphasSquaredDistancesAsDecision0010Does() throws Exception {
        String help = CliRun.of("agreement", "--help").out().replaceAll("\\s+", " ");
        String decision = Files.readString(Path.of("docs/decisions/0010-agreement-statistics.md")).replaceAll("\\s+", " ");
        for (String distance : new String[] {"interval (c - k)^2", "ratio ((c - k)/(c + k))^2"}) {
            assertThat(help).contains(distance);
            assertThat(decision).contains(distance);
        }
        assertThat(help).doesNotContain("(c - k),").contains("ordinal (n_c/2 + n_(c+1) + ... + n_(k-1) + n_k/2)^2")
                .contains("Scott's pi pooled marginals over the items both raters rated");
    }
}
