package id.go.jambiprov.lapor.shared;

import java.util.concurrent.Executor;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Starts work on another thread once the current transaction has committed (at once when there
 * is none): the outboxes send what a transaction queued, the intake worker handles what a
 * webhook stored. A busy executor is no failure: each of them has a recurring task that picks
 * the rows up.
 */
public final class AfterCommit {

	private AfterCommit() {
	}

	public static void runSoon(Executor executor, Runnable work) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					submit(executor, work);
				}
			});
		}
		else {
			submit(executor, work);
		}
	}

	private static void submit(Executor executor, Runnable work) {
		try {
			executor.execute(work);
		}
		catch (RuntimeException busy) {
			// the recurring task will do it
		}
	}

}
