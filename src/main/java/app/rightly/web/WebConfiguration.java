package app.rightly.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/** How pages are served. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	/**
	 * Boot registers a filter that passes every link of every page ({@code @{…}}) through
	 * the static resource resolvers, for content-versioned URLs, which Rightly does not
	 * use (the version-less webjars paths are resolved when they are requested). On the
	 * inbox that was 100 class-path look-ups for 50 rows, two thirds of the page's time.
	 * This registration, switched off, takes its place.
	 */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		registration.setEnabled(false);
		return registration;
	}

}
