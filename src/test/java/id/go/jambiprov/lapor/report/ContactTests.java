package id.go.jambiprov.lapor.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ContactTests {

	@ParameterizedTest
	@ValueSource(strings = { "0812-3456-7890", "081234567890", "+62 812 3456 7890", "62812 3456 7890",
			"(0812) 3456 7890" })
	void indonesianMobileNumbersBecomeE164(String typed) {
		assertThat(PhoneNumber.parse(typed)).contains(new PhoneNumber("+6281234567890"));
	}

	@Test
	void aJambiLandlineIsValid() {
		assertThat(PhoneNumber.parse("0741 123456")).contains(new PhoneNumber("+62741123456"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "12", "0812", "hello", "08123456789012345", "" })
	void impossibleNumbersAreRefused(String typed) {
		assertThat(PhoneNumber.parse(typed)).isEmpty();
	}

	@Test
	void emailDomainsAreLowerCasedAndNonsenseRefused() {
		assertThat(EmailAddress.parse("  Siti.Aminah@Jambiprov.GO.ID ")).contains(new EmailAddress("Siti.Aminah@jambiprov.go.id"));
		assertThat(EmailAddress.parse("siti@")).isEmpty();
		assertThat(EmailAddress.parse("siti@localhost")).isEmpty();
		assertThat(EmailAddress.parse("si..ti@example.com")).isEmpty();
		assertThat(EmailAddress.parse("@example.com")).isEmpty();
	}

	@Test
	void anIdentityNumberIsSixteenDigitsWithARealProvinceAndBirthDate() {
		assertThat(IdentityNumber.parse("1571014506900003")).isPresent();
		assertThat(IdentityNumber.parse("1571-0105-0690-0003")).isPresent();
		assertThat(IdentityNumber.parse("1571014506900000")).as("serial 0000").isEmpty();
		assertThat(IdentityNumber.parse("9971014506900003")).as("no province 99").isEmpty();
		assertThat(IdentityNumber.parse("1571013213900003")).as("month 13").isEmpty();
		assertThat(IdentityNumber.parse("1571017202900003")).as("day 32 for a woman").isEmpty();
		assertThat(IdentityNumber.parse("157101450690003")).as("15 digits").isEmpty();
	}

	@Test
	void anIdentityNumberPrintsMasked() {
		assertThat(new IdentityNumber("1571014506900003").toString()).isEqualTo("************0003");
	}

}
