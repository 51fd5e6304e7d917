package id.go.jambiprov.lapor.report;

/**
 * The way a report came in.
 */
public enum Channel {

	WEB, MOBILE, SMS, WHATSAPP, INSTAGRAM, TWITTER, TELEGRAM, EMAIL, OFFLINE

}
