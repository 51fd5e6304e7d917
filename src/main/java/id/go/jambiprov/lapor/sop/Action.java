package id.go.jambiprov.lapor.sop;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The actions of the SOP, named as they appear in the API path
 * ({@code /reports/{code}/actions/{action}}).
 */
public enum Action {

	SUBMIT("submit"), FORWARD("forward"), RECEIVE("receive"), VERIFY("verify"), RETURN("return"),
	ACKNOWLEDGE_RETURN("acknowledge-return"), ASSIGN("assign"), DISPOSE("dispose"), ACCEPT("accept"),
	ANSWER("answer"), DECLINE("decline"), HOLD("hold"), RESUME("resume"), ARCHIVE("archive"), REPLY("reply"),
	CLOSE("close"), RECALL("recall"), LINK("link"), UNLINK("unlink"),
	/** Not a row of the SOP: an ended agency's open report goes to its successor, status and clock unchanged. */
	HAND_OVER("hand-over"),
	/** Not a row of the SOP: 60 days on and unresolved, the reporter asks for the Ombudsman. */
	OMBUDSMAN_REQUEST("ombudsman-request"),
	/** Not a row of the SOP: the coordinator hands the case to the Ombudsman (its package), status unchanged. */
	OMBUDSMAN_HANDOVER("ombudsman-handover");

	private final String path;

	Action(String path) {
		this.path = path;
	}

	/**
	 * Whether the action is a row of the SOP table. {@link #HAND_OVER} and the Ombudsman's two are
	 * not: they change no status and run no clock; each is a timeline entry of its own.
	 */
	public boolean inTable() {
		return this != HAND_OVER && this != OMBUDSMAN_REQUEST && this != OMBUDSMAN_HANDOVER;
	}

	@JsonValue
	public String path() {
		return this.path;
	}

	public static Optional<Action> fromPath(String path) {
		return Arrays.stream(values()).filter(action -> action.path.equals(path)).findFirst();
	}

}
