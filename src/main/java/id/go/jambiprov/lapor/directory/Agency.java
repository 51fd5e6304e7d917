package id.go.jambiprov.lapor.directory;

import java.time.LocalDate;

/**
 * A regional agency (Perangkat Daerah, OPD).
 *
 * @param code stable code, e.g. {@code DINKES}
 * @param name official name, e.g. Dinas Kesehatan
 * @param abbreviation the common abbreviation
 * @param jurisdiction the jurisdiction it belongs to
 * @param validFrom first day it exists
 * @param validUntil last day it exists, {@code null} while it does
 * @param successor code of the agency that took over its work, if any
 */
public record Agency(String code, String name, String abbreviation, String jurisdiction, LocalDate validFrom,
		LocalDate validUntil, String successor) {

	/** Whether reports may be dispositioned to it on that day. */
	public boolean isActiveOn(LocalDate day) {
		return (this.validFrom == null || !day.isBefore(this.validFrom))
				&& (this.validUntil == null || !day.isAfter(this.validUntil));
	}

}
