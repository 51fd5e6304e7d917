package id.go.jambiprov.lapor.browser;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.support.BrowserTestSupport;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SOP clicked through in Chromium by every demo role, as a newcomer would after the README's
 * run command: a citizen files a report, the national admin, the coordinator and the liaison
 * officer move it along from their inboxes, the supervisor looks on, and the citizen reads the
 * answer and closes the report with a rating.
 */
class SopJourneyBrowserTests extends BrowserTestSupport {

	record Receipt(String code, String key) {
	}

	@Test
	void aCitizensReportWalksTheWholeSopAndIsClosedWithARating() {
		String title = "Jalan berlubang di Jl. Sultan Thaha " + UUID.randomUUID().toString().substring(0, 8);
		Page citizen = newPage();
		citizen.navigate(url("/"));
		look(citizen, "01-home");
		citizen.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Buat laporan sekarang")).click();
		Receipt receipt = fileReport(citizen, title, false, "01-citizen");

		citizen.navigate(url("/lacak?kode=" + receipt.code()));
		assertThat(citizen.locator(".status")).containsText("diajukan");
		look(citizen, "01-track-submitted");

		Page national = signIn("nasional");
		openFromInbox(national, title, "02-national");
		act(national, "forward", "Teruskan ke Admin Koordinator");
		assertThat(national.locator(".notice.ok")).isVisible();

		Page coordinator = signIn("koordinator");
		openFromInbox(coordinator, title, "03-coordinator");
		act(coordinator, "receive", "Terima laporan");
		look(coordinator, "03-coordinator-received");
		act(coordinator, "verify", "Verifikasi: kewenangan Provinsi Jambi");
		// typing in the agency search narrows the list (htmx); the list alone works without scripts
		coordinator.getByLabel("Cari Perangkat Daerah (nama atau kode)").fill("pekerjaan umum");
		assertThat(coordinator.locator("#assign-agency option[value='PUTR']")).hasCount(1);
		assertThat(coordinator.locator("#assign-agency option[value='DINKES']")).hasCount(0);
		look(coordinator, "03-coordinator-agency-search");
		coordinator.locator("#assign-agency").selectOption("PUTR");
		act(coordinator, "assign", "Tentukan Perangkat Daerah");
		act(coordinator, "dispose", "Disposisikan ke Pejabat Penghubung");
		assertThat(coordinator.locator(".status")).containsText("didisposisikan");

		Page supervisor = signIn("pengawas");
		openFromInbox(supervisor, title, "04-supervisor");
		assertThat(supervisor.locator("form.action")).hasCount(0);
		assertThat(supervisor.getByText("Tidak ada aksi untuk Anda pada status ini.")).isVisible();

		Page liaison = signIn("putr");
		openFromInbox(liaison, title, "05-liaison");
		act(liaison, "accept", "Terima disposisi");
		liaison.locator("#answer-answer").fill("Lubang sudah ditambal oleh tim UPTD pada hari ini.");
		look(liaison, "05-liaison-answering");
		act(liaison, "answer", "Kirim jawaban");
		assertThat(liaison.locator(".answer")).containsText("sudah ditambal");

		citizen.navigate(url("/laporan?kode=" + receipt.code()));
		citizen.getByLabel("Kunci akses").fill(receipt.key());
		citizen.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buka laporan")).click();
		assertThat(citizen.locator(".answer")).containsText("sudah ditambal");
		assertThat(citizen.locator("body")).not().containsText("putr");
		look(citizen, "06-citizen-answered");
		citizen.locator("label[for='close-rating-5']").click();
		citizen.locator("#close-comment").fill("Terima kasih, cepat sekali.");
		act(citizen, "close", "Tutup laporan dan beri penilaian");
		assertThat(citizen.locator(".status")).containsText("selesai");
		assertThat(citizen.locator(".facts")).containsText("5 dari 5");
		look(citizen, "06-citizen-closed");

		assertThat(this.jdbc.sql("select count(*) from report where title = ?").param(title).query(Integer.class).single())
			.isEqualTo(1);
	}

	@Test
	void aReporterAskedForMissingDataSendsItWithAPhotoAndTheReportMovesOn() throws Exception {
		String title = "Lampu jalan padam di Telanaipura " + UUID.randomUUID().toString().substring(0, 8);
		Page citizen = newPage();
		Receipt receipt = fileReport(citizen, title, false, "15-hold");
		Page national = signIn("nasional");
		openFromInbox(national, title, "15-national");
		act(national, "forward", "Teruskan ke Admin Koordinator");
		Page coordinator = signIn("koordinator");
		openFromInbox(coordinator, title, "15-coordinator");
		act(coordinator, "receive", "Terima laporan");
		coordinator.locator("#hold-reason").fill("Mohon kirim foto tiang lampu dan nomor tiangnya.");
		act(coordinator, "hold", "Tunda: minta data ke pelapor");
		assertThat(coordinator.locator(".status")).containsText("ditunda");

		citizen.navigate(url("/laporan/" + receipt.code()));
		assertThat(citizen.locator("body")).containsText("Mohon kirim foto tiang lampu");
		citizen.locator("#resume-message").fill("Nomor tiang JMB-0412, fotonya terlampir.");
		citizen.locator("#resume-files").setInputFiles(new FilePayload("tiang.png", "image/png", png()));
		look(citizen, "15-citizen-supplies-data");
		act(citizen, "resume", "Kirim data yang diminta");
		assertThat(citizen.locator(".status")).containsText("diterima");
		assertThat(citizen.locator("#files-heading")).isVisible();

		coordinator.reload();
		assertThat(coordinator.locator(".timeline")).containsText("Nomor tiang JMB-0412");
		// stored under a neutral name; the coordinator, who may see the reporter, also sees the original
		assertThat(coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("lampiran-1.png")))
			.isVisible();
		assertThat(coordinator.locator("#files-heading + ul")).containsText("nama asli: tiang.png");
		look(coordinator, "15-coordinator-data-supplied");
	}

	@Test
	void theCoordinatorReturnsAReportThatIsNotTheProvincesBusiness() {
		String title = "Antrean paspor di kantor imigrasi " + UUID.randomUUID().toString().substring(0, 8);
		Receipt receipt = fileReport(newPage(), title, false, "10-return");
		Page national = signIn("nasional");
		openFromInbox(national, title, "10-national");
		act(national, "forward", "Teruskan ke Admin Koordinator");

		Page coordinator = signIn("koordinator");
		openFromInbox(coordinator, title, "11-coordinator");
		act(coordinator, "receive", "Terima laporan");
		coordinator.locator("#return-reason").fill("Imigrasi adalah instansi vertikal, bukan kewenangan provinsi.");
		act(coordinator, "return", "Kembalikan: bukan kewenangan");

		openFromInbox(national, title, "12-national-returned");
		act(national, "acknowledge-return", "Terima pengembalian");
		assertThat(national.locator(".status")).containsText("pengembalian diterima");
		assertThat(national.locator(".timeline")).containsText("bukan kewenangan provinsi");
		look(national, "12-national-return-received");

		Page citizen = newPage();
		citizen.navigate(url("/lacak?kode=" + receipt.code()));
		assertThat(citizen.locator(".history")).containsText("Dikembalikan ke Admin Nasional");
	}

	@Test
	void theLiaisonOfficerNeverSeesTheReporterOfAnAnonymousReport() {
		String title = "Pungutan liar di puskesmas " + UUID.randomUUID().toString().substring(0, 8);
		fileReport(newPage(), title, true, "20-anonymous");
		Page national = signIn("nasional");
		openFromInbox(national, title, "20-national");
		act(national, "forward", "Teruskan ke Admin Koordinator");
		Page coordinator = signIn("koordinator");
		openFromInbox(coordinator, title, "21-coordinator");
		// the coordinator may see who it is, to reach them
		assertThat(coordinator.locator("#reporter-identity")).containsText("Siti Rahmawati");
		act(coordinator, "receive", "Terima laporan");
		act(coordinator, "verify", "Verifikasi: kewenangan Provinsi Jambi");
		coordinator.locator("#assign-agency").selectOption("DINKES");
		act(coordinator, "assign", "Tentukan Perangkat Daerah");
		act(coordinator, "dispose", "Disposisikan ke Pejabat Penghubung");

		Page liaison = signIn("dinkes");
		openFromInbox(liaison, title, "22-liaison-anonymous");
		String html = liaison.content();
		assertThat(html).doesNotContain("Siti", "Rahmawati", "siti.rahma", "0812", "81234", "1571");
		assertThat(liaison.locator("#reporter-hidden")).isVisible();
		act(liaison, "accept", "Terima disposisi");
		assertThat(liaison.content()).doesNotContain("Siti", "Rahmawati", "siti.rahma", "0812", "81234");
	}

	@Test
	void aFormWithMistakesComesBackWithTheInputKeptAndEachMessageNextToItsField() {
		Page citizen = newPage();
		citizen.navigate(url("/lapor"));
		citizen.getByLabel("Judul laporan").fill("Lampu jalan mati");
		citizen.getByLabel("E-mail").fill("bukan-email");
		citizen.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kirim laporan")).click();

		assertThat(citizen.locator("#error-summary")).isVisible();
		assertThat(citizen.locator("#error-summary")).isFocused();
		assertThat(citizen.locator("#error-summary")).containsText("Kronologi: Wajib diisi.");
		assertThat(citizen.locator("#description-error")).hasText("Wajib diisi.");
		assertThat(citizen.locator("#type-error")).hasText("Wajib diisi.");
		assertThat(citizen.locator("#email-error")).hasText("Alamat e-mail tidak valid.");
		assertThat(citizen.getByLabel("Judul laporan")).hasValue("Lampu jalan mati");
		assertThat(citizen.getByLabel("E-mail")).hasValue("bukan-email");
		assertThat(citizen.locator("#email")).hasAttribute("aria-invalid", "true");
		assertThat(citizen.locator("#email")).hasAttribute("aria-describedby", "email-error");
		look(citizen, "30-validation-failure");
		assertThat(this.jdbc.sql("select count(*) from report where title = 'Lampu jalan mati'")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aDoubleClickedSubmitFilesOneReport() {
		String title = "Sampah menumpuk di pasar " + UUID.randomUUID().toString().substring(0, 8);
		Page citizen = newPage();
		citizen.navigate(url("/lapor"));
		fill(citizen, title, false);
		citizen.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kirim laporan")).dblclick();
		assertThat(citizen.locator("#tracking-code")).isVisible();
		assertThat(this.jdbc.sql("select count(*) from report where title = ?").param(title).query(Integer.class).single())
			.isEqualTo(1);
	}

	@Test
	void anOfficerActingOnAReportSomeoneElseChangedIsToldSoAndSeesTheCurrentState() {
		String title = "Air PDAM keruh " + UUID.randomUUID().toString().substring(0, 8);
		fileReport(newPage(), title, false, "40-conflict");
		Page first = signIn("nasional");
		Page second = signIn("nasional");
		openFromInbox(first, title, "40-first");
		openFromInbox(second, title, "40-second");
		act(first, "forward", "Teruskan ke Admin Koordinator");
		second.locator("#action-archive textarea[name='reason']").fill("Spam");
		second.locator("#action-archive button").click();
		assertThat(second.locator(".notice.warn")).containsText("baru saja diubah oleh orang lain");
		assertThat(second.locator(".status")).containsText("diteruskan ke Admin Koordinator");
		look(second, "40-conflict-told");
	}

	@Test
	void theSystemAdminAsksForALiaisonOfficerTheCoordinatorApprovesAndTheOfficerSetsTheirOwnPassword() {
		String username = "penghubung" + UUID.randomUUID().toString().substring(0, 6);
		Page admin = signIn("admin");
		assertThat(admin.locator("h1")).hasText("Pengguna dan peran");
		assertThat(admin.locator("#u-password")).hasCount(0);
		admin.locator("#u-username").fill(username);
		admin.locator("#u-role").selectOption("LIAISON");
		admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buat pengguna")).click();
		assertThat(admin.locator("#u-agency-error")).hasText("Pejabat Penghubung memerlukan Perangkat Daerah.");
		look(admin, "50-admin-user-invalid");
		admin.locator("#u-agency").selectOption("DISDIK");
		admin.locator("#u-reason").fill("Pengganti Pak Hasan, SK Kadis 12/2026");
		admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buat pengguna")).click();
		assertThat(admin.locator(".notice.ok")).containsText("menunggu persetujuan Admin Koordinator");
		look(admin, "50-admin-users");

		Page coordinator = signIn("koordinator");
		coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Persetujuan akun")).click();
		Locator request = coordinator.locator(".item", new Page.LocatorOptions().setHasText(username));
		assertThat(request).containsText("Pengganti Pak Hasan");
		look(coordinator, "51-coordinator-approvals");
		request.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Setujui " + username)).click();
		assertThat(coordinator.locator("#password-link")).containsText("tidak mempunyai e-mail");
		String link = coordinator.locator("#password-link code").innerText().strip();
		look(coordinator, "51-coordinator-approved");

		Page officer = newPage();
		// the link names the configured public address; here the service runs on a random port
		officer.navigate(url(link.substring(link.indexOf("/sandi/"))));
		officer.getByLabel("Kata sandi", new Page.GetByLabelOptions().setExact(true)).fill("jambi12345678");
		officer.getByLabel("Ulangi kata sandi").fill("jambi12345678");
		officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simpan kata sandi")).click();
		assertThat(officer.locator("#password-error")).containsText("mudah ditebak");
		look(officer, "52-officer-sets-password");
		officer.getByLabel("Kata sandi", new Page.GetByLabelOptions().setExact(true)).fill("Sungai Batanghari mengalir ke timur");
		officer.getByLabel("Ulangi kata sandi").fill("Sungai Batanghari mengalir ke timur");
		officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simpan kata sandi")).click();
		assertThat(officer.locator(".notice.ok")).containsText("Kata sandi Anda tersimpan");
		officer.getByLabel("Nama pengguna").fill(username);
		officer.getByLabel("Kata sandi").fill("Sungai Batanghari mengalir ke timur");
		officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Masuk").setExact(true)).click();
		assertThat(officer.locator("h1")).hasText("Kotak masuk Pejabat Penghubung");
	}

	@Test
	void theCoordinatorHidesWhatTheReporterWroteAboutThemselvesFromTheAgency() {
		String title = "Puskesmas Simpang Kawat tutup " + UUID.randomUUID().toString().substring(0, 8);
		Page citizen = newPage();
		citizen.navigate(url("/lapor"));
		fill(citizen, title, true);
		citizen.getByLabel("Kronologi")
			.fill("Saya Siti Rahmawati, HP 0812-3456-7890, tiga kali datang jam 9 pagi dan puskesmas tutup.");
		citizen.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kirim laporan")).click();
		assertThat(citizen.locator("#tracking-code")).isVisible();

		Page national = signIn("nasional");
		openFromInbox(national, title, "16-national");
		act(national, "forward", "Teruskan ke Admin Koordinator");
		Page coordinator = signIn("koordinator");
		openFromInbox(coordinator, title, "16-coordinator");
		act(coordinator, "receive", "Terima laporan");
		coordinator.getByLabel("Frasa yang disamarkan (satu per baris)").fill("Siti Rahmawati\n0812-3456-7890");
		coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simpan penyamaran")).click();
		assertThat(coordinator.locator("#redaction .notice.ok")).isVisible();
		assertThat(coordinator.locator("#redaction")).containsText("Disamarkan sekarang: 2 frasa.");
		assertThat(coordinator.locator("#description-heading + p, #description-heading ~ p.text").last())
			.containsText("Siti Rahmawati");
		// the reporter is anonymous: every time the coordinator's page showed them is on record
		assertThat(coordinator.locator("#identity-looks")).containsText("oleh koordinator (Admin Koordinator)");
		look(coordinator, "16-coordinator-redacted");
		act(coordinator, "verify", "Verifikasi: kewenangan Provinsi Jambi");
		coordinator.locator("#assign-agency").selectOption("PUTR");
		act(coordinator, "assign", "Tentukan Perangkat Daerah");
		act(coordinator, "dispose", "Disposisikan ke Pejabat Penghubung");

		Page liaison = signIn("putr");
		openFromInbox(liaison, title, "16-liaison");
		assertThat(liaison.locator("#redacted-notice")).isVisible();
		assertThat(liaison.locator("main")).containsText("Saya [disamarkan], HP [disamarkan], tiga kali datang");
		assertThat(liaison.locator("main")).not().containsText("Rahmawati");
		assertThat(liaison.locator("#redaction")).hasCount(0);
		look(liaison, "16-liaison-reads-redacted");
	}

	private Receipt fileReport(Page citizen, String title, boolean anonymous, String shot) {
		if (!citizen.url().endsWith("/lapor")) {
			citizen.navigate(url("/lapor"));
		}
		fill(citizen, title, anonymous);
		look(citizen, shot + "-form");
		citizen.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kirim laporan")).click();
		Locator code = citizen.locator("#tracking-code");
		assertThat(code).isVisible();
		look(citizen, shot + "-receipt");
		return new Receipt(code.innerText().strip(), citizen.locator("#access-key").innerText().strip());
	}

	private static void fill(Page citizen, String title, boolean anonymous) {
		citizen.locator("label[for='type-COMPLAINT']").click();
		citizen.getByLabel("Judul laporan").fill(title);
		citizen.getByLabel("Kronologi").fill("Sudah dua minggu, membahayakan pengendara motor pada malam hari.");
		citizen.locator("#regency").selectOption("Kota Jambi");
		citizen.getByLabel("Alamat atau patokan").fill("Depan SDN 12, Jl. Sultan Thaha");
		if (anonymous) {
			citizen.locator("label[for='anonymous']").click();
		}
		citizen.getByLabel("Nama (tidak wajib)").fill("Siti Rahmawati");
		citizen.getByLabel("E-mail").fill("siti.rahma@example.id");
		citizen.getByLabel("Nomor telepon").fill("0812-3456-7890");
	}

	/** Finds the report in the inbox by searching its title, and opens it from the list. */
	private void openFromInbox(Page officer, String title, String shot) {
		officer.navigate(url("/petugas"));
		// the list follows what is typed (htmx), no button needed
		officer.getByLabel("Cari judul atau kronologi").fill(title);
		assertThat(officer.locator("#result-count")).hasText("1 laporan ditampilkan, paling mendesak di atas.");
		assertThat(officer).hasURL(Pattern.compile(".*q=.*"));
		look(officer, shot + "-inbox");
		officer.locator(".item", new Page.LocatorOptions().setHasText(title)).locator("a.code").click();
		assertThat(officer.locator("h1")).containsText(title);
		look(officer, shot + "-report");
	}

	private static byte[] png() throws IOException {
		BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ImageIO.write(image, "png", bytes);
		return bytes.toByteArray();
	}

	private static void act(Page page, String action, String button) {
		page.locator("#action-" + action)
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(button))
			.click();
		page.waitForLoadState();
	}

}
