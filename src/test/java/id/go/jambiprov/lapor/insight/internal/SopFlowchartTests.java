package id.go.jambiprov.lapor.insight.internal;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.sop.SopDefinition;
import id.go.jambiprov.lapor.sop.Transition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flowchart comes from the SOP table: every status once, the main path straight down the
 * first column, one arrow per pair of statuses a row links, and another table another chart.
 */
class SopFlowchartTests {

	static SopDefinition jambi() throws Exception {
		try (InputStream in = SopFlowchartTests.class.getResourceAsStream("/sop/jambi-2022.json")) {
			return JsonMapper.builder()
				.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
				.build()
				.readValue(in, SopDefinition.class);
		}
	}

	private static String draw(SopDefinition sop) {
		return SopFlowchart.svg(sop, status -> new SopFlowchart.Box(status.name(), 3, status == ReportStatus.DISPOSED ? 1 : 0,
				"/petugas?status=" + status, "1 late", "3"), "SOP");
	}

	@Test
	void theMainPathRunsDownTheFirstColumn() throws Exception {
		List<List<ReportStatus>> layers = SopFlowchart.layers(jambi());
		List<ReportStatus> firstColumn = layers.stream().map(layer -> layer.get(0)).toList();
		assertThat(firstColumn).containsExactly(ReportStatus.SUBMITTED, ReportStatus.FORWARDED, ReportStatus.RECEIVED,
				ReportStatus.VERIFIED, ReportStatus.ASSIGNED, ReportStatus.DISPOSED, ReportStatus.IN_PROGRESS,
				ReportStatus.ANSWERED, ReportStatus.CLOSED);
		assertThat(layers.stream().flatMap(List::stream)).doesNotHaveDuplicates()
			.containsExactlyInAnyOrder(ReportStatus.values());
	}

	@Test
	void everyRowOfTheTableIsAnArrowAndEveryStatusALink() throws Exception {
		SopDefinition sop = jambi();
		String svg = draw(sop);
		Files.createDirectories(Path.of("target", "screenshots"));
		Files.writeString(Path.of("target", "screenshots", "sop-flowchart.svg"), svg);
		assertThat(count(svg, "<a href=\"/petugas\\?status=")).isEqualTo(ReportStatus.values().length);
		long pairs = sop.transitions().stream().filter(t -> !t.toPrevious())
			.flatMap(t -> t.from().stream().map(f -> f + ">" + t.to())).distinct().count();
		assertThat(count(svg, "marker-end=\"url\\(#arrow\\)\"")).isEqualTo(pairs);
		assertThat(svg).contains("stroke=\"#a4161a\"").contains("1 late"); // the overdue box
	}

	@Test
	void anotherTableGivesAnotherChart() throws Exception {
		SopDefinition jambi = jambi();
		// a province whose coordinator dispositions straight after verifying, and never archives a held report
		List<Transition> rows = new ArrayList<>();
		for (Transition row : jambi.transitions()) {
			if (row.action().path().equals("assign")) {
				rows.add(new Transition(row.action(), row.from(), ReportStatus.DISPOSED, false, row.actors(), row.step(),
						row.timeStandard(), row.requires(), row.exit(), row.timeout()));
			}
			else if (!row.from().contains(ReportStatus.ON_HOLD) || row.toPrevious()) {
				rows.add(row);
			}
		}
		SopDefinition other = new SopDefinition("other", "1", "Other", "Other decree", jambi.steps(), rows);
		String svg = draw(other);
		assertThat(svg).doesNotContain("status=ASSIGNED").contains("status=DISPOSED");
		assertThat(SopFlowchart.layers(other)).hasSize(SopFlowchart.layers(jambi).size() - 1);
		assertThat(count(svg, "marker-end")).isLessThan(count(draw(jambi), "marker-end"));
	}

	private static int count(String text, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		int n = 0;
		while (matcher.find()) {
			n++;
		}
		return n;
	}

}
