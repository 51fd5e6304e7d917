package id.go.jambiprov.lapor.account.internal;

import java.util.Locale;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import id.go.jambiprov.lapor.account.NewUser;
import id.go.jambiprov.lapor.account.Officers;
import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.account.UserAdministration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class UserStore implements UserAdministration, Officers {

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final Clock clock;

	UserStore(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.clock = clock;
	}

	public Optional<UserAccount> find(String username) {
		return this.jdbc.sql("""
				select id, username, password_hash, display_name, role, jurisdiction, agency, enabled, credentials_version
				from app_user where username = lower(?)""")
			.param(username)
			.query(UserAccount.class)
			.optional();
	}

	@Override
	public List<UUID> withRole(Role role, String jurisdiction, String agency) {
		String scope = switch (role) {
			case COORDINATOR, SUPERVISOR -> " and jurisdiction = :jurisdiction";
			case LIAISON -> " and agency = :agency";
			default -> "";
		};
		if ((role == Role.COORDINATOR || role == Role.SUPERVISOR) && jurisdiction == null
				|| role == Role.LIAISON && agency == null) {
			return List.of();
		}
		var query = this.jdbc.sql("select id from app_user where enabled and role = :role" + scope + " order by username")
			.param("role", role.name());
		if (scope.contains("jurisdiction")) {
			query = query.param("jurisdiction", jurisdiction);
		}
		if (scope.contains("agency")) {
			query = query.param("agency", agency);
		}
		return query.query(UUID.class).list();
	}

	@Override
	public Optional<String> email(UUID user) {
		return this.jdbc.sql("select email from app_user where id = ? and enabled and email is not null")
			.param(user)
			.query(String.class)
			.optional();
	}

	@Override
	@Transactional
	public UUID createIfAbsent(NewUser user) {
		return find(user.username()).map(UserAccount::id).orElseGet(() -> {
			UUID id = UUID.randomUUID();
			this.jdbc.sql("""
					insert into app_user (id, username, password_hash, display_name, role, jurisdiction, agency, enabled,
					  created_at, email)
					values (?, ?, ?, ?, ?, ?, ?, true, ?, ?)""")
				.params(id, user.username().toLowerCase(Locale.ROOT), this.passwords.encode(user.password()), user.displayName(),
						user.role().name(), user.jurisdiction(), user.agency(), Timestamp.from(this.clock.instant()),
						user.email())
				.update();
			return id;
		});
	}

}
