-- Alerts to leaders (Features/Alerts/README.md): the city status level last alerted, so that a change of it raises one
-- alert; and the indexes the office log and the acknowledgement link read by.

CREATE TABLE alert_city_status (
    singleton   boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    level       smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
    changed_at  timestamptz NOT NULL
);

CREATE INDEX alert_deliveries_login ON alert_deliveries (login, created_at DESC);
CREATE INDEX alerts_kind_raised ON alerts (kind, raised_at DESC);
