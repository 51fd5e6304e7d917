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
	CLOSE("close");

	private final String path;

	Action(String path) {
		this.path = path;
	}

	@JsonValue
	public String path() {
		return this.path;
	}

	public static Optional<Action> fromPath(String path) {
		return Arrays.stream(values()).filter(action -> action.path.equals(path)).findFirst();
	}

}
