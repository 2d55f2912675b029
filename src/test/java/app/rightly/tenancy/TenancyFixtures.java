package app.rightly.tenancy;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import app.rightly.shared.UserId;

/**
 * Object mother for tenancy: each test class makes its own organisation, so tests never
 * depend on (or clean up) each other's data.
 */
public final class TenancyFixtures {

	private static final AtomicInteger sequence = new AtomicInteger();

	public static final String PASSWORD = "correct horse battery";

	private final TenancyManagement tenancy;

	private final ApiTokens tokens;

	public TenancyFixtures(TenancyManagement tenancy, ApiTokens tokens) {
		this.tenancy = tenancy;
		this.tokens = tokens;
	}

	/** A user with their password and a fresh API token. */
	public record Person(UserId id, String email, String password, String token, CurrentUser user) {
	}

	/**
	 * An agency with two brands: an owner, an agent and a viewer who are members of the
	 * first brand only, and a pending invitation.
	 */
	public record Agency(Organisation organisation, Brand brand, Brand otherBrand, Person owner, Person agent,
			Person viewer, UUID invitation) {
	}

	public Agency anAgencyWithTwoBrands() {
		String run = UUID.randomUUID().toString().substring(0, 8) + sequence.incrementAndGet();
		Organisation org = tenancy.createOrganisation("Agency " + run, "agency");
		Brand first = tenancy.createBrand(org.id(), new TenancyManagement.NewBrand("Airline " + run, "air-" + run, ""));
		Brand second = tenancy.createBrand(org.id(), new TenancyManagement.NewBrand("Shop " + run, "shop-" + run, ""));
		Person owner = person(org, "owner", run, Role.OWNER, true, List.of());
		Person agent = person(org, "agent", run, Role.AGENT, false, List.of(first));
		Person viewer = person(org, "viewer", run, Role.VIEWER, false, List.of(first));
		UUID invitation = tenancy
			.invite(owner.user(),
					new TenancyManagement.NewInvitation("invitee-" + run + "@example.com", Role.AGENT, false,
							List.of(first.slug())))
			.id();
		return new Agency(org, first, second, owner, agent, viewer, invitation);
	}

	public Person person(Organisation org, String role, String run, Role r, boolean allBrands, List<Brand> brands) {
		String email = role + "-" + run + "@example.com";
		UserId id = tenancy.createUser(org.id(), new TenancyManagement.NewUser(email, role + " " + run, PASSWORD, r,
				allBrands, brands.stream().map(Brand::id).toList()));
		String token = tokens.createForEmail(email, "test", null).secret();
		CurrentUser user = new CurrentUser(id, org.id(), email, role + " " + run, r, allBrands);
		return new Person(id, email, PASSWORD, token, user);
	}

}
