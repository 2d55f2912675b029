package app.rightly.customers;

import app.rightly.shared.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads over a brand's customers. */
@Service
@Transactional(readOnly = true)
public class CustomerQueries {

	private final JdbcClient jdbc;

	CustomerQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** How many customers a brand has. */
	public long count(Tenant tenant) {
		return jdbc.sql("SELECT count(*) FROM customer WHERE organisation_id = :org AND brand_id = :brand")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.query(Long.class)
			.single();
	}

	/** One of a customer's identities: a handle on a network, or an e-mail address. */
	public record Identity(String network, String handle, String name, Long followers) {
	}

	/** A customer's identities, the most followed first. */
	public java.util.List<Identity> identities(Tenant tenant, java.util.UUID customer) {
		return jdbc.sql("""
				SELECT network, handle, name, followers FROM customer_identity
				WHERE organisation_id = :org AND brand_id = :brand AND customer_id = :customer
				ORDER BY followers DESC NULLS LAST, network, handle""")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("customer", customer)
			.query((rs, n) -> new Identity(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getObject(4) == null ? null : rs.getLong(4)))
			.list();
	}

}
