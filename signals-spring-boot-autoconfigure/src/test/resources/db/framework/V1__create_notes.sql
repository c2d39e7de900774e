create table framework_note (id bigint primary key, text varchar(200));
