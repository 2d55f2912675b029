package app.rightly.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.rightly.tenancy.Brand;
import app.rightly.tenancy.BrandAccess;
import app.rightly.tenancy.Callers;
import app.rightly.tenancy.Permission;
import app.rightly.tenancy.TenancyManagement;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout of every signed-in page needs: who, which organisation, which brands,
 * where.
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

	private static final Pattern BRAND_PAGE = Pattern.compile("^/brands/([^/]+)/");

	private final Callers callers;

	private final BrandAccess access;

	private final CurrentBrand currentBrand;

	private final TenancyManagement tenancy;

	LayoutModel(Callers callers, BrandAccess access, CurrentBrand currentBrand, TenancyManagement tenancy) {
		this.callers = callers;
		this.access = access;
		this.currentBrand = currentBrand;
		this.tenancy = tenancy;
	}

	@ModelAttribute
	void layout(Model model, HttpServletRequest request) {
		if (request.getRequestURI().startsWith("/api/")) {
			return;
		}
		model.addAttribute("path", request.getRequestURI());
		callers.current().ifPresent(user -> {
			List<Brand> brands = access.visibleBrands(user);
			model.addAttribute("me", user);
			model.addAttribute("organisation", tenancy.organisation(user.organisation()));
			model.addAttribute("brands", brands);
			// a page about one brand makes it the current one
			Matcher scoped = BRAND_PAGE.matcher(request.getRequestURI());
			if (scoped.find()) {
				access.find(user, scoped.group(1))
					.ifPresent(b -> request.getSession(true).setAttribute(CurrentBrand.SESSION_KEY, b.id().value()));
			}
			model.addAttribute("currentBrand", currentBrand.of(user, request.getSession(false), brands).orElse(null));
			model.addAttribute("canManageOrganisation", user.may(Permission.MANAGE_ORGANISATION));
			model.addAttribute("canWork", user.may(Permission.WORK_CONVERSATIONS));
			model.addAttribute("canManageBrand", user.may(Permission.MANAGE_BRAND));
		});
	}

}
