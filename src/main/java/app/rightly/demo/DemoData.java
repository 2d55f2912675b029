package app.rightly.demo;

import java.time.Instant;
import java.util.List;

import app.rightly.channels.Channels;
import app.rightly.conversations.IncomingMessage;
import app.rightly.conversations.MessageIngestion;
import app.rightly.shared.BrandId;
import app.rightly.tenancy.Brand;
import app.rightly.tenancy.BrandAccess;
import app.rightly.tenancy.Organisation;
import app.rightly.tenancy.Role;
import app.rightly.tenancy.TenancyManagement;
import app.rightly.tenancy.TenancyManagement.NewBrand;
import app.rightly.tenancy.TenancyManagement.NewUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Creates the demo installation, or completes it: the organisation "Demo Agency", its
 * airline and online shop, the users {@code demo@rightly.local} (owner),
 * {@code agent@rightly.local} (agent) and {@code client@rightly.local} (viewer of the
 * airline), all with the password {@code demo}, and their customers' messages. Running it
 * again adds nothing.
 */
@Service
public class DemoData {

	public static final String OWNER_EMAIL = "demo@rightly.local";

	public static final String PASSWORD = "demo";

	static final String ORGANISATION_SLUG = "demo-agency";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final TenancyManagement tenancy;

	private final BrandAccess brands;

	private final MessageIngestion ingestion;

	DemoData(TenancyManagement tenancy, BrandAccess brands, MessageIngestion ingestion) {
		this.tenancy = tenancy;
		this.brands = brands;
		this.ingestion = ingestion;
	}

	/** Creates what is missing; returns how many messages were added. */
	public int ensure() {
		Organisation org = tenancy.organisationBySlug(ORGANISATION_SLUG)
			.orElseGet(() -> tenancy.createOrganisation("Demo Agency", "agency"));
		if (!ORGANISATION_SLUG.equals(org.slug())) {
			throw new IllegalStateException(
					"The demo organisation got the slug " + org.slug() + " instead of " + ORGANISATION_SLUG);
		}
		Brand airline = brand(org, "Skyward Airlines", "skyward",
				"A European airline: flights, baggage, refunds and loyalty. Demo brand.");
		Brand shop = brand(org, "Juniper Store", "juniper",
				"An online shop for home goods: orders, delivery, returns. Demo brand.");
		user(org, OWNER_EMAIL, "Dana Demo", Role.OWNER, true, List.of());
		user(org, "agent@rightly.local", "Alex Agent", Role.AGENT, false, List.of(airline.id(), shop.id()));
		user(org, "client@rightly.local", "Casey Client", Role.VIEWER, false, List.of(airline.id()));
		Instant now = Instant.now();
		int added = messages(airline, DemoScript.write(DemoVoices.airline(), 170, 20261122L, now))
				+ messages(shop, DemoScript.write(DemoVoices.shop(), 130, 20261123L, now));
		if (added > 0) {
			log.info("Demo data: {} messages added for {} and {}", added, airline.name(), shop.name());
		}
		return added;
	}

	private Brand brand(Organisation org, String name, String slug, String description) {
		return brands.brandOf(org.id(), slug)
			.orElseGet(() -> tenancy.createBrand(org.id(), new NewBrand(name, slug, description)));
	}

	private void user(Organisation org, String email, String name, Role role, boolean allBrands,
			List<BrandId> memberOf) {
		if (!tenancy.userExists(email)) {
			tenancy.createUser(org.id(), new NewUser(email, name, PASSWORD, role, allBrands, memberOf));
		}
	}

	private int messages(Brand brand, List<IncomingMessage> messages) {
		int created = 0;
		for (int from = 0; from < messages.size(); from += 200) {
			created += (int) ingestion
				.ingest(brand.tenant(), messages.subList(from, Math.min(messages.size(), from + 200)),
						Channels.Creation.ANY_KNOWN_KIND)
				.stream()
				.filter(r -> r.status() == app.rightly.conversations.IngestResult.Status.CREATED)
				.count();
		}
		return created;
	}

}
