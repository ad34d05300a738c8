package io.github.genesysrotator.observability;

import io.github.genesysrotator.rotation.RotatorPropertiesConfiguration;
import java.time.Duration;

import io.github.genesysrotator.rotation.RotationService;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

class StateRefreshConfigurationTests {

	private final CredentialStates states = mock(CredentialStates.class);

	private final OrgCoverage coverage = mock(OrgCoverage.class);

	private final WebApplicationContextRunner web = new WebApplicationContextRunner()
		.withUserConfiguration(Metrics.class, StateRefreshConfiguration.class)
		.withBean(CredentialStates.class, () -> this.states)
		.withBean(OrgCoverage.class, () -> this.coverage);

	@Test
	void refreshesOnItsOwnThreadEveryConfiguredIntervalWithoutTheRotationScheduler() {
		this.web.withPropertyValues("rotator.metrics.refresh=7s").run((context) -> {
			StateRefresh refresh = context.getBean("stateRefresh", StateRefresh.class);
			assertThat(refresh.interval()).isEqualTo(Duration.ofSeconds(7));
			assertThat(refresh.isRunning()).isTrue();
			verify(this.states, timeout(10_000)).refresh();
		});
	}

	@Test
	void refreshesEveryThirtySecondsByDefault() {
		this.web.run((context) -> assertThat(context.getBean("stateRefresh", StateRefresh.class).interval())
			.isEqualTo(Duration.ofSeconds(30)));
	}

	@Test
	void fetchesTheOrgsClientListingsAgainEveryGenesysCheckInterval() {
		this.web.withPropertyValues("rotator.health.genesys-check-interval=3s").run((context) -> {
			StateRefresh refresh = context.getBean("coverageRefresh", StateRefresh.class);
			assertThat(refresh.interval()).isEqualTo(Duration.ofSeconds(3));
			verify(this.coverage, timeout(10_000)).refresh();
		});
	}

	@Test
	void looksForDueRotationsOnlyWhenALeadTimeIsSet() {
		RotationService rotations = mock(RotationService.class);
		WebApplicationContextRunner withNotifications = this.web.withBean(RotationService.class, () -> rotations);
		withNotifications
			.run((context) -> assertThat(context).getBeans(StateRefresh.class).doesNotContainKey("dueAnnouncements"));
		withNotifications.withPropertyValues("rotator.notifications.due-lead-time=24h", "rotator.metrics.refresh=1s")
			.run((context) -> {
				assertThat(context).getBeans(StateRefresh.class).containsKey("dueAnnouncements");
				verify(rotations, timeout(10_000)).announceDue(Duration.ofHours(24));
			});
	}

	@Test
	void stopsWithTheContext() {
		StateRefresh refresh = new StateRefresh(this.states::refresh, Duration.ofHours(1));
		refresh.start();
		verify(this.states, timeout(10_000)).refresh();
		refresh.stop();
		assertThat(refresh.isRunning()).isFalse();
	}

	@Test
	void withoutAWebServerAsInOneShotModeNothingRefreshes() {
		new ApplicationContextRunner().withUserConfiguration(Metrics.class, StateRefreshConfiguration.class)
			.withBean(CredentialStates.class, () -> this.states)
			.withBean(OrgCoverage.class, () -> this.coverage)
			.run((context) -> assertThat(context).doesNotHaveBean(StateRefresh.class));
		verify(this.states, never()).refresh();
		verify(this.coverage, never()).refresh();
	}

	@Test
	void aRefreshThatIsNotPositiveStopsStartupNamingTheProperty() {
		this.web.withPropertyValues("rotator.metrics.refresh=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("rotator.metrics.refresh"));
	}

	@Configuration(proxyBeanMethods = false)
	@Import(RotatorPropertiesConfiguration.class)
	static class Metrics {

	}

}
