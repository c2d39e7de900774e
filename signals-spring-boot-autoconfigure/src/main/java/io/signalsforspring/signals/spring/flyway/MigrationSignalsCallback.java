package io.signalsforspring.signals.spring.flyway;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.signalsforspring.signals.ModelSignals;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A Flyway callback that sends {@code pre_migrate} before every migrate run and
 * {@code post_migrate} after it, even when there is nothing to apply (as Django does).
 * The sender is {@link Flyway}; {@code using} is the database's JDBC URL; {@code plan} is
 * the list of migrations about to run ({@code pre_migrate}) or applied
 * ({@code post_migrate}), each as {@code "<version> <description>"}. Spring Boot hands
 * every {@link Callback} bean to its Flyway.
 *
 * <p>
 * Spring Boot migrates while the application context is still creating its beans, before
 * {@code @Receiver} methods are connected. Signals of such start-up migrations are held
 * and sent, in order, once the context has been refreshed; the held {@code pre_migrate}'s
 * plan is then what the run applied, so start-up reads no migration info of its own.
 * Later migrations send at once, and read the pending migrations only when a
 * {@code pre_migrate} receiver listens.
 */
public final class MigrationSignalsCallback implements Callback, ApplicationListener<ContextRefreshedEvent> {

	private final List<Runnable> held = new ArrayList<>();

	/** The migrations the current run applied; a new list for every run. */
	private List<String> applied = new ArrayList<>();

	private boolean refreshed;

	private final ModelSignals.PreMigrate preMigrate;

	private final ModelSignals.PostMigrate postMigrate;

	/**
	 * Create the callback.
	 * @param preMigrate the {@code pre_migrate} signal
	 * @param postMigrate the {@code post_migrate} signal
	 */
	public MigrationSignalsCallback(ModelSignals.PreMigrate preMigrate, ModelSignals.PostMigrate postMigrate) {
		this.preMigrate = preMigrate;
		this.postMigrate = postMigrate;
	}

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.BEFORE_MIGRATE || event == Event.AFTER_EACH_MIGRATE || event == Event.AFTER_MIGRATE;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		if (event == Event.BEFORE_MIGRATE) {
			List<String> run = new ArrayList<>();
			synchronized (this) {
				this.applied = run;
			}
			String using = url(context);
			if (!isRefreshed()) {
				// Receivers are not connected yet, and this send is held until they are:
				// by then the plan is what this run applied, without reading it twice.
				hold(() -> this.preMigrate.send(Flyway.class, Map.of("using", using, "plan", snapshot(run))));
			}
			else if (this.preMigrate.hasListeners(Flyway.class)) {
				List<String> pending = Arrays.stream(pendingMigrations(context))
					.map(MigrationSignalsCallback::describe)
					.toList();
				this.preMigrate.send(Flyway.class, Map.of("using", using, "plan", pending));
			}
		}
		else if (event == Event.AFTER_EACH_MIGRATE && context.getMigrationInfo() != null) {
			synchronized (this) {
				this.applied.add(describe(context.getMigrationInfo()));
			}
		}
		else if (event == Event.AFTER_MIGRATE) {
			List<String> plan;
			synchronized (this) {
				plan = List.copyOf(this.applied);
			}
			Map<String, Object> arguments = Map.of("using", url(context), "plan", plan);
			if (isRefreshed()) {
				this.postMigrate.send(Flyway.class, arguments);
			}
			else {
				hold(() -> this.postMigrate.send(Flyway.class, arguments));
			}
		}
	}

	private boolean isRefreshed() {
		synchronized (this.held) {
			return this.refreshed;
		}
	}

	private void hold(Runnable send) {
		synchronized (this.held) {
			this.held.add(send);
		}
	}

	private List<String> snapshot(List<String> run) {
		synchronized (this) {
			return List.copyOf(run);
		}
	}

	/**
	 * Send what start-up migrations held back, now that receivers are connected.
	 */
	@Override
	public void onApplicationEvent(ContextRefreshedEvent event) {
		List<Runnable> sends;
		synchronized (this.held) {
			this.refreshed = true;
			sends = List.copyOf(this.held);
			this.held.clear();
		}
		sends.forEach(Runnable::run);
	}

	/**
	 * Read the pending migrations on the callback's own connection: asking the data
	 * source for another one while the migration holds one could exhaust a small pool.
	 */
	private static MigrationInfo[] pendingMigrations(Context context) {
		SingleConnectionDataSource connection = new SingleConnectionDataSource(context.getConnection(), true);
		return Flyway.configure()
			.configuration(context.getConfiguration())
			.dataSource(connection)
			.callbacks(new Callback[0])
			.load()
			.info()
			.pending();
	}

	private static String describe(MigrationInfo migration) {
		return migration.getVersion() + " " + migration.getDescription();
	}

	private static String url(Context context) {
		try {
			return context.getConnection().getMetaData().getURL();
		}
		catch (SQLException ex) {
			return "unknown";
		}
	}

	@Override
	public String getCallbackName() {
		return "signals";
	}

}
