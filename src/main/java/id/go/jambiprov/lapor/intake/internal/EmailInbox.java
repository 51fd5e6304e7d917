package id.go.jambiprov.lapor.intake.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.go.jambiprov.lapor.intake.internal.InboundMessage.Kind;
import id.go.jambiprov.lapor.report.Channel;
import id.go.jambiprov.lapor.shared.Redaction;

import org.springframework.stereotype.Component;

/**
 * E-mail to the complaints mailbox: polls an IMAP folder for unread mail, stores each message
 * with its attachments (the {@code Message-ID} is its id, so a message read twice is stored
 * once), and only then marks it read. A reply is threaded to its report by {@code In-Reply-To}
 * / {@code References} (the citizen's earlier mail) or by the tracking code in a "Re:" subject
 * (our receipt); quoted text below the reply is left out.
 */
@Component
class EmailInbox {

	private static final Logger log = LoggerFactory.getLogger(EmailInbox.class);

	private static final Pattern CODE = Pattern.compile("(\\d{4}-\\d{4}-\\d{4})");

	private static final Pattern QUOTE_HEADER = Pattern.compile(
			"(?im)^(On .{3,200} wrote:|Pada .{3,200} menulis:|-{2,}\\s*Original Message\\s*-{2,}|-{2,}\\s*Pesan Asli\\s*-{2,})\\s*$");

	static final int MAX_FILES = 5;

	static final int MAX_FILE_BYTES = 5 * 1024 * 1024;

	/** An attachment as it came. */
	record Media(String fileName, String contentType, byte[] content) {
	}

	private final ChannelSettings.Email settings;

	private final InboundStore store;

	EmailInbox(ChannelSettings settings, InboundStore store) {
		this.settings = settings.email();
		this.store = store;
	}

	boolean enabled() {
		return this.settings.enabled();
	}

	/** Reads unread mail; returns how many messages were stored. */
	int poll() {
		if (!enabled()) {
			return 0;
		}
		Properties properties = new Properties();
		String protocol = this.settings.protocol();
		properties.put("mail." + protocol + ".connectiontimeout", "10000");
		properties.put("mail." + protocol + ".timeout", "30000");
		int stored = 0;
		try (Store mailbox = Session.getInstance(properties).getStore(protocol)) {
			mailbox.connect(this.settings.host(), this.settings.port(), this.settings.username(), this.settings.password());
			Folder folder = mailbox.getFolder(this.settings.folder());
			folder.open(Folder.READ_WRITE);
			try {
				for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
					stored += take((MimeMessage) message);
				}
			}
			finally {
				folder.close(false);
			}
		}
		catch (MessagingException unavailable) {
			log.warn("Complaints mailbox not read: {}", Redaction.redact(unavailable.getMessage()));
		}
		return stored;
	}

	private int take(MimeMessage mail) throws MessagingException {
		try {
			Address[] from = mail.getFrom();
			if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress sender)) {
				mail.setFlag(Flags.Flag.SEEN, true);
				return 0;
			}
			String id = mail.getMessageID() != null ? mail.getMessageID().strip()
					: "imap:" + sender.getAddress() + ":" + mail.getSentDate();
			String subject = mail.getSubject() == null ? "" : mail.getSubject().strip();
			List<Media> files = new ArrayList<>();
			String text = withoutSignature(withoutQuote(text(mail, files)));
			String context = context(mail, subject);
			// a new mail's subject is its title; a reply's subject only repeats the thread's
			String body = subject.isEmpty() || (context != null && !text.isEmpty()) ? text
					: text.isEmpty() ? subject : subject + "\n\n" + text;
			int added = this.store.store(new InboundMessage(Channel.EMAIL, id, sender.getAddress().toLowerCase(Locale.ROOT),
					sender.getPersonal(), Kind.TEXT, body, null, null, null, null, null, context,
					mail.getSentDate() == null ? null : mail.getSentDate().toInstant()), files);
			mail.setFlag(Flags.Flag.SEEN, true);
			return added;
		}
		catch (IOException unreadable) {
			log.warn("An e-mail could not be read and stays unread: {}", Redaction.redact(unreadable.getMessage()));
			return 0;
		}
	}

	/** What the mail answers: our receipt (its code in a "Re:" subject), or an earlier mail. */
	private static String context(MimeMessage mail, String subject) throws MessagingException {
		Matcher code = CODE.matcher(subject);
		if (subject.toLowerCase(Locale.ROOT).matches("^(re|bls|balas)\\s*:.*") && code.find()) {
			return "report:" + code.group(1);
		}
		String[] inReplyTo = mail.getHeader("In-Reply-To");
		if (inReplyTo != null && inReplyTo.length > 0) {
			return inReplyTo[0].strip();
		}
		String[] references = mail.getHeader("References");
		if (references != null && references.length > 0) {
			String[] ids = references[0].strip().split("\\s+");
			return ids[ids.length - 1];
		}
		return null;
	}

	/** The plain text of the mail (HTML stripped when there is no plain part); files collected on the way. */
	private static String text(Part part, List<Media> files) throws MessagingException, IOException {
		String disposition = part.getDisposition();
		if (part.getFileName() != null
				&& (Part.ATTACHMENT.equalsIgnoreCase(disposition) || Part.INLINE.equalsIgnoreCase(disposition)
						|| !part.isMimeType("text/*"))) {
			if (files.size() < MAX_FILES) {
				byte[] bytes = read(part.getInputStream());
				if (bytes != null) {
					files.add(new Media(part.getFileName(), part.getContentType(), bytes));
				}
			}
			return "";
		}
		if (part.isMimeType("text/plain")) {
			return String.valueOf(part.getContent()).strip();
		}
		if (part.isMimeType("text/html")) {
			return String.valueOf(part.getContent()).replaceAll("(?is)<(script|style).*?</\\1>", " ")
				.replaceAll("(?i)<br\\s*/?>|</p>", "\n")
				.replaceAll("<[^>]+>", " ")
				.replaceAll("&nbsp;", " ")
				.replaceAll("[ \\t]+", " ")
				.strip();
		}
		if (part.isMimeType("multipart/alternative")) {
			Multipart alternatives = (Multipart) part.getContent();
			String html = "";
			for (int i = 0; i < alternatives.getCount(); i++) {
				Part alternative = alternatives.getBodyPart(i);
				if (alternative.isMimeType("text/plain")) {
					return text(alternative, files);
				}
				html = text(alternative, files);
			}
			return html;
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < multipart.getCount(); i++) {
				String piece = text(multipart.getBodyPart(i), files);
				if (!piece.isEmpty()) {
					text.append(text.length() == 0 ? "" : "\n\n").append(piece);
				}
			}
			return text.toString();
		}
		return "";
	}

	/** A file up to the upload limit, or null when larger. */
	private static byte[] read(InputStream in) throws IOException {
		try (in) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			int n;
			while ((n = in.read(buffer)) > 0) {
				out.write(buffer, 0, n);
				if (out.size() > MAX_FILE_BYTES) {
					return null;
				}
			}
			return out.toByteArray();
		}
	}

	/** A sign-off that starts a signature block: what follows names the sender. */
	private static final Pattern SIGN_OFF = Pattern.compile(
			"(?iu)^\\s*(salam|hormat saya|hormat kami|terima ?kasih|wassalam\\S*|regards|best regards|kind regards|"
					+ "best|thanks|thank you|cheers|sent from my|dikirim dari)\\b.*");

	/**
	 * The mail without its signature block: everything after a {@code "-- "} line, or after a
	 * sign-off in the last lines (a name, a title, a number below it). A signature names the
	 * reporter and their number; the report's text must not carry them to the agency.
	 */
	static String withoutSignature(String text) {
		List<String> lines = text.lines().toList();
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).equals("-- ") || lines.get(i).strip().equals("--")) {
				return String.join("\n", lines.subList(0, i)).strip();
			}
		}
		for (int i = Math.max(1, lines.size() - 7); i < lines.size(); i++) {
			boolean shortTail = lines.subList(i + 1, lines.size()).stream().allMatch(line -> line.strip().length() <= 60);
			if (SIGN_OFF.matcher(lines.get(i)).matches() && shortTail && lines.get(i).strip().length() <= 60) {
				return String.join("\n", lines.subList(0, i)).strip();
			}
		}
		return text.strip();
	}

	/** The reply above the quoted mail it answers. */
	static String withoutQuote(String text) {
		Matcher header = QUOTE_HEADER.matcher(text);
		String reply = header.find() ? text.substring(0, header.start()) : text;
		return reply.lines().filter(line -> !line.startsWith(">")).reduce((a, b) -> a + "\n" + b).orElse("").strip();
	}

}
