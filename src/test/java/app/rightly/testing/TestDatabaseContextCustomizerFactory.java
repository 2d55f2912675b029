package app.rightly.testing;

import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.PropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every test application context at {@link TestDatabase}. The database starts only
 * when a context asks for it, so slice tests without a database stay fast.
 */
public class TestDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> attributes) {
		return new Customizer();
	}

	private static final class Customizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			context.getEnvironment().getPropertySources().addFirst(new LazyDatabaseProperties());
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Customizer;
		}

		@Override
		public int hashCode() {
			return Customizer.class.hashCode();
		}

	}

	private static final class LazyDatabaseProperties extends PropertySource<Object> {

		LazyDatabaseProperties() {
			super("rightly-test-database", new Object());
		}

		@Override
		public Object getProperty(String name) {
			return switch (name) {
				case "rightly.db.url" -> TestDatabase.get().url();
				case "rightly.db.user" -> TestDatabase.get().user();
				case "rightly.db.password" -> TestDatabase.get().password();
				case "rightly.data-dir" -> TestDatabase.dataDir().toString();
				default -> null;
			};
		}

	}

}
