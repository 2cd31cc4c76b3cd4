-- The akim's office log (/alerts): every alert with its deliveries counted by outcome and when the first one was sent.
CREATE VIEW v_alerts_log AS
SELECT a.id, a.kind, a.critical, a.level, a.district_id, a.area_id, a.department_id, a.title_ru, a.title_kk, a.title_en, a.link,
       a.raised_at, a.escalate_at, a.acknowledged_at, a.acknowledged_by,
       count(d.id) AS deliveries,
       count(d.id) FILTER (WHERE d.status = 'sent') AS sent,
       count(d.id) FILTER (WHERE d.status = 'pending') AS pending,
       count(d.id) FILTER (WHERE d.status = 'failed') AS failed,
       min(d.sent_at) AS first_sent_at
FROM alerts a
LEFT JOIN alert_deliveries d ON d.alert_id = a.id
GROUP BY a.id;
