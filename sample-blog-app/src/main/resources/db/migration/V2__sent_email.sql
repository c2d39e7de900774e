-- Which recipients a durable delivery has already emailed: a retried delivery skips them.
create table sent_email (
    delivery_id varchar(64) not null,
    recipient varchar(200) not null,
    sent_at timestamp not null,
    primary key (delivery_id, recipient)
);
