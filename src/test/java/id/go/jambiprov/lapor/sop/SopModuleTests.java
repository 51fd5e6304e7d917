package id.go.jambiprov.lapor.sop;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.account.Actor;
import id.go.jambiprov.lapor.account.CurrentActor;
import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.sop.internal.HolidayCalendar;
import id.go.jambiprov.lapor.support.TestClockConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SOP module alone (its own beans, on PostgreSQL): a day off added by the system admin
 * changes the deadlines at once and is announced to the other modules as {@link CalendarChanged}.
 */
@ApplicationModuleTest(webEnvironment = org.springframework.boot.test.context.SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class SopModuleTests {

	@MockitoBean
	CurrentActor currentActor;

	@Autowired
	HolidayCalendar holidays;

	@Autowired
	Deadlines deadlines;

	@Test
	void aDayOffAddedIsAnnouncedAndCountsAtOnce(Scenario scenario) {
		Actor admin = new Actor(UUID.randomUUID(), "admin", Role.SYSTEM_ADMIN, null, null);
		LocalDate day = LocalDate.parse("2026-10-07");
		assertThat(this.deadlines.calendar().isWorkingDay(day)).isTrue();
		try {
			scenario.stimulate(() -> this.holidays.add(admin,
					new HolidayCalendar.DayOff(day, HolidayCalendar.Kind.HOLIDAY, "Uji modul")))
				.andWaitForEventOfType(CalendarChanged.class)
				.matching(changed -> changed.day().equals(day))
				.toArriveAndVerify(changed -> assertThat(this.deadlines.calendar().isWorkingDay(day)).isFalse());
		}
		finally {
			this.holidays.remove(admin, day);
		}
	}

}
