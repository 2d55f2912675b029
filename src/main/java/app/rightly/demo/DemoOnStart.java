package app.rightly.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On {@code serve --demo}: the demo data is in place before the server takes its first
 * request, and the console says how to sign in once the server is ready.
 */
@Component
@ConditionalOnExpression("'${rightly.mode:}' == 'serve' and ${rightly.demo:false}")
class DemoOnStart implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger("app.rightly");

	private final DemoData demo;

	DemoOnStart(DemoData demo) {
		this.demo = demo;
	}

	@Override
	public void afterSingletonsInstantiated() {
		demo.ensure();
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.LOWEST_PRECEDENCE)
	void ready() {
		log.info("  demo sign-in: {} / {}  (also agent@rightly.local and client@rightly.local, same password)",
				DemoData.OWNER_EMAIL, DemoData.PASSWORD);
	}

}
