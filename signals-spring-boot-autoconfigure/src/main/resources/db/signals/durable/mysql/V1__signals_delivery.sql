-- Deliveries of durable receivers (Signals for Spring), in db-scheduler's layout.
-- task_data holds the delivery record: UTF-8 JSON with the signal's logical name.
-- MySQL 8 and MariaDB. Times are zone-less DATETIME(6) columns, written and read in UTC.
CREATE TABLE signals_delivery (
    task_name            VARCHAR(100) NOT NULL,
    task_instance        VARCHAR(100) NOT NULL,
    task_data            LONGBLOB,
    execution_time       DATETIME(6) NOT NULL,
    picked               BOOLEAN NOT NULL,
    picked_by            VARCHAR(50),
    last_success         DATETIME(6) NULL,
    last_failure         DATETIME(6) NULL,
    consecutive_failures INT,
    last_heartbeat       DATETIME(6) NULL,
    version              BIGINT NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX signals_delivery_execution_time_idx ON signals_delivery (execution_time);
CREATE INDEX signals_delivery_last_heartbeat_idx ON signals_delivery (last_heartbeat);
CREATE INDEX signals_delivery_priority_execution_time_idx ON signals_delivery (priority DESC, execution_time ASC);
