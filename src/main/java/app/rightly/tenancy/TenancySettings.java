package app.rightly.tenancy;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param adminEmail e-mail of the first owner, created on first start when no such user
 * exists
 * @param adminPassword password of that owner; when blank, a random one is generated and
 * printed once
 * @param organisationName name of the organisation created with the first owner
 * @param maxFailedSignIns failed sign-ins in a row after which an account is paused
 * @param lockDuration how long the first pause lasts; each further failure doubles it, up
 * to an hour
 * @param invitationValidity how long an invitation link can be used
 */
@ConfigurationProperties("rightly.tenancy")
public record TenancySettings(@DefaultValue("") String adminEmail, @DefaultValue("") String adminPassword,
		@DefaultValue("Rightly") String organisationName, @DefaultValue("5") int maxFailedSignIns,
		@DefaultValue("5m") Duration lockDuration, @DefaultValue("7d") Duration invitationValidity) {
}
