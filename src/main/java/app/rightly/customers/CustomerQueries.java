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

}
