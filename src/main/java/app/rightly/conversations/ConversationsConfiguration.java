package app.rightly.conversations;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ConversationSettings.class, IngestGate.Settings.class })
class ConversationsConfiguration {

}
