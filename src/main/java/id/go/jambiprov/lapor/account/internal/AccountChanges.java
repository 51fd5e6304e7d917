package id.go.jambiprov.lapor.account.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.go.jambiprov.lapor.account.Actor;
import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.mail.MailOutbox;
import id.go.jambiprov.lapor.shared.Hashes;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to officers' accounts, with four eyes where an account can read reports: the system
 * admin asks (create, enable again, reset the password), and for the roles that read reports a
 * second person approves — a national admin for national admins and coordinators, the
 * jurisdiction's coordinator for its liaison officers and supervisors. Nobody chooses another
 * person's password: an account made or reset gets a one-time link (24 hours) to set its own,
 * mailed to it, or shown once to the approver when the account has no e-mail. Every change is
 * an append-only row of {@code user_change}.
 */
@Service
public class AccountChanges {

	private static final Logger security = LoggerFactory.getLogger("security");

	static final Duration LINK_LIFETIME = Duration.ofHours(24);

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Locale INDONESIAN = Locale.forLanguageTag("id");

	/** Times are told in Jakarta's (the account module comes before the SOP's calendar). */
	private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

	/** What waits for a second person. */
	public enum Pending {
		/** A new account. */
		CREATE,
		/** A disabled account to be enabled again. */
		ENABLE,
		/** A new password (the old one no longer works). */
		RESET,
		/** The second factor removed (a lost phone): the owner sets up a new one at the next sign-in. */
		SECOND_FACTOR
	}

	/** Why a change was refused; {@code messageKey} says it to a person. */
	public static final class Refused extends RuntimeException {

		private final String messageKey;

		private final Object[] arguments;

		public Refused(String messageKey, Object... arguments) {
			super(messageKey, null, false, false);
			this.messageKey = messageKey;
			this.arguments = arguments;
		}

		public String messageKey() {
			return this.messageKey;
		}

		public Object[] arguments() {
			return this.arguments;
		}

	}

	/** An account waiting for approval, as its approver reads it. */
	public record PendingAccount(UUID id, String username, @Nullable String displayName, Role role,
			@Nullable String jurisdiction, @Nullable String agency, Pending change, @Nullable String reason,
			String requestedBy, OffsetDateTime requestedAt) {
	}

	/** One change to a user. */
	public record Change(OffsetDateTime at, String by, String change, @Nullable String before, @Nullable String after,
			@Nullable String reason) {
	}

	/**
	 * What became of an approval (or a change that needed none): the link to set the password,
	 * to hand over in person when {@code mailed} is false.
	 */
	public record Outcome(String username, @Nullable String link, boolean mailed, boolean waiting) {

		Outcome(String username, @Nullable String link, boolean mailed) {
			this(username, link, mailed, false);
		}

	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final PasswordEncoder passwords;

	private final AccountRevocation revocation;

	private final MailOutbox mail;

	private final MessageSource messages;

	private final String publicUrl;

	private final SecondFactor secondFactor;

	AccountChanges(JdbcClient jdbc, Clock clock, PasswordEncoder passwords, AccountRevocation revocation, MailOutbox mail,
			MessageSource messages, @Value("${lapor.public-url:http://localhost:8080}") String publicUrl,
			SecondFactor secondFactor) {
		this.secondFactor = secondFactor;
		this.jdbc = jdbc;
		this.clock = clock;
		this.passwords = passwords;
		this.revocation = revocation;
		this.mail = mail;
		this.messages = messages;
		this.publicUrl = publicUrl;
	}

	/** Whether an account of this role needs a second person before it may sign in. */
	public static boolean needsApproval(Role role) {
		return role.isOfficer();
	}

	/** Whether {@code approver} may approve an account of that role and scope. */
	static boolean mayApprove(Actor approver, Role role, @Nullable String jurisdiction) {
		return switch (role) {
			case NATIONAL_ADMIN, COORDINATOR -> approver.role() == Role.NATIONAL_ADMIN;
			case LIAISON, SUPERVISOR -> approver.role() == Role.COORDINATOR && approver.jurisdiction() != null
					&& approver.jurisdiction().equals(jurisdiction);
			default -> false;
		};
	}

	/**
	 * The system admin makes an account. One that reads reports waits for approval; any other
	 * gets its link at once.
	 * @return the link when it was not mailed (only for accounts that need no approval)
	 */
	@Transactional
	public Outcome create(Actor admin, String username, @Nullable String displayName, Role role,
			@Nullable String jurisdiction, @Nullable String agency, @Nullable String email, @Nullable String reason) {
		requireSystemAdmin(admin);
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		boolean waits = needsApproval(role);
		this.jdbc.sql("""
				insert into app_user (id, username, password_hash, display_name, role, jurisdiction, agency, enabled,
				  created_at, email, pending_change, pending_reason, pending_by, pending_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, username, unusablePassword(), displayName, role.name(), jurisdiction, agency, !waits,
					Timestamp.from(now), email, waits ? Pending.CREATE.name() : null, waits ? reason : null,
					waits ? admin.userId() : null, waits ? Timestamp.from(now) : null)
			.update();
		record(id, admin, "CREATED", null, state(role, jurisdiction, agency, waits ? "PENDING" : "ACTIVE"), reason);
		return waits ? new Outcome(username, null, false, true) : handOver(id);
	}

	/**
	 * The first account of a role, at installation: made only while no account of that role
	 * exists, with its password link (see {@link Installation}).
	 */
	@Transactional
	public Optional<Outcome> install(Role role, String username) {
		boolean any = this.jdbc.sql("select count(*) from app_user where role = ?").param(role.name())
			.query(Integer.class)
			.single() > 0;
		if (any || !username.matches("[a-z0-9._@+-]{3,100}")) {
			return Optional.empty();
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into app_user (id, username, password_hash, display_name, role, enabled, created_at)
				values (?, ?, ?, ?, ?, true, ?)""")
			.params(id, username, unusablePassword(), username, role.name(), Timestamp.from(this.clock.instant()))
			.update();
		this.jdbc.sql("""
				insert into user_change (user_id, changed_at, changed_by, changed_by_name, change, before_state, after_state,
				  reason)
				values (?, ?, null, '(instalasi / installation)', 'CREATED', null, ?, 'first account of its role')""")
			.params(id, Timestamp.from(this.clock.instant()), role.name() + " ACTIVE")
			.update();
		Outcome outcome = handOver(id);
		return Optional.of(new Outcome(outcome.username(), outcome.link() != null ? outcome.link()
				: "(mailed)", outcome.mailed()));
	}

	/** The system admin enables an account again; one that reads reports waits for approval. */
	@Transactional
	public Outcome enable(Actor admin, UUID id, @Nullable String reason) {
		requireSystemAdmin(admin);
		Account account = account(id);
		if (account.enabled()) {
			return new Outcome(account.username(), null, false);
		}
		if (needsApproval(account.role())) {
			ask(id, admin, Pending.ENABLE, reason);
			record(id, admin, "ENABLE_REQUESTED", "DISABLED", "PENDING", reason);
			return new Outcome(account.username(), null, false, true);
		}
		this.jdbc.sql("update app_user set enabled = true where id = ?").param(id).update();
		record(id, admin, "ENABLED", "DISABLED", "ACTIVE", reason);
		return new Outcome(account.username(), null, false);
	}

	/** The system admin disables an account: its sessions and tokens end at once. */
	@Transactional
	public void disable(Actor admin, UUID id, @Nullable String reason) {
		requireSystemAdmin(admin);
		Account account = account(id);
		if (admin.userId() != null && admin.userId().equals(id)) {
			throw new Refused("account.refused.own");
		}
		this.jdbc.sql("""
				update app_user set enabled = false, pending_change = null, pending_reason = null, pending_by = null,
				  pending_at = null where id = ?""")
			.param(id)
			.update();
		this.revocation.revoke(id);
		record(id, admin, "DISABLED", account.enabled() ? "ACTIVE" : "DISABLED", "DISABLED", reason);
	}

	/**
	 * The system admin resets a password: the old one stops working at once, with the account's
	 * sessions and tokens. An account that reads reports waits, disabled, for approval; its link
	 * goes out then. Any other gets its link now.
	 */
	@Transactional
	public Outcome reset(Actor admin, UUID id, @Nullable String reason) {
		requireSystemAdmin(admin);
		Account account = account(id);
		this.jdbc.sql("update app_user set password_hash = ? where id = ?").params(unusablePassword(), id).update();
		this.revocation.revoke(id);
		if (needsApproval(account.role())) {
			this.jdbc.sql("update app_user set enabled = false where id = ?").param(id).update();
			ask(id, admin, Pending.RESET, reason);
			record(id, admin, "RESET_REQUESTED", account.enabled() ? "ACTIVE" : "DISABLED", "PENDING", reason);
			return new Outcome(account.username(), null, false, true);
		}
		record(id, admin, "PASSWORD_RESET", null, null, reason);
		return handOver(id);
	}

	/**
	 * The system admin asks to remove an account's second factor (a lost phone). For an account
	 * that reads reports a second person approves; its sessions end then, and the owner sets up a
	 * new factor at the next sign-in.
	 */
	@Transactional
	public Outcome resetSecondFactor(Actor admin, UUID id, @Nullable String reason) {
		requireSystemAdmin(admin);
		Account account = account(id);
		if (needsApproval(account.role())) {
			ask(id, admin, Pending.SECOND_FACTOR, reason);
			record(id, admin, "SECOND_FACTOR_RESET_REQUESTED", null, "PENDING", reason);
			return new Outcome(account.username(), null, false, true);
		}
		this.secondFactor.remove(id);
		this.revocation.revoke(id);
		record(id, admin, "SECOND_FACTOR_RESET", null, null, reason);
		return new Outcome(account.username(), null, false);
	}

	/** The accounts the officer may approve, oldest request first. */
	public List<PendingAccount> pendingFor(Actor approver) {
		return this.jdbc.sql("""
				select u.id, u.username, u.display_name, u.role, u.jurisdiction, u.agency, u.pending_change, u.pending_reason,
				       coalesce(a.username, '-') as requested_by, u.pending_at
				from app_user u left join app_user a on a.id = u.pending_by
				where u.pending_change is not null order by u.pending_at, u.username""")
			.query((rs, n) -> new PendingAccount(rs.getObject("id", UUID.class), rs.getString("username"),
					rs.getString("display_name"), Role.valueOf(rs.getString("role")), rs.getString("jurisdiction"),
					rs.getString("agency"), Pending.valueOf(rs.getString("pending_change")), rs.getString("pending_reason"),
					rs.getString("requested_by"),
					rs.getTimestamp("pending_at").toInstant().atZone(JAKARTA).toOffsetDateTime()))
			.list()
			.stream()
			.filter(p -> mayApprove(approver, p.role(), p.jurisdiction()) && !p.id().equals(approver.userId()))
			.toList();
	}

	/**
	 * The second person approves: the account is enabled and gets its link to set a password
	 * (except an account enabled again, which keeps its password).
	 */
	@Transactional
	public Outcome approve(Actor approver, UUID id) {
		PendingAccount pending = pendingOf(approver, id);
		if (pending.change() == Pending.SECOND_FACTOR) {
			clearPending(id);
			this.secondFactor.remove(id);
			this.revocation.revoke(id);
			record(id, approver, "SECOND_FACTOR_RESET", "PENDING " + pending.change(), null, pending.reason());
			return new Outcome(pending.username(), null, false);
		}
		this.jdbc.sql("""
				update app_user set enabled = true, pending_change = null, pending_reason = null, pending_by = null,
				  pending_at = null where id = ?""")
			.param(id)
			.update();
		record(id, approver, "APPROVED", "PENDING " + pending.change(), "ACTIVE", pending.reason());
		security.info("event=account-approved user={} role={} approver={}", pending.username(), pending.role(),
				approver.username());
		return pending.change() == Pending.ENABLE ? new Outcome(pending.username(), null, false) : handOver(id);
	}

	/** The second person refuses: the account stays disabled. */
	@Transactional
	public void reject(Actor approver, UUID id) {
		PendingAccount pending = pendingOf(approver, id);
		clearPending(id);
		record(id, approver, "REJECTED", "PENDING " + pending.change(),
				pending.change() == Pending.SECOND_FACTOR ? null : "DISABLED", pending.reason());
	}

	/** The user of a valid link sets their own password; the link is used up. */
	@Transactional
	public String setPassword(String token, String password) {
		UUID user = linkOwner(token).orElseThrow(() -> new Refused("password-link.invalid"));
		this.jdbc.sql("update password_link set used_at = ? where token_hash = ?")
			.params(Timestamp.from(this.clock.instant()), PasswordLinks.hash(token))
			.update();
		this.jdbc.sql("update app_user set password_hash = ? where id = ?")
			.params(this.passwords.encode(password), user)
			.update();
		this.revocation.revoke(user);
		record(user, null, "PASSWORD_SET", null, null, null);
		return account(user).username();
	}

	/** Whose link it is, while it is unused and not expired. */
	public Optional<UUID> linkOwner(String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		return this.jdbc.sql("select user_id from password_link where token_hash = ? and used_at is null and expires_at > ?")
			.params(PasswordLinks.hash(token), Timestamp.from(this.clock.instant()))
			.query(UUID.class)
			.optional();
	}

	/** Whether the password is the account's current one. */
	public boolean passwordMatches(UUID user, @Nullable String password) {
		return password != null && this.jdbc.sql("select password_hash from app_user where id = ?")
			.param(user)
			.query(String.class)
			.optional()
			.filter(hash -> this.passwords.matches(password, hash))
			.isPresent();
	}

	/** The owner changes their own password: every session and token of the account ends. */
	@Transactional
	public void changeOwnPassword(Actor owner, String password) {
		this.jdbc.sql("update app_user set password_hash = ? where id = ?")
			.params(this.passwords.encode(password), owner.userId())
			.update();
		this.revocation.revoke(owner.userId());
		record(owner.userId(), owner, "PASSWORD_CHANGED", null, null, null);
	}

	/** Whose a valid link is: the role decides how strong the password must be. */
	public record LinkOwner(String username, Role role) {
	}

	/** The owner of a valid link. */
	public Optional<LinkOwner> link(String token) {
		return linkOwner(token).map(user -> account(user)).map(a -> new LinkOwner(a.username(), a.role()));
	}

	/** Every change to a user, newest first. */
	public List<Change> changes(UUID userId) {
		return this.jdbc.sql("""
				select changed_at, changed_by_name, change, before_state, after_state, reason from user_change
				where user_id = ? order by changed_at desc, id desc""")
			.param(userId)
			.query((rs, n) -> new Change(
					rs.getTimestamp("changed_at").toInstant().atZone(JAKARTA).toOffsetDateTime(),
					rs.getString("changed_by_name"), rs.getString("change"), rs.getString("before_state"),
					rs.getString("after_state"), rs.getString("reason")))
			.list();
	}

	/** Whether the user exists (the change list of an unknown user is 404). */
	public boolean exists(UUID userId) {
		return this.jdbc.sql("select count(*) from app_user where id = ?").param(userId).query(Integer.class).single() > 0;
	}

	// ---------------------------------------------------------------------------------------

	private record Account(String username, Role role, @Nullable String jurisdiction, boolean enabled,
			@Nullable String email) {
	}

	private Account account(UUID id) {
		return this.jdbc.sql("select username, role, jurisdiction, enabled, email from app_user where id = ?")
			.param(id)
			.query((rs, n) -> new Account(rs.getString("username"), Role.valueOf(rs.getString("role")),
					rs.getString("jurisdiction"), rs.getBoolean("enabled"), rs.getString("email")))
			.optional()
			.orElseThrow(() -> new Refused("account.refused.unknown"));
	}

	private PendingAccount pendingOf(Actor approver, UUID id) {
		Account account = account(id);
		if (approver.userId() != null && approver.userId().equals(id)) {
			throw new Refused("account.refused.own");
		}
		record Row(PendingAccount pending, @Nullable UUID askedBy) {
		}
		Row row = this.jdbc.sql("""
				select u.pending_change, u.pending_reason, u.pending_by, u.pending_at, u.display_name, u.agency,
				       coalesce(a.username, '-') as requested_by
				from app_user u left join app_user a on a.id = u.pending_by
				where u.id = ? and u.pending_change is not null""")
			.param(id)
			.query((rs, n) -> new Row(new PendingAccount(id, account.username(), rs.getString("display_name"),
					account.role(), account.jurisdiction(), rs.getString("agency"),
					Pending.valueOf(rs.getString("pending_change")), rs.getString("pending_reason"),
					rs.getString("requested_by"),
					rs.getTimestamp("pending_at").toInstant().atZone(JAKARTA).toOffsetDateTime()),
					rs.getObject("pending_by", UUID.class)))
			.optional()
			.orElseThrow(() -> new Refused("account.refused.not-yours"));
		// the second person: entitled to the role and scope, and not the one who asked
		if (!mayApprove(approver, account.role(), account.jurisdiction())
				|| approver.userId() != null && approver.userId().equals(row.askedBy())) {
			throw new Refused("account.refused.not-yours");
		}
		return row.pending();
	}

	private void clearPending(UUID id) {
		this.jdbc.sql("""
				update app_user set pending_change = null, pending_reason = null, pending_by = null, pending_at = null
				where id = ?""")
			.param(id)
			.update();
	}

	private void ask(UUID id, Actor admin, Pending change, @Nullable String reason) {
		this.jdbc.sql("""
				update app_user set pending_change = ?, pending_reason = ?, pending_by = ?, pending_at = ? where id = ?""")
			.params(change.name(), reason, admin.userId(), Timestamp.from(this.clock.instant()), id)
			.update();
	}

	/** Issues the one-time link; mails it when the account has an e-mail address and mail is set up. */
	private Outcome handOver(UUID id) {
		Account account = account(id);
		String token = PasswordLinks.token(RANDOM);
		Instant now = this.clock.instant();
		this.jdbc.sql("update password_link set used_at = ? where user_id = ? and used_at is null")
			.params(Timestamp.from(now), id)
			.update();
		this.jdbc.sql("insert into password_link (token_hash, user_id, created_at, expires_at) values (?, ?, ?, ?)")
			.params(PasswordLinks.hash(token), id, Timestamp.from(now), Timestamp.from(now.plus(LINK_LIFETIME)))
			.update();
		String link = this.publicUrl + "/sandi/" + token;
		if (account.email() != null && this.mail.enabled()) {
			this.mail.queue(account.email(), text("account.link.subject"),
					text("account.link.body", account.username(), text("role." + account.role().name()), link));
			return new Outcome(account.username(), null, true);
		}
		return new Outcome(account.username(), link, false);
	}

	private void record(UUID user, @Nullable Actor by, String change, @Nullable String before, @Nullable String after,
			@Nullable String reason) {
		this.jdbc.sql("""
				insert into user_change (user_id, changed_at, changed_by, changed_by_name, change, before_state, after_state,
				  reason)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(user, Timestamp.from(this.clock.instant()), by == null ? null : by.userId(),
					by == null || by.username() == null ? "(sendiri / self)" : by.username(), change, before, after,
					reason == null ? null : reason.length() > 500 ? reason.substring(0, 500) : reason)
			.update();
		security.info("event=user-change user={} change={} by={}", user, change, by == null ? "self" : by.username());
	}

	private static String state(Role role, @Nullable String jurisdiction, @Nullable String agency, String status) {
		return role.name() + (agency != null ? " " + agency : jurisdiction != null ? " " + jurisdiction : "") + " "
				+ status;
	}

	private static void requireSystemAdmin(Actor admin) {
		if (admin.role() != Role.SYSTEM_ADMIN) {
			throw new Refused("account.refused.role");
		}
	}

	private String unusablePassword() {
		// nobody knows it: the account signs in only after its user set a password through the link
		return this.passwords.encode(PasswordLinks.token(RANDOM));
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, INDONESIAN);
	}

	/** The link's token: 32 random bytes, stored only as its SHA-256. */
	static final class PasswordLinks {

		private PasswordLinks() {
		}

		static String token(SecureRandom random) {
			byte[] bytes = new byte[32];
			random.nextBytes(bytes);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		}

		static String hash(String token) {
			return Hashes.sha256Hex(token);
		}

	}

}
