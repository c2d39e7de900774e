package io.signalsforspring.signals.durable;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.Task;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.util.function.SingletonSupplier;

/**
 * The {@code signals_delivery} table as this application uses it: which database holds it
 * (and so db-scheduler's customization), the clients that write it, and the few queries
 * that db-scheduler does not offer (a page of rows, counts, retention). Rows are classed
 * by their execution time: due before {@link #NEVER} (pending), at {@link #NEVER} (failed
 * or quarantined), at {@link #DONE} (done, kept).
 */
final class DeliveryTable {

	/** Where kept failed and quarantined deliveries wait: never due. */
	static final Instant NEVER = Instant.parse("9999-01-01T00:00:00Z");

	/** Where done deliveries are kept, when they are kept: after the failed ones. */
	static final Instant DONE = Instant.parse("9999-12-31T00:00:00Z");

	private final DataSource dataSource;

	private final List<String> taskNames;

	private final List<Task<?>> tasks;

	private volatile @Nullable String database;

	private final SingletonSupplier<SchedulerClient> transactional = SingletonSupplier
		.of(() -> client(new TransactionAwareDataSourceProxy(dataSource())));

	private final SingletonSupplier<SchedulerClient> plain = SingletonSupplier.of(() -> client(dataSource()));

	DeliveryTable(DataSource dataSource, List<Task<?>> tasks) {
		this.dataSource = dataSource;
		this.tasks = tasks;
		this.taskNames = tasks.stream().map(Task::getName).toList();
	}

	DataSource dataSource() {
		return this.dataSource;
	}

	boolean isPostgres() {
		return "postgresql".equals(database());
	}

	JdbcCustomization jdbcCustomization() {
		return isPostgres() ? new PostgreSqlJdbcCustomization(false, false) : new DefaultJdbcCustomization(false);
	}

	private String database() {
		String known = this.database;
		if (known == null) {
			known = DeliverySchema.database(this.dataSource);
			this.database = known;
		}
		return known;
	}

	/**
	 * The client that records deliveries, through a transaction-aware data source so that
	 * a record joins the sending transaction.
	 */
	SchedulerClient transactionalClient() {
		return this.transactional.obtain();
	}

	/**
	 * A client on the plain data source, outside any transaction.
	 */
	SchedulerClient plainClient() {
		return this.plain.obtain();
	}

	private SchedulerClient client(DataSource source) {
		return SchedulerClient.Builder.create(source, this.tasks)
			.serializer(TEXT)
			.tableName(DurableSettings.TABLE)
			.jdbcCustomization(jdbcCustomization())
			.build();
	}

	/**
	 * Read a page of this application's rows that are not done, by id, after a cursor.
	 * @param after the last id of the previous page, or {@code null} for the first
	 * @param limit the most rows to read
	 */
	List<Row> page(@Nullable String after, int limit) {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		jdbc.setMaxRows(limit);
		return jdbc.query(
				"select task_name, task_instance, task_data, execution_time, picked, picked_by from "
						+ DurableSettings.TABLE + " where task_name in (" + placeholders() + ") and execution_time < ? "
						+ "and task_instance > ? order by task_instance",
				this::row, parameters(DONE.atOffset(ZoneOffset.UTC), (after != null) ? after : ""));
	}

	private Row row(ResultSet result, int number) throws SQLException {
		byte[] data = result.getBytes("task_data");
		return new Row(result.getString("task_name"), result.getString("task_instance"),
				(data != null) ? new String(data, StandardCharsets.UTF_8) : null,
				result.getObject("execution_time", OffsetDateTime.class).toInstant(), result.getBoolean("picked"),
				result.getString("picked_by"));
	}

	/**
	 * Count this application's rows due between two times.
	 */
	int count(Instant from, Instant until) {
		Integer count = new JdbcTemplate(this.dataSource).queryForObject(
				"select count(*) from " + DurableSettings.TABLE + " where task_name in (" + placeholders()
						+ ") and execution_time >= ? and execution_time < ?",
				Integer.class, parameters(from.atOffset(ZoneOffset.UTC), until.atOffset(ZoneOffset.UTC)));
		return (count != null) ? count : 0;
	}

	/**
	 * The earliest due time of this application's rows due by now.
	 */
	@Nullable Instant oldestDue(Instant now) {
		OffsetDateTime oldest = new JdbcTemplate(this.dataSource)
			.queryForObject(
					"select min(execution_time) from " + DurableSettings.TABLE + " where task_name in ("
							+ placeholders() + ") and execution_time <= ?",
					OffsetDateTime.class, parameters(now.atOffset(ZoneOffset.UTC)));
		return (oldest != null) ? oldest.toInstant() : null;
	}

	/**
	 * Delete done rows that succeeded before a time, and failed or quarantined rows whose
	 * last failure came before another.
	 * @return how many rows were deleted
	 */
	int deleteKept(@Nullable Instant doneBefore, @Nullable Instant failedBefore) {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		int deleted = 0;
		if (doneBefore != null) {
			deleted += jdbc.update(
					"delete from " + DurableSettings.TABLE + " where task_name in (" + placeholders()
							+ ") and execution_time >= ? and last_success < ?",
					parameters(DONE.atOffset(ZoneOffset.UTC), doneBefore.atOffset(ZoneOffset.UTC)));
		}
		if (failedBefore != null) {
			deleted += jdbc.update(
					"delete from " + DurableSettings.TABLE + " where task_name in (" + placeholders()
							+ ") and execution_time >= ? and execution_time < ? and last_failure < ?",
					parameters(NEVER.atOffset(ZoneOffset.UTC), DONE.atOffset(ZoneOffset.UTC),
							failedBefore.atOffset(ZoneOffset.UTC)));
		}
		return deleted;
	}

	private String placeholders() {
		return String.join(",", this.taskNames.stream().map((name) -> "?").toList());
	}

	private Object[] parameters(Object... more) {
		Object[] parameters = new Object[this.taskNames.size() + more.length];
		for (int i = 0; i < this.taskNames.size(); i++) {
			parameters[i] = this.taskNames.get(i);
		}
		System.arraycopy(more, 0, parameters, this.taskNames.size(), more.length);
		return parameters;
	}

	/**
	 * One row as the operations read it.
	 *
	 * @param task the db-scheduler task name
	 * @param id the delivery id
	 * @param data the record's JSON, if any
	 * @param executionTime when it is due
	 * @param picked whether an instance is running it
	 * @param pickedBy the instance running it
	 */
	record Row(String task, String id, @Nullable String data, Instant executionTime, boolean picked,
			@Nullable String pickedBy) {

	}

	/**
	 * Task data is the record's JSON text, stored as UTF-8 (the cleanup task has none).
	 */
	static final Serializer TEXT = new Serializer() {

		@Override
		public byte @Nullable [] serialize(@Nullable Object data) {
			return (data != null) ? ((String) data).getBytes(StandardCharsets.UTF_8) : null;
		}

		@Override
		public <T> @Nullable T deserialize(Class<T> type, byte @Nullable [] serialized) {
			return (serialized != null && type == String.class)
					? type.cast(new String(serialized, StandardCharsets.UTF_8)) : null;
		}

	};

}
