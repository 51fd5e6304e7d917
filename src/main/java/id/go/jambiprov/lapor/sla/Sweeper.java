package id.go.jambiprov.lapor.sla;

/**
 * Gives the signals that are due now. The scheduler calls it every interval; anyone may call it
 * at any time, on any instance: each signal is still given exactly once.
 */
public interface Sweeper {

	/** @return how many signals this call gave */
	int sweep();

}
