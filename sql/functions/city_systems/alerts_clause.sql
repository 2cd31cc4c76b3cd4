-- One clause of an alert rule on one object (the grammar: Features/CitySystems/README.md, "Alert rules"). A field is
-- read from the object's latest reading (last_vals), else from its attributes (attrs).

-- The clause's left side: the field's value, divided by its "per" field when it has one (null when that is missing
-- or zero: no days of stock are counted from a burn of nothing).
CREATE OR REPLACE FUNCTION city_alert_left(p_vals jsonb, p_attrs jsonb, p_clause jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN NOT p_clause ? 'per' THEN l
        WHEN jsonb_typeof(l) = 'number' AND jsonb_typeof(d) = 'number' AND d::float8 <> 0 THEN to_jsonb(l::float8 / d::float8)
    END
    FROM (SELECT coalesce(p_vals -> (p_clause ->> 'field'), p_attrs -> (p_clause ->> 'field')) AS l,
                 coalesce(p_vals -> (p_clause ->> 'per'), p_attrs -> (p_clause ->> 'per')) AS d) x
$$;

-- The clause's right side: another field (field2), the day of the evaluation ("today", as a date string), or the value.
CREATE OR REPLACE FUNCTION city_alert_right(p_vals jsonb, p_attrs jsonb, p_clause jsonb, p_today date) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN p_clause ? 'field2' THEN coalesce(p_vals -> (p_clause ->> 'field2'), p_attrs -> (p_clause ->> 'field2'))
        WHEN p_clause -> 'value' = '"today"' THEN to_jsonb(to_char(p_today, 'YYYY-MM-DD'))
        ELSE p_clause -> 'value'
    END
$$;

-- Compares two values of one JSON type: numbers as numbers, strings (choices, ISO dates) by their characters,
-- booleans for equality only. Null (the clause does not hold) for a missing value or a type mismatch. p_shift moves a
-- numeric threshold against the comparison (threshold + shift for < and <=, - shift for > and >=): the alert's
-- hysteresis.
CREATE OR REPLACE FUNCTION city_alert_compare(l jsonb, op text, r jsonb, p_shift double precision) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN jsonb_typeof(l) = 'number' AND jsonb_typeof(r) = 'number' THEN CASE op
            WHEN '<' THEN l::float8 < r::float8 + p_shift
            WHEN '<=' THEN l::float8 <= r::float8 + p_shift
            WHEN '>' THEN l::float8 > r::float8 - p_shift
            WHEN '>=' THEN l::float8 >= r::float8 - p_shift
            WHEN '=' THEN l::float8 = r::float8
            WHEN '!=' THEN l::float8 <> r::float8 END
        WHEN jsonb_typeof(l) = 'string' AND jsonb_typeof(r) = 'string' THEN CASE op
            WHEN '<' THEN (l #>> '{}') COLLATE "C" < (r #>> '{}')
            WHEN '<=' THEN (l #>> '{}') COLLATE "C" <= (r #>> '{}')
            WHEN '>' THEN (l #>> '{}') COLLATE "C" > (r #>> '{}')
            WHEN '>=' THEN (l #>> '{}') COLLATE "C" >= (r #>> '{}')
            WHEN '=' THEN l = r
            WHEN '!=' THEN l <> r END
        WHEN jsonb_typeof(l) = 'boolean' AND jsonb_typeof(r) = 'boolean' THEN CASE op
            WHEN '=' THEN l = r
            WHEN '!=' THEN l <> r END
    END
$$;

-- A rule's conditions on one object: whether they all hold (an evaluation that counts toward "confirm"), whether an
-- open alert still fires (the first numeric clause's threshold moved back by clear_margin), and that clause's value.
CREATE OR REPLACE FUNCTION city_alert_rule_eval(p_conditions jsonb, p_clear_margin double precision, p_vals jsonb,
                                                p_attrs jsonb, p_today date)
RETURNS TABLE (holds boolean, firing boolean, value double precision)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    WITH c AS (
        SELECT i, cl ->> 'op' AS op, city_alert_left(p_vals, p_attrs, cl) AS l, city_alert_right(p_vals, p_attrs, cl, p_today) AS r
        FROM jsonb_array_elements(p_conditions) WITH ORDINALITY AS e (cl, i)
    ), f AS (
        SELECT min(i) AS first_num FROM c WHERE jsonb_typeof(l) = 'number' AND jsonb_typeof(r) = 'number'
    )
    SELECT bool_and(coalesce(city_alert_compare(l, op, r, 0), false)),
           bool_and(coalesce(city_alert_compare(l, op, r, CASE WHEN i = f.first_num THEN p_clear_margin ELSE 0 END), false)),
           max(CASE WHEN i = f.first_num THEN l::float8 END)
    FROM c, f
$$;
