package app.rightly.tenancy;

/** What a request needs to do; each permission names the least role that has it. */
public enum Permission {

	/** Read the reports and dashboards of a brand. */
	VIEW_REPORTS(Role.VIEWER),
	/** Read and answer the conversations of a brand; push messages in. */
	WORK_CONVERSATIONS(Role.AGENT),
	/** Change how a brand is set up: topics, promises, policies, SLAs, models. */
	MANAGE_BRAND(Role.MANAGER),
	/** Create brands and invite or manage users. */
	MANAGE_ORGANISATION(Role.ADMIN);

	private final Role minimumRole;

	Permission(Role minimumRole) {
		this.minimumRole = minimumRole;
	}

	public Role minimumRole() {
		return minimumRole;
	}

}
