package app.rightly.web;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import app.rightly.conversations.ConversationWork;
import app.rightly.shared.BackgroundTask;
import app.rightly.shared.Tenant;
import app.rightly.tenancy.Brand;
import app.rightly.tenancy.BrandAccess;
import app.rightly.tenancy.CurrentUser;
import app.rightly.tenancy.Permission;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live inbox: a page keeps a server-sent event stream open; every two seconds the brands
 * being watched are asked for their version (the newest message and the newest change),
 * and a {@code changed} event goes to the pages of a brand whose version moved. The page
 * then fetches itself again and swaps in the list or the thread, keeping the agent's
 * place and draft (static/js/rightly.js).
 */
@Controller
class InboxEvents extends BackgroundTask {

	private final CurrentBrand currentBrand;

	private final ConversationWork work;

	private final Map<SseEmitter, Tenant> watchers = new ConcurrentHashMap<>();

	private final Map<Tenant, String> versions = new ConcurrentHashMap<>();

	InboxEvents(CurrentBrand currentBrand, ConversationWork work) {
		super("inbox-events", 2000);
		this.currentBrand = currentBrand;
		this.work = work;
	}

	@GetMapping(path = "/inbox/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(CurrentUser user, HttpServletRequest request) {
		BrandAccess.require(user, Permission.WORK_CONVERSATIONS);
		Brand brand = currentBrand.of(user, request.getSession(false))
			.orElseThrow(() -> new app.rightly.shared.NotFoundException("brand"));
		SseEmitter emitter = new SseEmitter(30 * 60_000L);
		Tenant tenant = brand.tenant();
		versions.computeIfAbsent(tenant, work::version);
		watchers.put(emitter, tenant);
		emitter.onCompletion(() -> watchers.remove(emitter));
		emitter.onTimeout(() -> watchers.remove(emitter));
		emitter.onError(ex -> watchers.remove(emitter));
		return emitter;
	}

	void poll() {
		for (Tenant tenant : Map.copyOf(versions).keySet()) {
			if (!watchers.containsValue(tenant)) {
				versions.remove(tenant);
				continue;
			}
			String now = work.version(tenant);
			if (!now.equals(versions.put(tenant, now))) {
				watchers.forEach((emitter, t) -> {
					if (t.equals(tenant)) {
						try {
							emitter.send(SseEmitter.event().name("changed").data(now));
						}
						catch (IOException | IllegalStateException ex) {
							watchers.remove(emitter);
						}
					}
				});
			}
		}
	}

	@Override
	protected void round() {
		poll();
	}

	@Override
	public void stop() {
		super.stop();
		watchers.keySet().forEach(SseEmitter::complete);
		watchers.clear();
	}

}
