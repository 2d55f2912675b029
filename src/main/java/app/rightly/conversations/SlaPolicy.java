package app.rightly.conversations;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A brand's response targets: minutes by risk band (high: risk 60 and above, medium: 30
 * to 59, low: below) for the first reply and for each next one, counted in calendar time
 * or only in business hours (work days, from {@code dayStart} to {@code dayEnd}, in the
 * brand's time zone). A channel kind named in {@code channels} (e-mail, X, …) has its own
 * first and next targets instead of the risk bands.
 */
public record SlaPolicy(int firstHigh, int firstMedium, int firstLow, int nextHigh, int nextMedium, int nextLow,
		boolean businessHours, String timeZone, List<Integer> workDays, LocalTime dayStart, LocalTime dayEnd,
		Map<String, ChannelTarget> channels) {

	/** The first and next reply targets of one channel kind, in minutes. */
	public record ChannelTarget(int first, int next) {
	}

	public SlaPolicy {
		channels = channels == null ? Map.of() : Map.copyOf(channels);
	}

	public SlaPolicy(int firstHigh, int firstMedium, int firstLow, int nextHigh, int nextMedium, int nextLow,
			boolean businessHours, String timeZone, List<Integer> workDays, LocalTime dayStart, LocalTime dayEnd) {
		this(firstHigh, firstMedium, firstLow, nextHigh, nextMedium, nextLow, businessHours, timeZone, workDays,
				dayStart, dayEnd, Map.of());
	}

	/** The same policy with these channel kinds' own targets. */
	public SlaPolicy withChannels(Map<String, ChannelTarget> targets) {
		return new SlaPolicy(firstHigh, firstMedium, firstLow, nextHigh, nextMedium, nextLow, businessHours, timeZone,
				workDays, dayStart, dayEnd, targets);
	}

	/** What a brand has until it sets its own: 1 h, 4 h, 24 h in calendar time. */
	public static final SlaPolicy DEFAULT = new SlaPolicy(60, 240, 1440, 60, 240, 1440, false, "UTC",
			List.of(1, 2, 3, 4, 5), LocalTime.of(9, 0), LocalTime.of(17, 0));

	/** The target for a conversation of this risk, before or after its first reply. */
	public int minutes(int risk, boolean answeredBefore, String channelKind) {
		ChannelTarget own = channelKind == null ? null : channels.get(channelKind);
		if (own != null) {
			return answeredBefore ? own.next() : own.first();
		}
		return minutes(risk, answeredBefore);
	}

	/** The target by risk band alone. */
	public int minutes(int risk, boolean answeredBefore) {
		if (risk >= 60) {
			return answeredBefore ? nextHigh : firstHigh;
		}
		return risk >= 30 ? (answeredBefore ? nextMedium : firstMedium) : (answeredBefore ? nextLow : firstLow);
	}

	/**
	 * When a reply is due: {@code minutes} after {@code from}, counted as the policy
	 * says.
	 */
	public Instant due(Instant from, int minutes) {
		if (!businessHours) {
			return from.plus(Duration.ofMinutes(minutes));
		}
		ZoneId zone = ZoneId.of(timeZone);
		Set<Integer> days = Set.copyOf(workDays);
		ZonedDateTime at = from.atZone(zone);
		long left = minutes * 60L;
		for (int guard = 0; guard < 3660; guard++) { // at most ten years of days
			DayOfWeek day = at.getDayOfWeek();
			ZonedDateTime opens = at.toLocalDate().atTime(dayStart).atZone(zone);
			ZonedDateTime closes = at.toLocalDate().atTime(dayEnd).atZone(zone);
			if (days.contains(day.getValue()) && at.isBefore(closes)) {
				ZonedDateTime start = at.isBefore(opens) ? opens : at;
				long available = Duration.between(start, closes).getSeconds();
				if (left <= available) {
					return start.plusSeconds(left).toInstant();
				}
				left -= available;
			}
			at = at.toLocalDate().plusDays(1).atStartOfDay(zone);
		}
		return from.plus(Duration.ofMinutes(minutes));
	}

}
