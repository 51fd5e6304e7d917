package id.go.jambiprov.lapor.sop;

/**
 * A time standard of the decree, e.g. "3 hari kerja" or "10 menit".
 *
 * @param amount how many units, not negative
 * @param unit the unit
 */
public record TimeStandard(int amount, TimeUnit unit) {

	public TimeStandard {
		if (amount < 0 || unit == null) {
			throw new IllegalArgumentException("A time standard needs a unit and an amount >= 0");
		}
	}

}
