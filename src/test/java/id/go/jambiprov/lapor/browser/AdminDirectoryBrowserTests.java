package id.go.jambiprov.lapor.browser;

import java.util.concurrent.ThreadLocalRandom;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.support.BrowserTestSupport;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The system admin keeps the directory and the calendar in the browser: an agency that merges
 * gets its last day and successor, a category is added and later no longer offered to citizens,
 * a day off is added, renamed and removed, and every change is on record.
 */
class AdminDirectoryBrowserTests extends BrowserTestSupport {

	@Test
	void anAgencyThatMergesGetsItsLastDayAndItsSuccessor() {
		String suffix = String.valueOf(ThreadLocalRandom.current().nextInt(10_000, 99_999));
		Page admin = signIn("admin");
		admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Perangkat Daerah").setExact(true)).click();
		assertThat(admin.locator("h1")).hasText("Perangkat Daerah (OPD)");
		admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tambah Perangkat Daerah")).click();
		admin.locator("#a-code").fill("uji coba");
		save(admin);
		assertThat(admin.locator("#a-code-error")).hasText("Huruf besar, angka atau garis bawah, 2 sampai 40 karakter.");
		assertThat(admin.locator("#a-name-error")).hasText("Wajib diisi.");
		look(admin, "60-agency-invalid");

		addAgency(admin, "LAMA" + suffix, "Dinas Lama " + suffix);
		addAgency(admin, "BARU" + suffix, "Dinas Baru " + suffix);

		admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ubah Dinas Lama " + suffix)).click();
		assertThat(admin.locator("#a-code")).not().isEditable();
		admin.locator("#a-successor").selectOption("BARU" + suffix);
		save(admin);
		assertThat(admin.locator("#a-successor-error")).hasText("Isi hari terakhir sebelum memilih pengganti.");
		admin.locator("#a-until").fill("2020-12-31");
		save(admin);
		assertThat(admin.locator(".notice.ok")).containsText("Dinas Lama " + suffix);
		var card = admin.locator(".item", new Page.LocatorOptions().setHasText("Dinas Lama " + suffix));
		assertThat(card.locator(".badge")).hasText("berakhir");
		assertThat(card).containsText("Pengganti: Dinas Baru " + suffix);
		assertThat(admin.locator("section.card")).containsText("diubah oleh admin");
		look(admin, "60-agencies");
		assertThat(this.jdbc.sql("select successor from agency where code = ?")
			.param("LAMA" + suffix)
			.query(String.class)
			.single()).isEqualTo("BARU" + suffix);
	}

	@Test
	void aCategoryNoLongerOfferedDisappearsFromTheReportForm() {
		String code = "UJI_" + ThreadLocalRandom.current().nextInt(10_000, 99_999);
		Page admin = signIn("admin");
		admin.navigate(url("/admin/kategori"));
		admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tambah kategori")).click();
		admin.locator("#c-code").fill(code);
		admin.locator("#c-name").fill("Kategori " + code);
		admin.locator("#c-name-en").fill("Category " + code);
		admin.locator("#c-parent").selectOption(new SelectOption().setIndex(1));
		look(admin, "61-category-form");
		save(admin);
		assertThat(admin.locator(".notice.ok")).containsText("Kategori " + code);
		look(admin, "61-categories");

		Page citizen = newPage();
		citizen.navigate(url("/lapor"));
		assertThat(citizen.locator("#category option[value='" + code + "']")).hasCount(1);

		admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ubah Kategori " + code)).click();
		admin.locator("label[for='c-active']").click();
		save(admin);
		assertThat(admin.locator(".item", new Page.LocatorOptions().setHasText("Kategori " + code)).locator(".badge"))
			.hasText("tidak ditawarkan");
		citizen.reload();
		assertThat(citizen.locator("#category option[value='" + code + "']")).hasCount(0);
	}

	@Test
	void aDayOffIsAddedRenamedAndRemovedWithEveryChangeOnRecord() {
		Page admin = signIn("admin");
		admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Kalender libur")).click();
		admin.navigate(url("/admin/kalender?tahun=2031"));
		assertThat(admin.locator("h1")).hasText("Hari libur 2031");
		admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tambah hari libur")).click();
		assertThat(admin.locator("#h-date-error")).hasText("Wajib diisi.");
		admin.locator("#h-date").fill("2031-08-18");
		admin.locator("#h-name").fill("Cuti bersama Kemerdekaan");
		admin.locator("#h-kind").selectOption("COLLECTIVE_LEAVE");
		admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tambah hari libur")).click();
		assertThat(admin.locator(".notice.ok")).containsText("Cuti bersama Kemerdekaan");

		admin.getByLabel("Nama hari libur 18 Agu 2031").fill("Cuti bersama HUT RI");
		admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simpan perubahan")).click();
		assertThat(admin.getByLabel("Nama hari libur 18 Agu 2031")).hasValue("Cuti bersama HUT RI");
		look(admin, "62-calendar");

		admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Hapus 18 Agu 2031")).click();
		assertThat(admin.locator(".notice.ok")).containsText("dihapus");
		assertThat(admin.locator("section.card li")).hasCount(3);
		assertThat(this.jdbc.sql("select count(*) from holiday where holiday_date = date '2031-08-18'")
			.query(Integer.class)
			.single()).isZero();
	}

	private void addAgency(Page admin, String code, String name) {
		admin.navigate(url("/admin/opd/baru"));
		admin.locator("#a-code").fill(code);
		admin.locator("#a-name").fill(name);
		admin.locator("#a-jurisdiction").selectOption("JAMBI");
		admin.locator("#a-from").fill("2019-01-01");
		save(admin);
		assertThat(admin.locator(".notice.ok")).containsText(name);
	}

	private static void save(Page admin) {
		admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simpan")).click();
		admin.waitForLoadState();
	}

}
