package io.signalsforspring.signals.durable;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.Task;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.util.function.SingletonSupplier;

/**
 * The {@code signals_delivery} table as this application uses it: the database that holds
 * it (and so db-scheduler's customization, which also reads and writes the times of the
 * few queries here), the clients that write it, and the queries that db-scheduler does
 * not offer (a page of rows, counts, retention). Rows are classed by their execution
 * time: due before {@link #NEVER} (pending), at {@link #NEVER} (failed or quarantined),
 * at {@link #DONE} (done, kept).
 */
final class DeliveryTable {

	/** Where kept failed and quarantined deliveries wait: never due. */
	static final Instant NEVER = Instant.parse("9999-01-01T00:00:00Z");

	/** Where done deliveries are kept, when they are kept: after the failed ones. */
	static final Instant DONE = Instant.parse("9999-12-31T00:00:00Z");

	private final DeliveryDatabase database;

	private final List<String> taskNames;

	private final List<Task<?>> tasks;

	private final SingletonSupplier<SchedulerClient> transactional = SingletonSupplier
		.of(() -> client(new TransactionAwareDataSourceProxy(dataSource())));

	private final SingletonSupplier<SchedulerClient> plain = SingletonSupplier.of(() -> client(dataSource()));

	DeliveryTable(DataSource dataSource, @Nullable String schema, List<Task<?>> tasks) {
		this.database = new DeliveryDatabase(dataSource, schema);
		this.tasks = tasks;
		this.taskNames = tasks.stream().map(Task::getName).toList();
	}

	DataSource dataSource() {
		return this.database.dataSource();
	}

	/** The table's name as queries use it, in {@code signals.durable.schema} if set. */
	String name() {
		return this.database.table();
	}

	boolean isPostgres() {
		return this.database.isPostgres();
	}

	JdbcCustomization jdbcCustomization() {
		return this.database.customization();
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
			.tableName(name())
			.jdbcCustomization(jdbcCustomization())
			.build();
	}

	/**
	 * Read a page of this application's rows that are not done, by id, after a cursor.
	 * @param after the last id of the previous page, or {@code null} for the first
	 * @param limit the most rows to read
	 */
	List<Row> page(@Nullable String after, int limit) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource());
		jdbc.setMaxRows(limit);
		return jdbc.query(
				"select task_name, task_instance, task_data, execution_time, picked, picked_by from " + name()
						+ " where task_name in (" + placeholders() + ") and execution_time < ? "
						+ "and task_instance > ? order by task_instance",
				parameters(DONE, (after != null) ? after : ""), this::row);
	}

	private Row row(ResultSet result, int number) throws SQLException {
		byte[] data = jdbcCustomization().getTaskData(result, "task_data");
		return new Row(result.getString("task_name"), result.getString("task_instance"),
				(data != null) ? new String(data, StandardCharsets.UTF_8) : null,
				jdbcCustomization().getInstant(result, "execution_time"), result.getBoolean("picked"),
				result.getString("picked_by"));
	}

	/**
	 * Count this application's rows due between two times.
	 */
	int count(Instant from, Instant until) {
		List<Integer> count = new JdbcTemplate(dataSource()).query(
				"select count(*) from " + name() + " where task_name in (" + placeholders()
						+ ") and execution_time >= ? and execution_time < ?",
				parameters(from, until), (result, row) -> result.getInt(1));
		return count.isEmpty() ? 0 : count.get(0);
	}

	/**
	 * The earliest due time of this application's rows due by now.
	 */
	@Nullable Instant oldestDue(Instant now) {
		List<@Nullable Instant> oldest = new JdbcTemplate(dataSource()).query(
				"select min(execution_time) as execution_time from " + name() + " where task_name in (" + placeholders()
						+ ") and execution_time <= ?",
				parameters(now), (result, row) -> jdbcCustomization().getInstant(result, "execution_time"));
		return oldest.isEmpty() ? null : oldest.get(0);
	}

	/**
	 * Delete done rows that succeeded before a time, and failed or quarantined rows whose
	 * last failure came before another.
	 * @return how many rows were deleted
	 */
	int deleteKept(@Nullable Instant doneBefore, @Nullable Instant failedBefore) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource());
		int deleted = 0;
		if (doneBefore != null) {
			deleted += jdbc.update("delete from " + name() + " where task_name in (" + placeholders()
					+ ") and execution_time >= ? and last_success < ?", parameters(DONE, doneBefore));
		}
		if (failedBefore != null) {
			deleted += jdbc.update(
					"delete from " + name() + " where task_name in (" + placeholders()
							+ ") and execution_time >= ? and execution_time < ? and last_failure < ?",
					parameters(NEVER, DONE, failedBefore));
		}
		return deleted;
	}

	private String placeholders() {
		return String.join(",", this.taskNames.stream().map((name) -> "?").toList());
	}

	/**
	 * The task names, then the other parameters; instants are written as db-scheduler
	 * writes them on this database.
	 */
	private PreparedStatementSetter parameters(Object... more) {
		return (statement) -> {
			int index = 1;
			for (String name : this.taskNames) {
				statement.setString(index++, name);
			}
			for (Object parameter : more) {
				if (parameter instanceof Instant instant) {
					jdbcCustomization().setInstant(statement, index++, instant);
				}
				else {
					statement.setObject(index++, parameter);
				}
			}
		};
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
