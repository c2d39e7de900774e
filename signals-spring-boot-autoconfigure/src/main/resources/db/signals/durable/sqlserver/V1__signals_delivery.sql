-- Deliveries of durable receivers (Signals for Spring), in db-scheduler's layout.
-- task_data holds the delivery record: UTF-8 JSON with the signal's logical name.
-- Shipped for SQL Server, not tested by the project's build.
CREATE TABLE signals_delivery (
    task_name            VARCHAR(100) NOT NULL,
    task_instance        VARCHAR(100) NOT NULL,
    task_data            VARBINARY(MAX),
    execution_time       DATETIMEOFFSET NOT NULL,
    picked               BIT NOT NULL,
    picked_by            VARCHAR(50),
    last_success         DATETIMEOFFSET,
    last_failure         DATETIMEOFFSET,
    consecutive_failures INT,
    last_heartbeat       DATETIMEOFFSET,
    [version]            BIGINT NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX signals_delivery_execution_time_idx ON signals_delivery (execution_time);
CREATE INDEX signals_delivery_last_heartbeat_idx ON signals_delivery (last_heartbeat);
CREATE INDEX signals_delivery_priority_execution_time_idx ON signals_delivery (priority DESC, execution_time ASC);
