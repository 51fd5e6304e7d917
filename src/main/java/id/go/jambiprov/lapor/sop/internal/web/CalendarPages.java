package id.go.jambiprov.lapor.sop.internal.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import id.go.jambiprov.lapor.account.Actor;
import id.go.jambiprov.lapor.account.CurrentActor;
import id.go.jambiprov.lapor.sop.WorkingCalendar;
import id.go.jambiprov.lapor.sop.internal.HolidayCalendar.DayOff;
import id.go.jambiprov.lapor.sop.internal.HolidayCalendar.Kind;
import id.go.jambiprov.lapor.sop.internal.HolidayCalendar;
import id.go.jambiprov.lapor.web.FormErrors;
import id.go.jambiprov.lapor.web.InvalidInputException;
import id.go.jambiprov.lapor.web.ProblemException;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The system admin's page for the days off of a year: national holidays and cuti bersama,
 * added, renamed and removed, with the history of every change. Running deadlines follow the
 * calendar at once.
 */
@Controller
class CalendarPages {

	record DayOffForm(LocalDate date, Kind kind, String name) {
	}

	private final HolidayCalendar holidays;

	private final CurrentActor actor;

	private final MessageSource messages;

	private final Clock clock;

	CalendarPages(HolidayCalendar holidays, CurrentActor actor, MessageSource messages, Clock clock) {
		this.holidays = holidays;
		this.actor = actor;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/admin/kalender")
	String calendar(@RequestParam(name = "tahun", required = false) Integer year, Model model) {
		return show(year(year), new DayOffForm(null, Kind.HOLIDAY, null), Map.of(), model);
	}

	@PostMapping("/admin/kalender")
	String add(@ModelAttribute DayOffForm form, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		int year = form.date() == null ? year(null) : form.date().getYear();
		try {
			this.holidays.add(admin(), new DayOff(form.date(), form.kind(), form.name()));
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return show(year, form, FormErrors.of(invalid, this.messages, locale), model);
		}
		catch (ProblemException exists) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return show(year, form, Map.of("date", text("calendar.exists", locale, day(form.date(), locale))), model);
		}
		redirect.addFlashAttribute("done", text("calendar.added", locale, day(form.date(), locale), form.name().strip()));
		return "redirect:/admin/kalender?tahun=" + year;
	}

	@PostMapping("/admin/kalender/{date}")
	String change(@PathVariable LocalDate date, @ModelAttribute DayOffForm form, Locale locale,
			RedirectAttributes redirect) {
		try {
			this.holidays.change(admin(), new DayOff(date, form.kind(), form.name()));
			redirect.addFlashAttribute("done", text("calendar.changed", locale, day(date, locale)));
		}
		catch (InvalidInputException invalid) {
			redirect.addFlashAttribute("failed", text("calendar.name-required", locale, day(date, locale)));
		}
		return "redirect:/admin/kalender?tahun=" + date.getYear();
	}

	@PostMapping("/admin/kalender/{date}/konfirmasi")
	String confirm(@PathVariable LocalDate date, Locale locale, RedirectAttributes redirect) {
		this.holidays.confirm(admin(), date);
		redirect.addFlashAttribute("done", text("calendar.confirmed", locale, day(date, locale)));
		return "redirect:/admin/kalender?tahun=" + date.getYear();
	}

	@PostMapping("/admin/kalender/{date}/hapus")
	String remove(@PathVariable LocalDate date, Locale locale, RedirectAttributes redirect) {
		this.holidays.remove(admin(), date);
		redirect.addFlashAttribute("done", text("calendar.removed", locale, day(date, locale)));
		return "redirect:/admin/kalender?tahun=" + date.getYear();
	}

	private String show(int year, DayOffForm form, Map<String, String> errors, Model model) {
		model.addAttribute("year", year);
		model.addAttribute("days", this.holidays.year(year));
		model.addAttribute("changes", this.holidays.changes(admin(), year));
		model.addAttribute("kinds", Kind.values());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "admin-calendar";
	}

	private int year(Integer year) {
		if (year == null || year < 2000 || year > 2100) {
			return Year.now(this.clock.withZone(WorkingCalendar.JAKARTA)).getValue();
		}
		return year;
	}

	private Actor admin() {
		Actor by = this.actor.get().orElseThrow();
		HolidayCalendar.mustAdminister(by);
		return by;
	}

	private static String day(LocalDate date, Locale locale) {
		return DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(date);
	}

	private String text(String code, Locale locale, Object... arguments) {
		return this.messages.getMessage(code, arguments, locale);
	}

}
