package id.go.jambiprov.lapor.intake.internal;

import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.intake.internal.Interpreter.Check;
import id.go.jambiprov.lapor.intake.internal.Interpreter.Help;
import id.go.jambiprov.lapor.intake.internal.Interpreter.Info;
import id.go.jambiprov.lapor.intake.internal.Interpreter.Report;
import id.go.jambiprov.lapor.report.Channel;

import static org.assertj.core.api.Assertions.assertThat;

class InterpreterTests {

	@Test
	void smsKeywordsInAnyCase() {
		assertThat(Interpreter.read(Channel.SMS, "LAPOR lampu jalan mati di Jl. Gatot Subroto"))
			.isEqualTo(new Report("lampu jalan mati di Jl. Gatot Subroto"));
		assertThat(Interpreter.read(Channel.SMS, "lapor\nlampu mati")).isEqualTo(new Report("lampu mati"));
		assertThat(Interpreter.read(Channel.SMS, "cek 4821-7730-1956")).isEqualTo(new Check("4821-7730-1956"));
		assertThat(Interpreter.read(Channel.SMS, " CEK 482177301956 ")).isEqualTo(new Check("482177301956"));
		assertThat(Interpreter.read(Channel.SMS, "Info 4821 7730 1956 nomor tiang JMB-0412"))
			.isEqualTo(new Info("4821 7730 1956", "nomor tiang JMB-0412"));
	}

	@Test
	void smsWithoutAKeywordOrEmptyGetsTheHelp() {
		assertThat(Interpreter.read(Channel.SMS, "halo, jalan rusak")).isEqualTo(new Help());
		assertThat(Interpreter.read(Channel.SMS, "")).isEqualTo(new Help());
		assertThat(Interpreter.read(Channel.SMS, null)).isEqualTo(new Help());
		assertThat(Interpreter.read(Channel.SMS, "LAPOR")).isEqualTo(new Help());
		assertThat(Interpreter.read(Channel.SMS, "CEK")).isEqualTo(new Help());
		assertThat(Interpreter.read(Channel.SMS, "CEK 1234")).isEqualTo(new Help());
	}

	@Test
	void onChatChannelsAnyOtherTextIsAReport() {
		assertThat(Interpreter.read(Channel.WHATSAPP, "Jalan berlubang di Jl. Sudirman"))
			.isEqualTo(new Report("Jalan berlubang di Jl. Sudirman"));
		assertThat(Interpreter.read(Channel.TELEGRAM, "cek 4821-7730-1956")).isEqualTo(new Check("4821-7730-1956"));
		// a word that merely starts like a keyword is not one
		assertThat(Interpreter.read(Channel.WHATSAPP, "Laporkan pungli di kantor kelurahan"))
			.isEqualTo(new Report("Laporkan pungli di kantor kelurahan"));
		assertThat(Interpreter.read(Channel.WHATSAPP, "CEK laporan saya dong")).isEqualTo(new Help());
	}

	@Test
	void aRatingByKeywordOrAsABareNumber() {
		assertThat(Interpreter.read(Channel.SMS, "nilai 4821-7730-1956 5")).isEqualTo(new Interpreter.Rate("4821-7730-1956", 5));
		assertThat(Interpreter.read(Channel.WHATSAPP, " 4 ")).isEqualTo(new Interpreter.Rate(null, 4));
		assertThat(Interpreter.read(Channel.TELEGRAM, "5!")).isEqualTo(new Interpreter.Rate(null, 5));
		assertThat(Interpreter.read(Channel.SMS, "NILAI 4821-7730-1956 9")).isEqualTo(new Help());
		assertThat(Interpreter.read(Channel.WHATSAPP, "6")).isEqualTo(new Report("6"));
		assertThat(Interpreter.read(Channel.WHATSAPP, "4 lampu mati")).isEqualTo(new Report("4 lampu mati"));
	}

}
