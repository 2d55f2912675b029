package app.rightly.customers;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import app.rightly.shared.InvalidInputException;
import app.rightly.shared.NotFoundException;
import app.rightly.shared.Tenant;
import app.rightly.shared.UserId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers a brand's owner has flagged as abusive: agents see the flag beside every
 * conversation of theirs and keep to the "set a boundary" stance; the flag says who set
 * it, when and why, and can be lifted.
 */
@Service
public class AbuseFlags {

	public static final int MAX_NOTE = 500;

	private final JdbcClient jdbc;

	AbuseFlags(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Who flagged the customer, when, and why (the note may be empty). */
	public record Flag(UUID customer, Instant at, UUID by, String note) {
	}

	@Transactional(readOnly = true)
	public Optional<Flag> of(Tenant tenant, UUID customer) {
		return jdbc.sql("""
				SELECT id, abusive_at, abusive_by, abusive_note FROM customer
				WHERE organisation_id = :org AND brand_id = :brand AND id = :id AND abusive_at IS NOT NULL""")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("id", customer)
			.query((rs, n) -> new Flag(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
					rs.getObject(3, UUID.class), rs.getString(4)))
			.optional();
	}

	/** Flags the customer (again: the newest note and flagger win). */
	@Transactional
	public Flag flag(Tenant tenant, UUID customer, String note, UserId by) {
		String text = note == null ? "" : note.strip();
		if (text.length() > MAX_NOTE) {
			throw new InvalidInputException("note", "must be at most " + MAX_NOTE + " characters");
		}
		int updated = jdbc.sql("""
				UPDATE customer SET abusive_at = now(), abusive_by = :by, abusive_note = :note
				WHERE organisation_id = :org AND brand_id = :brand AND id = :id""")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("id", customer)
			.param("by", by.value())
			.param("note", text)
			.update();
		if (updated == 0) {
			throw new NotFoundException("customer");
		}
		return of(tenant, customer).orElseThrow();
	}

	/** Lifts the flag. */
	@Transactional
	public void clear(Tenant tenant, UUID customer) {
		int updated = jdbc.sql("""
				UPDATE customer SET abusive_at = NULL, abusive_by = NULL, abusive_note = NULL
				WHERE organisation_id = :org AND brand_id = :brand AND id = :id""")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("id", customer)
			.update();
		if (updated == 0) {
			throw new NotFoundException("customer");
		}
	}

}
