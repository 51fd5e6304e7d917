package id.go.jambiprov.lapor.sop.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.chrono.HijrahDate;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;
import org.shredzone.commons.suncalc.MoonPhase;

import id.go.jambiprov.lapor.sop.internal.HolidayCalendar.DayOff;
import id.go.jambiprov.lapor.sop.internal.HolidayCalendar.Kind;

/**
 * The national holidays of a year whose official list (the SKB of three ministers) is not out
 * yet, computed so that a deadline over the new year does not run through them: the fixed days;
 * Good Friday, Easter and Ascension from the Gregorian computus; Isra Mikraj, Idulfitri (two
 * days), Iduladha, 1 Muharam and Maulid from the Umm al-Qura calendar
 * ({@link HijrahDate}); Imlek from the Chinese calendar (ICU4J); Nyepi on the day of the new moon
 * of March in Bali (UTC+8) and Waisak on the day of the first full moon from 8 May in Jakarta,
 * from the moon's phases (commons-suncalc). Each is only an estimate, marked provisional, to be
 * confirmed, moved or removed by the system admin once the SKB appears; cuti bersama are not
 * guessed. Measured against the official lists of 2024 to 2026 in {@code ProvisionalHolidaysTests}.
 */
public final class ProvisionalHolidays {

	private static final ZoneId BALI = ZoneId.of("Asia/Makassar");

	private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

	private ProvisionalHolidays() {
	}

	/** The estimated national holidays of the year, in date order. */
	public static List<DayOff> of(int year) {
		List<DayOff> days = new ArrayList<>();
		day(days, LocalDate.of(year, 1, 1), "Tahun Baru Masehi");
		day(days, LocalDate.of(year, 5, 1), "Hari Buruh Internasional");
		day(days, LocalDate.of(year, 6, 1), "Hari Lahir Pancasila");
		day(days, LocalDate.of(year, 8, 17), "Proklamasi Kemerdekaan RI");
		day(days, LocalDate.of(year, 12, 25), "Kelahiran Yesus Kristus (Natal)");
		LocalDate easter = easter(year);
		day(days, easter.minusDays(2), "Wafat Yesus Kristus");
		day(days, easter, "Kebangkitan Yesus Kristus (Paskah)");
		day(days, easter.plusDays(39), "Kenaikan Yesus Kristus");
		islamic(days, year);
		day(days, chineseNewYear(year), "Tahun Baru Imlek " + (year + 551) + " Kongzili");
		day(days, newMoonDay(year, 3, BALI), "Hari Suci Nyepi Tahun Baru Saka " + (year - 78));
		day(days, fullMoonFrom(LocalDate.of(year, 5, 8), JAKARTA), "Hari Raya Waisak " + (year + 544) + " BE");
		days.sort(Comparator.comparing(DayOff::date));
		return List.copyOf(days);
	}

	private static void day(List<DayOff> days, LocalDate date, String name) {
		if (days.stream().noneMatch(d -> d.date().equals(date))) {
			days.add(new DayOff(date, Kind.HOLIDAY, name));
		}
	}

	/** Easter Sunday (the anonymous Gregorian algorithm). */
	static LocalDate easter(int year) {
		int a = year % 19;
		int b = year / 100;
		int c = year % 100;
		int d = b / 4;
		int e = b % 4;
		int f = (b + 8) / 25;
		int g = (b - f + 1) / 3;
		int h = (19 * a + b - d - g + 15) % 30;
		int i = c / 4;
		int k = c % 4;
		int l = (32 + 2 * e + 2 * i - h - k) % 7;
		int m = (a + 11 * h + 22 * l) / 451;
		int month = (h + l - 7 * m + 114) / 31;
		int dayOfMonth = (h + l - 7 * m + 114) % 31 + 1;
		return LocalDate.of(year, month, dayOfMonth);
	}

	private record Islamic(int month, int day, String name) {
	}

	private static final List<Islamic> ISLAMIC = List.of(new Islamic(7, 27, "Isra Mikraj Nabi Muhammad SAW"),
			new Islamic(10, 1, "Idulfitri %d H"), new Islamic(10, 2, "Idulfitri %d H"),
			new Islamic(12, 10, "Iduladha %d H"), new Islamic(1, 1, "1 Muharam Tahun Baru Islam %d H"),
			new Islamic(3, 12, "Maulid Nabi Muhammad SAW"));

	/** The Islamic days that fall in the Gregorian year (from two Hijri years). */
	private static void islamic(List<DayOff> days, int year) {
		int first = HijrahDate.from(LocalDate.of(year, 1, 1)).get(ChronoField.YEAR);
		for (int hijri = first; hijri <= first + 1; hijri++) {
			for (Islamic day : ISLAMIC) {
				LocalDate date = LocalDate.from(HijrahDate.of(hijri, day.month(), day.day()));
				if (date.getYear() == year) {
					day(days, date, day.name().formatted(hijri));
				}
			}
		}
	}

	/** The first day of the first month of the Chinese year that begins in the Gregorian year. */
	static LocalDate chineseNewYear(int year) {
		ChineseCalendar chinese = new ChineseCalendar(TimeZone.getTimeZone("Asia/Shanghai"));
		for (LocalDate date = LocalDate.of(year, 1, 20); date.isBefore(LocalDate.of(year, 2, 22)); date = date.plusDays(1)) {
			chinese.setTimeInMillis(date.atTime(12, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant().toEpochMilli());
			if (chinese.get(ChineseCalendar.MONTH) == 0 && chinese.get(ChineseCalendar.IS_LEAP_MONTH) == 0
					&& chinese.get(ChineseCalendar.DAY_OF_MONTH) == 1) {
				return date;
			}
		}
		throw new IllegalStateException("No Chinese new year between 20 January and 21 February " + year);
	}

	/** The local day of the new moon that falls in the month (the first, if two do). */
	static LocalDate newMoonDay(int year, int month, ZoneId zone) {
		ZonedDateTime start = LocalDate.of(year, month, 1).atStartOfDay(zone);
		return MoonPhase.compute().phase(MoonPhase.Phase.NEW_MOON).on(start).timezone(zone).execute().getTime()
			.withZoneSameInstant(zone).toLocalDate();
	}

	/** The local day of the first full moon on or after the date. */
	static LocalDate fullMoonFrom(LocalDate from, ZoneId zone) {
		return MoonPhase.compute().phase(MoonPhase.Phase.FULL_MOON).on(from.atStartOfDay(zone)).timezone(zone).execute()
			.getTime().withZoneSameInstant(zone).toLocalDate();
	}

}
