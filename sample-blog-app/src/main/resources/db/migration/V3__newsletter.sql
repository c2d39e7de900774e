-- A post is announced to subscribers once, the first time it becomes public.
alter table post add column published_at timestamp;
update post set published_at = created_at where status = 'PUBLISHED';

-- Administrators see the mailbox and operate deliveries; self-registered authors do not.
alter table author add column administrator boolean default false not null;

-- Double opt-in: an address gets posts once its owner followed the confirmation link. The
-- token is the secret of that link and of the unsubscribe link. Addresses subscribed before
-- this migration never confirmed: they stay unconfirmed, without a token, until they
-- subscribe again.
alter table subscriber add column token varchar(64);
alter table subscriber add column requested_at timestamp;
alter table subscriber add column confirmed_at timestamp;
alter table subscriber add constraint subscriber_token_unique unique (token);
