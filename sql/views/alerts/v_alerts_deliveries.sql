-- An alert's deliveries, per person and channel: who knew what, when (the office log's detail). The address is not
-- shown: the channel and the person are enough to know who knew.
CREATE VIEW v_alerts_deliveries AS
SELECT d.id, d.alert_id, d.login, u.display_name, d.channel, d.level, d.status, d.attempts, d.last_error,
       d.created_at, d.next_attempt_at, d.sent_at
FROM alert_deliveries d
LEFT JOIN users u ON u.login = d.login;
