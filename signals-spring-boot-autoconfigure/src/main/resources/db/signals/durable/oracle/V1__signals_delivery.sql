-- Deliveries of durable receivers (Signals for Spring), in db-scheduler's layout.
-- task_data holds the delivery record: UTF-8 JSON with the signal's logical name.
-- Shipped for Oracle, not tested by the project's build.
CREATE TABLE signals_delivery (
    task_name            VARCHAR2(100) NOT NULL,
    task_instance        VARCHAR2(100) NOT NULL,
    task_data            BLOB,
    execution_time       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    picked               NUMBER(1, 0) NOT NULL,
    picked_by            VARCHAR2(50),
    last_success         TIMESTAMP(6) WITH TIME ZONE,
    last_failure         TIMESTAMP(6) WITH TIME ZONE,
    consecutive_failures NUMBER(19, 0),
    last_heartbeat       TIMESTAMP(6) WITH TIME ZONE,
    version              NUMBER(19, 0) NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX signals_delivery_execution_time_idx ON signals_delivery (execution_time);
CREATE INDEX signals_delivery_last_heartbeat_idx ON signals_delivery (last_heartbeat);
CREATE INDEX signals_delivery_priority_execution_time_idx ON signals_delivery (priority DESC, execution_time ASC);
