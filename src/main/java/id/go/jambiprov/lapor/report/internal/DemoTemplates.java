package id.go.jambiprov.lapor.report.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A few answer templates for Jambi in the demo, written as a coordinator would: the bracketed
 * parts are for the officer to fill in before sending. Added once, when Jambi has none.
 */
@Component
@ConditionalOnProperty(name = "lapor.demo.enabled", havingValue = "true")
class DemoTemplates implements ApplicationRunner {

	private record Seed(String action, String category, String title, String body) {
	}

	static final List<Seed> SEEDS = List.of(
			new Seed("answer", null, "Sudah ditindaklanjuti",
					"Terima kasih atas laporan Anda ({kode}). {nama_opd} telah menindaklanjuti laporan ini pada "
							+ "[tanggal]: [uraikan tindakan yang dilakukan]. Bila masih ada kendala, silakan tanggapi "
							+ "laporan ini melalui kanal yang sama."),
			new Seed("answer", "JALAN_JEMBATAN", "Perbaikan jalan dijadwalkan",
					"Terima kasih atas laporan Anda ({kode}). Petugas {nama_opd} telah meninjau lokasi pada [tanggal]. "
							+ "Perbaikan dijadwalkan mulai [tanggal] dan selesai paling lama [jumlah] hari kerja, "
							+ "bergantung pada cuaca. Laporan ini akan kami perbarui setelah pekerjaan selesai."),
			new Seed("hold", null, "Minta lokasi yang lebih rinci",
					"Mohon lengkapi laporan {kode}: sebutkan alamat atau patokan lokasi yang lebih rinci (nama jalan, "
							+ "RT/RW, kelurahan) dan, bila ada, foto kondisi terkini. Tanpa data ini laporan belum dapat "
							+ "kami teruskan ke Perangkat Daerah."),
			new Seed("return", null, "Bukan kewenangan provinsi",
					"Laporan {kode} menyangkut [jalan kabupaten/kota, layanan instansi vertikal, dsb.] yang bukan "
							+ "kewenangan Pemerintah Provinsi Jambi. Laporan dikembalikan ke Admin Nasional untuk "
							+ "diteruskan ke instansi yang berwenang."),
			new Seed("archive", null, "Data tidak dilengkapi",
					"Laporan {kode} diarsipkan karena belum memuat informasi yang cukup untuk ditindaklanjuti dan "
							+ "data yang diminta tidak dilengkapi dalam batas waktu. Pelapor dapat menyampaikan laporan "
							+ "baru dengan data yang lengkap."));

	private final JdbcClient jdbc;

	private final Clock clock;

	DemoTemplates(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		long present = this.jdbc.sql("select count(*) from answer_template where jurisdiction = 'JAMBI'")
			.query(Long.class)
			.single();
		if (present > 0) {
			return;
		}
		for (Seed seed : SEEDS) {
			this.jdbc.sql("""
					insert into answer_template (jurisdiction, action, category, title, body, updated_at, updated_by)
					values ('JAMBI', ?, ?, ?, ?, ?, 'demo')""")
				.params(seed.action(), seed.category(), seed.title(), seed.body(), Timestamp.from(this.clock.instant()))
				.update();
		}
	}

}
