-- The alert rules of the city's systems (Features/CitySystems/README.md, "Alert rules"): what the evaluator keeps
-- between runs, the words that tie a rule to the citizens' appeals about the same thing, and the rules the city starts
-- with.

-- How far the evaluator has looked along city_object_changes: objects changed beyond it are evaluated next.
CREATE TABLE city_alert_watermark (
    id          boolean PRIMARY KEY DEFAULT true CHECK (id),
    change_seq  bigint NOT NULL
);
INSERT INTO city_alert_watermark (change_seq) VALUES (0);

-- The change of each watched object last evaluated: a change is counted once (the "confirm" run) however many nodes
-- hear of it, and one committed late, below the watermark, is still evaluated when the change feed names it.
CREATE TABLE city_alert_seen (
    object_id   bigint PRIMARY KEY REFERENCES city_objects (id),
    change_seq  bigint NOT NULL
);

-- Words of the service types a rule's alert shares its incident with (names or keywords of the appeals' service
-- types): an open manhole reported by citizens and by its sensor is one incident.
ALTER TABLE city_alert_rules ADD COLUMN related_words text[] NOT NULL DEFAULT '{}';

CREATE INDEX city_alerts_open_severity_idx ON city_alerts (severity, opened_at DESC) WHERE closed_at IS NULL;

-- The open appeals of a district by latitude: an alert finds the citizens' reports near it (v_city_systems_incidents)
-- without reading the district's whole history.
CREATE INDEX appeals_open_place_idx ON appeals (district_id, lat) WHERE status NOT IN ('resolved', 'closed');

INSERT INTO city_alert_rules (system_code, code, name_ru, name_kk, name_en, conditions, clear_margin, confirm, months,
                              severity, raises_status, related_words, updated_at, updated_by) VALUES
('fuel', 'fuel.coal_days_january',
 'Угля меньше чем на 10 суток (январь)', 'Көмір 10 тәулікке жетпейді (қаңтар)', 'Coal for less than 10 days (January)',
 '[{"field": "coal_t", "per": "coal_burn_t_day", "op": "<", "value": 10}]', 2, 1, '{1}', 'critical', true,
 '{отоплени,тепло,жылу,heating}', now(), 'system:migration'),
('fuel', 'fuel.coal_days_heating',
 'Угля меньше чем на 10 суток (отопительный сезон)', 'Көмір 10 тәулікке жетпейді (жылыту маусымы)', 'Coal for less than 10 days (heating season)',
 '[{"field": "coal_t", "per": "coal_burn_t_day", "op": "<", "value": 10}]', 2, 1, '{2,3,4,10,11,12}', 'warning', false,
 '{отоплени,тепло,жылу,heating}', now(), 'system:migration'),
('manholes', 'manholes.cover_open',
 'Открыт люк', 'Люк ашық', 'Manhole cover open',
 '[{"field": "state", "op": "=", "value": "open"}]', 0, 1, NULL, 'critical', true,
 '{люк,manhole,hatch}', now(), 'system:migration'),
('manholes', 'manholes.cover_tilted',
 'Крышка люка наклонена более 15°', 'Люк қақпағы 15°-тан артық еңкейген', 'Manhole cover tilted over 15°',
 '[{"field": "tilt_deg", "op": ">", "value": 15}]', 3, 2, NULL, 'critical', false,
 '{люк,manhole,hatch}', now(), 'system:migration'),
('medicines', 'medicines.antiseptics_low',
 'Антисептиков меньше минимума', 'Антисептиктер минимумнан аз', 'Antiseptics below minimum',
 '[{"field": "antiseptic_l", "per": "antiseptic_min_l", "op": "<", "value": 1}]', 0.1, 1, NULL, 'warning', false,
 '{аптек,лекарств,дәрі,pharmacy,medicine}', now(), 'system:migration'),
('medicines', 'medicines.key_medicines_low',
 'Ключевых лекарств меньше минимума', 'Негізгі дәрілер минимумнан аз', 'Key medicines below minimum',
 '[{"field": "medicines_pcs", "per": "medicines_min_pcs", "op": "<", "value": 1}]', 0.1, 1, NULL, 'critical', false,
 '{аптек,лекарств,дәрі,pharmacy,medicine}', now(), 'system:migration'),
('emergency_housing', 'emergency_housing.resettlement_overdue',
 'Жильцы в аварийном доме после срока расселения', 'Апатты үйде қоныс аудару мерзімінен кейін тұрғындар', 'Residents in an emergency building past its resettlement date',
 '[{"field": "residents", "op": ">", "value": 0}, {"field": "resettle_by", "op": "<", "value": "today"}]', 0, 1, NULL, 'critical', false,
 '{аварийн,апатты,emergency housing}', now(), 'system:migration'),
('cameras', 'cameras.offline_school',
 'Камера у школы не работает', 'Мектеп жанындағы камера істемейді', 'Camera near a school offline',
 '[{"field": "status", "op": "=", "value": "offline"}, {"field": "near", "op": "=", "value": "school"}]', 0, 1, NULL, 'critical', false,
 '{камер,camera}', now(), 'system:migration'),
('cameras', 'cameras.offline_kindergarten',
 'Камера у детского сада не работает', 'Балабақша жанындағы камера істемейді', 'Camera near a kindergarten offline',
 '[{"field": "status", "op": "=", "value": "offline"}, {"field": "near", "op": "=", "value": "kindergarten"}]', 0, 1, NULL, 'critical', false,
 '{камер,camera}', now(), 'system:migration'),
('street_lighting', 'street_lighting.fault',
 'Неисправен уличный светильник', 'Көше шамы ақаулы', 'Street light fault',
 '[{"field": "fault", "op": "=", "value": true}]', 0, 2, NULL, 'warning', false,
 '{освещени,фонар,жарық,street light,lighting}', now(), 'system:migration'),
('eksk', 'eksk.overdue_requests',
 'Более 20 просроченных заявок e-KSK', 'e-KSK мерзімі өткен өтінімдері 20-дан көп', 'Over 20 overdue e-KSK requests',
 '[{"field": "overdue_requests", "op": ">", "value": 20}]', 5, 1, NULL, 'warning', false,
 '{КСК,ОСИ,housing cooperative}', now(), 'system:migration');
