package id.go.jambiprov.lapor.report;

import java.util.EnumSet;
import java.util.Set;

/**
 * The way a report came in: on its own (the web form, the app, a messaging channel) or through an
 * officer who files what arrived on paper, at the desk, by telephone or as a public post
 * ({@link #assisted()}).
 */
public enum Channel {

	WEB, MOBILE, SMS, WHATSAPP, INSTAGRAM, TWITTER, TELEGRAM, EMAIL,

	/** A civic app speaking Open311 GeoReport v2, with an API key the system admin issued. */
	OPEN311,

	/**
	 * The national SP4N-LAPOR!: a report its national admin forwarded to us through the bridge.
	 * Its reporter follows it there; we never write to them directly.
	 */
	NATIONAL,

	/** A letter, filed by an officer with its scan. */
	LETTER,

	/** A citizen at the front desk. */
	WALK_IN,

	/** A telephone call. */
	PHONE,

	/** A public social-media post an officer found. */
	SOCIAL_MEDIA;

	private static final Set<Channel> ASSISTED = EnumSet.of(LETTER, WALK_IN, PHONE, SOCIAL_MEDIA);

	/** Whether only an officer (coordinator or national admin) files reports of this channel. */
	public boolean assisted() {
		return ASSISTED.contains(this);
	}

	/**
	 * Whether the channel cannot carry an answer back to the reporter (paper, the desk, the
	 * telephone, a post, a civic app): the phone number they gave gets SMS instead.
	 */
	public boolean answersBySms() {
		return assisted() || this == OPEN311;
	}

	/** The channels an officer files reports through, in the order a form offers them. */
	public static Set<Channel> assistedChannels() {
		return EnumSet.copyOf(ASSISTED);
	}

}
