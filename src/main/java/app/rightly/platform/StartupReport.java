package app.rightly.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says in plain words, once the server is ready, where it listens and what it uses. */
@Component
class StartupReport {

	private static final Logger log = LoggerFactory.getLogger("app.rightly");

	private final DatabaseServer database;

	private final PlatformSettings settings;

	private final Environment environment;

	StartupReport(DatabaseServer database, PlatformSettings settings, Environment environment) {
		this.database = database;
		this.settings = settings;
		this.environment = environment;
	}

	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void ready(ApplicationReadyEvent event) {
		if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
			return;
		}
		int port = web.getWebServer().getPort();
		String address = environment.getProperty("server.address", "");
		String host = address.isBlank() || isAnyLocal(address) ? "localhost" : address;
		log.info("Rightly is running at http://{}:{}", host, port);
		log.info("  database: {}", database.describe());
		log.info("  data dir: {}", settings.dataDir().toAbsolutePath().normalize());
	}

	private static boolean isAnyLocal(String address) {
		try {
			return InetAddress.getByName(address).isAnyLocalAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
