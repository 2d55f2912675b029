package app.rightly.tenancy;

import java.security.SecureRandom;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The first owner, on server start: the account named by {@code RIGHTLY_ADMIN_EMAIL}
 * (with {@code RIGHTLY_ADMIN_PASSWORD}) when it does not exist yet; otherwise, when there
 * is no user at all, {@code admin@rightly.local} with a random password printed once.
 * Runs after the demo data, so a demo installation gets no extra account.
 */
@Component
@Order(100)
@ConditionalOnProperty(name = "rightly.mode", havingValue = "serve")
class FirstOwner implements ApplicationRunner {

	static final String DEFAULT_EMAIL = "admin@rightly.local";

	private static final Logger log = LoggerFactory.getLogger("app.rightly");

	private final TenancyManagement tenancy;

	private final TenancySettings settings;

	FirstOwner(TenancyManagement tenancy, TenancySettings settings) {
		this.tenancy = tenancy;
		this.settings = settings;
	}

	@Override
	public void run(ApplicationArguments args) {
		String email = settings.adminEmail().isBlank() ? null : settings.adminEmail().strip();
		if (email == null ? tenancy.anyUser() : tenancy.userExists(email)) {
			return;
		}
		boolean generated = settings.adminPassword().isBlank();
		String password = generated ? randomPassword() : settings.adminPassword();
		Organisation organisation = tenancy.createOrganisation(settings.organisationName(), "brand");
		String address = email == null ? DEFAULT_EMAIL : email;
		tenancy.createUser(organisation.id(),
				new TenancyManagement.NewUser(address, "Owner", password, Role.OWNER, true, List.of()));
		if (generated) {
			log.warn("""

					  First start: created the owner account of "{}".
					    e-mail:   {}
					    password: {}
					  This password is shown only this once. Sign in and change it under Settings.
					""", organisation.name(), address, password);
		}
		else {
			log.info("Created the owner account {} of \"{}\"", address, organisation.name());
		}
	}

	private static String randomPassword() {
		String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
		SecureRandom random = new SecureRandom();
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			if (i > 0 && i % 5 == 0) {
				out.append('-');
			}
			out.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return out.toString();
	}

}
