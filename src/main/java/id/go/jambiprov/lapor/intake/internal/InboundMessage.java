package id.go.jambiprov.lapor.intake.internal;

import java.time.Instant;

import id.go.jambiprov.lapor.report.Channel;

/**
 * One message as a channel delivered it, reduced to what every channel has.
 *
 * @param channel where it came from
 * @param providerMessageId the provider's id of the message, unique per channel
 * @param sender the sender's handle on that channel (phone number, chat id, account, address)
 * @param senderName the name the channel shows, if any
 * @param kind what it carries
 * @param body the text, or a caption
 * @param mediaRef the provider's id or address of a photo or document, fetched later
 * @param mediaType its declared type
 * @param mediaName its file name, if the channel gives one
 * @param latitude a shared location
 * @param longitude a shared location
 * @param contextRef the provider id of the message this one answers, if the channel says
 * @param sentAt when the provider says it was sent
 */
public record InboundMessage(Channel channel, String providerMessageId, String sender, String senderName, Kind kind,
		String body, String mediaRef, String mediaType, String mediaName, Double latitude, Double longitude,
		String contextRef, Instant sentAt) {

	public enum Kind {

		TEXT, IMAGE, DOCUMENT, LOCATION, COMMENT, MENTION, OTHER

	}

	static InboundMessage text(Channel channel, String id, String sender, String senderName, String body,
			Instant sentAt) {
		return new InboundMessage(channel, id, sender, senderName, Kind.TEXT, body, null, null, null, null, null, null,
				sentAt);
	}

	InboundMessage withContext(String context) {
		return new InboundMessage(this.channel, this.providerMessageId, this.sender, this.senderName, this.kind,
				this.body, this.mediaRef, this.mediaType, this.mediaName, this.latitude, this.longitude, context,
				this.sentAt);
	}

}
