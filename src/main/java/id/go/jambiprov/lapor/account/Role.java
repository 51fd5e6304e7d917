package id.go.jambiprov.lapor.account;

/**
 * The roles of the decree and of national LAPOR! practice. {@link #SYSTEM} is the service itself
 * (auto-close, archiving after a missed deadline); nobody logs in as it.
 */
public enum Role {

	/** Admin Nasional / Admin Pusat (KemenPAN RB): sees every jurisdiction. */
	NATIONAL_ADMIN,

	/** Admin Koordinator (Diskominfo): scoped to one jurisdiction. */
	COORDINATOR,

	/** Pejabat Penghubung: scoped to one agency. */
	LIAISON,

	/** Pengawas (Inspektorat, Governor's office): read-only, scoped to a jurisdiction. */
	SUPERVISOR,

	/** Admin sistem: users, agencies, categories, calendar; never report content. */
	SYSTEM_ADMIN,

	/** Pelapor: the citizen, through an account or the access key of one report. */
	REPORTER,

	/** The service itself. */
	SYSTEM;

	public boolean isOfficer() {
		return this == NATIONAL_ADMIN || this == COORDINATOR || this == LIAISON || this == SUPERVISOR;
	}

}
