using System.Collections.Concurrent;
using Npgsql;
using NpgsqlTypes;
using IKomek.Dashboard.Platform.Audit;

namespace IKomek.Dashboard.Features.DemoCity;

/// <summary>
/// Writes a <see cref="DemoCityPlan"/> into an empty, migrated database with binary COPY, on one connection
/// inside the caller's transaction. The appeals stream in chunks of days while the next days are being
/// generated on another thread, so memory stays flat at any scale.
/// </summary>
internal sealed class DemoCityWriter(NpgsqlConnection connection)
{
    /// <summary>Who the generated history's steps are attributed to: the generator, not the people it imagines.</summary>
    public static readonly Actor SeedActor = Actor.Job("demo-seed");

    // Big enough to make COPY's per-statement cost negligible, small enough to keep memory flat.
    private const int AppealsPerChunk = 50_000;
    // A full-scale city's recounts take minutes on a quiet machine and over ten on a busy one (a seed at scale 1 was
    // lost at the KPI recount after 50 minutes of writing): a step may take an hour before the seed gives up.
    private static readonly TimeSpan CopyTimeout = TimeSpan.FromMinutes(60);

    public void EnsureEmpty()
    {
        using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM districts) OR EXISTS (SELECT 1 FROM appeals)", connection);
        if ((bool)command.ExecuteScalar()!)
        {
            throw new InvalidOperationException("The database already has data: the demo city is generated into an empty database only.");
        }
    }

    /// <summary>
    /// Takes the keys, foreign keys and secondary indexes off appeals and appeal_events for the load and returns
    /// the statements that put them back. Checking foreign keys row by row and growing six indexes insert by insert
    /// costs several times the COPY itself; one sorted build per index and one validating join per foreign key
    /// afterwards are far cheaper (PostgreSQL manual, "Populating a Database"). The definitions are read from the
    /// catalog, so indexes and keys added by later migrations are handled too, and it all runs inside the seeding
    /// transaction: the schema ends exactly as it began, and on failure everything is rolled back.
    /// </summary>
    public IReadOnlyList<string> DeferConstraintsAndIndexes()
    {
        const string sql = """
            WITH loaded(rel) AS (VALUES ('appeals'::regclass), ('appeal_events'::regclass))
            SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname) AS drop_sql,
                   format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid)) AS restore_sql,
                   CASE c.contype WHEN 'f' THEN 1 ELSE 3 END AS drop_order,
                   CASE c.contype WHEN 'f' THEN 3 ELSE 1 END AS restore_order
            FROM pg_constraint c
            WHERE (c.contype = 'f' AND (c.conrelid IN (SELECT rel FROM loaded) OR c.confrelid IN (SELECT rel FROM loaded)))
               OR (c.contype IN ('p', 'u') AND c.conrelid IN (SELECT rel FROM loaded))
            UNION ALL
            SELECT format('DROP INDEX %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid), 2, 2
            FROM pg_index i
            WHERE i.indrelid IN (SELECT rel FROM loaded)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
            """;
        var statements = new List<(string Drop, string Restore, int DropOrder, int RestoreOrder)>();
        using (var command = new NpgsqlCommand(sql, connection))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                statements.Add((reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3)));
            }
        }
        // Foreign keys go first (they depend on the keys), keys come back first.
        foreach (var statement in statements.OrderBy(s => s.DropOrder).ThenBy(s => s.Drop, StringComparer.Ordinal))
        {
            Execute(statement.Drop);
        }
        return statements.OrderBy(s => s.RestoreOrder).ThenBy(s => s.Restore, StringComparer.Ordinal).Select(s => s.Restore).ToList();
    }

    /// <summary>Rebuilds the keys and indexes, then re-adds (and so validates) the foreign keys.</summary>
    public void RestoreConstraintsAndIndexes(IReadOnlyList<string> restores)
    {
        Execute("SET LOCAL maintenance_work_mem = '256MB'");
        foreach (var statement in restores)
        {
            Execute(statement);
        }
    }

    public void WriteReference(ReferenceData reference)
    {
        Copy("districts (id, code, name_ru, name_kk, name_en, population, center_lat, center_lon)", reference.Districts, (w, d) =>
        {
            w.Write(d.Id, NpgsqlDbType.Smallint);
            w.Write(d.Code, NpgsqlDbType.Text);
            w.Write(d.NameRu, NpgsqlDbType.Text);
            w.Write(d.NameKk, NpgsqlDbType.Text);
            w.Write(d.NameEn, NpgsqlDbType.Text);
            w.Write(d.Population, NpgsqlDbType.Integer);
            w.Write(d.CenterLat, NpgsqlDbType.Double);
            w.Write(d.CenterLon, NpgsqlDbType.Double);
        });
        Copy("departments (id, code, kind, name_ru, name_kk, name_en, district_id)", reference.Departments, (w, d) =>
        {
            w.Write(d.Id, NpgsqlDbType.Smallint);
            w.Write(d.Code, NpgsqlDbType.Text);
            w.Write(d.Kind, NpgsqlDbType.Text);
            w.Write(d.NameRu, NpgsqlDbType.Text);
            w.Write(d.NameKk, NpgsqlDbType.Text);
            w.Write(d.NameEn, NpgsqlDbType.Text);
            WriteNullable(w, d.DistrictId, NpgsqlDbType.Smallint);
        });
        Copy("organisations (id, name, kind, department_id, district_id)", reference.Organisations, (w, o) =>
        {
            w.Write(o.Id, NpgsqlDbType.Integer);
            w.Write(o.Name, NpgsqlDbType.Text);
            w.Write(o.Kind, NpgsqlDbType.Text);
            w.Write(o.DepartmentId, NpgsqlDbType.Smallint);
            WriteNullable(w, o.DistrictId, NpgsqlDbType.Smallint);
        });
        Copy("areas (id, code, name_ru, name_kk, name_en, is_life_support)", reference.Areas, (w, a) =>
        {
            w.Write(a.Id, NpgsqlDbType.Smallint);
            w.Write(a.Code, NpgsqlDbType.Text);
            w.Write(a.NameRu, NpgsqlDbType.Text);
            w.Write(a.NameKk, NpgsqlDbType.Text);
            w.Write(a.NameEn, NpgsqlDbType.Text);
            w.Write(a.IsLifeSupport, NpgsqlDbType.Boolean);
        });
        Copy("service_types (id, code, area_id, department_id, name_ru, name_kk, name_en, keywords, sla_working_days, is_critical)",
            reference.ServiceTypes, (w, t) =>
            {
                w.Write(t.Id, NpgsqlDbType.Integer);
                w.Write(t.Code, NpgsqlDbType.Text);
                w.Write(t.AreaId, NpgsqlDbType.Smallint);
                w.Write(t.DepartmentId, NpgsqlDbType.Smallint);
                w.Write(t.NameRu, NpgsqlDbType.Text);
                w.Write(t.NameKk, NpgsqlDbType.Text);
                w.Write(t.NameEn, NpgsqlDbType.Text);
                w.Write(t.Keywords, NpgsqlDbType.Array | NpgsqlDbType.Text);
                w.Write(t.SlaWorkingDays, NpgsqlDbType.Smallint);
                w.Write(t.IsCritical, NpgsqlDbType.Boolean);
            });
        Copy("channels (id, code, name_ru, name_kk, name_en, is_digital)", reference.Channels, (w, c) =>
        {
            w.Write(c.Id, NpgsqlDbType.Smallint);
            w.Write(c.Code, NpgsqlDbType.Text);
            w.Write(c.NameRu, NpgsqlDbType.Text);
            w.Write(c.NameKk, NpgsqlDbType.Text);
            w.Write(c.NameEn, NpgsqlDbType.Text);
            w.Write(c.IsDigital, NpgsqlDbType.Boolean);
        });
        Copy("managers (id, full_name, position_ru, department_id)", reference.Managers, (w, m) =>
        {
            w.Write(m.Id, NpgsqlDbType.Integer);
            w.Write(m.FullName, NpgsqlDbType.Text);
            w.Write(m.PositionRu, NpgsqlDbType.Text);
            w.Write(m.DepartmentId, NpgsqlDbType.Smallint);
        });
        Copy("deputies (id, code, full_name, portfolio_ru, portfolio_kk, portfolio_en)", reference.Deputies, (w, d) =>
        {
            w.Write(d.Id, NpgsqlDbType.Smallint);
            w.Write(d.Code, NpgsqlDbType.Text);
            w.Write(d.FullName, NpgsqlDbType.Text);
            w.Write(d.PortfolioRu, NpgsqlDbType.Text);
            w.Write(d.PortfolioKk, NpgsqlDbType.Text);
            w.Write(d.PortfolioEn, NpgsqlDbType.Text);
        });
        Copy("deputy_departments (deputy_id, department_id)", reference.DeputyDepartments, (w, d) =>
        {
            w.Write(d.DeputyId, NpgsqlDbType.Smallint);
            w.Write(d.DepartmentId, NpgsqlDbType.Smallint);
        });
        Copy("users (id, login, display_name, role, department_id, created_at, password_hash)", reference.Users, (w, u) =>
        {
            w.Write(u.Id, NpgsqlDbType.Integer);
            w.Write(u.Login, NpgsqlDbType.Text);
            w.Write(u.DisplayName, NpgsqlDbType.Text);
            w.Write(u.Role, NpgsqlDbType.Text);
            WriteNullable(w, u.DepartmentId, NpgsqlDbType.Smallint);
            w.Write(u.CreatedAt, NpgsqlDbType.TimestampTz);
            WriteNullable(w, DemoAccounts.PasswordHashFor(u.Login), NpgsqlDbType.Text);
        });
        using var deputyAccounts = new NpgsqlCommand(
            "UPDATE users u SET deputy_id = d.id FROM deputies d WHERE u.role = 'deputy' AND u.login = 'deputy.' || d.code", connection);
        deputyAccounts.ExecuteNonQuery();
    }

    public void WriteKpis(KpiCatalog kpis)
    {
        Copy("kpis (id, code, name_ru, name_kk, name_en, department_id, unit, higher_is_better, weight, period_kind, aggregation, " +
             "source, measure, target_mode, min_value, max_value)", kpis.Kpis, (w, k) =>
        {
            w.Write(k.Id, NpgsqlDbType.Integer);
            w.Write(k.Code, NpgsqlDbType.Text);
            w.Write(k.NameRu, NpgsqlDbType.Text);
            w.Write(k.NameKk, NpgsqlDbType.Text);
            w.Write(k.NameEn, NpgsqlDbType.Text);
            w.Write(k.DepartmentId, NpgsqlDbType.Smallint);
            w.Write(k.Unit, NpgsqlDbType.Text);
            w.Write(k.HigherIsBetter, NpgsqlDbType.Boolean);
            w.Write(k.Weight, NpgsqlDbType.Numeric);
            w.Write(k.PeriodKind, NpgsqlDbType.Text);
            w.Write(k.Aggregation, NpgsqlDbType.Text);
            w.Write(k.Source, NpgsqlDbType.Text);
            WriteNullable(w, k.Measure, NpgsqlDbType.Text);
            w.Write(k.TargetMode, NpgsqlDbType.Text);
            WriteNullable(w, k.MinValue, NpgsqlDbType.Numeric);
            WriteNullable(w, k.MaxValue, NpgsqlDbType.Numeric);
        });
        Copy("kpi_values (kpi_id, period_start, target, actual)", kpis.Values, (w, v) =>
        {
            w.Write(v.KpiId, NpgsqlDbType.Integer);
            w.Write(v.PeriodStart, NpgsqlDbType.Date);
            w.Write(v.Target, NpgsqlDbType.Numeric);
            WriteNullable(w, v.Actual, NpgsqlDbType.Numeric);
        });
        // The ranges entry and import hold values to, as 0034_kpi_model.sql gave the KPIs there before: shares 0-100, others not below 0.
        using var ranges = new NpgsqlCommand(
            "UPDATE kpis SET min_value = 0, max_value = CASE WHEN unit = '%' THEN 100 END WHERE min_value IS NULL AND max_value IS NULL", connection);
        ranges.ExecuteNonQuery();
    }

    /// <summary>
    /// The computed KPIs' actuals, measured on the written appeals and milestones (kpi_recount) for every period over
    /// by the end of the month before the city's "now": they equal their recount by construction.
    /// </summary>
    public void RecountKpis(DemoCitySettings settings)
    {
        var firstMonth = new DateOnly(settings.StartDate.Year, settings.StartDate.Month, 1);
        var lastMonth = new DateOnly(settings.EndDate.Year, settings.EndDate.Month, 1).AddMonths(-1);
        // The rating's appeal facts first: the KPIs of the rating's measures (FCR, misrouting) read its daily rollup.
        using var facts = new NpgsqlCommand("SELECT rating_rebuild_appeals()", connection) { CommandTimeout = (int)CopyTimeout.TotalSeconds };
        facts.ExecuteNonQuery();
        using var command = new NpgsqlCommand("SELECT kpi_recount(@from, @to, @actor)", connection);
        command.Parameters.AddWithValue("from", firstMonth);
        command.Parameters.AddWithValue("to", lastMonth);
        command.Parameters.AddWithValue("actor", SeedActor.Name);
        command.CommandTimeout = (int)CopyTimeout.TotalSeconds;
        command.ExecuteNonQuery();
    }

    public void WriteProjects(ProjectPortfolio portfolio)
    {
        Copy("projects (id, code, name_ru, name_kk, name_en, project_group, department_id, district_id, deputy_id, project_head, scope, " +
             "start_date, planned_end_date, forecast_end_date, actual_end_date, budget_kzt, spent_kzt, progress_pct, status, is_public, lat, lon, " +
             "baseline_start_date, baseline_end_date, baseline_budget_kzt, actual_start_date, area_ha, storeys, capacity, capacity_unit, outline)",
            portfolio.Projects, (w, p) =>
            {
                w.Write(p.Id, NpgsqlDbType.Integer);
                w.Write(p.Code, NpgsqlDbType.Text);
                w.Write(p.NameRu, NpgsqlDbType.Text);
                w.Write(p.NameKk, NpgsqlDbType.Text);
                w.Write(p.NameEn, NpgsqlDbType.Text);
                w.Write(p.Group, NpgsqlDbType.Text);
                w.Write(p.DepartmentId, NpgsqlDbType.Smallint);
                WriteNullable(w, p.DistrictId, NpgsqlDbType.Smallint);
                w.Write(p.DeputyId, NpgsqlDbType.Smallint);
                w.Write(p.ProjectHead, NpgsqlDbType.Text);
                w.Write(p.Scope, NpgsqlDbType.Text);
                w.Write(p.StartDate, NpgsqlDbType.Date);
                w.Write(p.PlannedEndDate, NpgsqlDbType.Date);
                w.Write(p.ForecastEndDate, NpgsqlDbType.Date);
                WriteNullable(w, p.ActualEndDate, NpgsqlDbType.Date);
                w.Write(p.BudgetKzt, NpgsqlDbType.Numeric);
                w.Write(p.SpentKzt, NpgsqlDbType.Numeric);
                w.Write(p.ProgressPct, NpgsqlDbType.Numeric);
                w.Write(p.Status, NpgsqlDbType.Text);
                w.Write(p.IsPublic, NpgsqlDbType.Boolean);
                WriteNullable(w, p.Lat, NpgsqlDbType.Double);
                WriteNullable(w, p.Lon, NpgsqlDbType.Double);
                w.Write(p.BaselineStartDate, NpgsqlDbType.Date);
                w.Write(p.BaselineEndDate, NpgsqlDbType.Date);
                w.Write(p.BaselineBudgetKzt, NpgsqlDbType.Numeric);
                WriteNullable(w, p.ActualStartDate, NpgsqlDbType.Date);
                WriteNullable(w, p.AreaHa, NpgsqlDbType.Numeric);
                WriteNullable(w, p.Storeys, NpgsqlDbType.Smallint);
                WriteNullable(w, p.Capacity, NpgsqlDbType.Numeric);
                WriteNullable(w, p.CapacityUnit, NpgsqlDbType.Text);
                WriteNullable(w, p.Outline, NpgsqlDbType.Jsonb);
            });
        Copy("project_milestones (id, project_id, name, due_date, done_date, position)", portfolio.Milestones, (w, m) =>
        {
            w.Write(m.Id, NpgsqlDbType.Integer);
            w.Write(m.ProjectId, NpgsqlDbType.Integer);
            w.Write(m.Name, NpgsqlDbType.Text);
            w.Write(m.DueDate, NpgsqlDbType.Date);
            WriteNullable(w, m.DoneDate, NpgsqlDbType.Date);
            w.Write(m.Position, NpgsqlDbType.Smallint);
        });
        Copy("project_risks (id, project_id, title, severity, is_open, raised_on, kind, owner, due_date, to_meeting, closed_on)", portfolio.Risks, (w, r) =>
        {
            w.Write(r.Id, NpgsqlDbType.Integer);
            w.Write(r.ProjectId, NpgsqlDbType.Integer);
            w.Write(r.Title, NpgsqlDbType.Text);
            w.Write(r.Severity, NpgsqlDbType.Smallint);
            w.Write(r.IsOpen, NpgsqlDbType.Boolean);
            w.Write(r.RaisedOn, NpgsqlDbType.Date);
            w.Write(r.Kind, NpgsqlDbType.Text);
            w.Write(r.Owner, NpgsqlDbType.Text);
            w.Write(r.DueDate, NpgsqlDbType.Date);
            w.Write(r.ToMeeting, NpgsqlDbType.Boolean);
            WriteNullable(w, r.ClosedOn, NpgsqlDbType.Date);
        });
        WriteProjectOffice(portfolio);
    }

    /// <summary>Plan changes, results, meetings and their agendas, KPI links, the groups' service types and the photos.</summary>
    private void WriteProjectOffice(ProjectPortfolio portfolio)
    {
        Copy("project_plan_changes (id, project_id, field, old_value, new_value, reason, changed_at, changed_by)", portfolio.PlanChanges, (w, c) =>
        {
            w.Write(c.Id, NpgsqlDbType.Bigint);
            w.Write(c.ProjectId, NpgsqlDbType.Integer);
            w.Write(c.Field, NpgsqlDbType.Text);
            w.Write(c.OldValue, NpgsqlDbType.Text);
            w.Write(c.NewValue, NpgsqlDbType.Text);
            w.Write(c.Reason, NpgsqlDbType.Text);
            w.Write(c.ChangedAtUtc, NpgsqlDbType.TimestampTz);
            w.Write(c.ChangedBy, NpgsqlDbType.Text);
        });
        Copy("project_results (id, project_id, kind, name_ru, name_kk, name_en, unit, planned, achieved)", portfolio.Results, (w, r) =>
        {
            w.Write(r.Id, NpgsqlDbType.Integer);
            w.Write(r.ProjectId, NpgsqlDbType.Integer);
            w.Write(r.Kind, NpgsqlDbType.Text);
            w.Write(r.NameRu, NpgsqlDbType.Text);
            w.Write(r.NameKk, NpgsqlDbType.Text);
            w.Write(r.NameEn, NpgsqlDbType.Text);
            w.Write(r.Unit, NpgsqlDbType.Text);
            w.Write(r.Planned, NpgsqlDbType.Numeric);
            WriteNullable(w, r.Achieved, NpgsqlDbType.Numeric);
        });
        Copy("akimat_meetings (id, held_on, status)", portfolio.Meetings, (w, m) =>
        {
            w.Write(m.Id, NpgsqlDbType.Integer);
            w.Write(m.HeldOn, NpgsqlDbType.Date);
            w.Write(m.Status, NpgsqlDbType.Text);
        });
        Copy("akimat_meeting_items (meeting_id, risk_id, position, owner, due_date, decision, decided_at, decided_by)", portfolio.MeetingItems, (w, i) =>
        {
            w.Write(i.MeetingId, NpgsqlDbType.Integer);
            w.Write(i.RiskId, NpgsqlDbType.Integer);
            w.Write(i.Position, NpgsqlDbType.Smallint);
            w.Write(i.Owner, NpgsqlDbType.Text);
            w.Write(i.DueDate, NpgsqlDbType.Date);
            WriteNullable(w, i.Decision, NpgsqlDbType.Text);
            WriteNullable(w, i.DecidedAtUtc, NpgsqlDbType.TimestampTz);
            WriteNullable(w, i.DecidedBy, NpgsqlDbType.Text);
        });
        Copy("project_kpis (project_id, kpi_id)", portfolio.ProjectKpis, (w, l) =>
        {
            w.Write(l.ProjectId, NpgsqlDbType.Integer);
            w.Write(l.KpiId, NpgsqlDbType.Integer);
        });
        Copy("project_group_service_types (project_group, service_type_id)", portfolio.GroupServiceTypes, (w, g) =>
        {
            w.Write(g.Group, NpgsqlDbType.Text);
            w.Write(g.ServiceTypeId, NpgsqlDbType.Integer);
        });
        Copy("project_photos (id, project_id, taken_on, caption, content_type, width, height, image, thumbnail, uploaded_at, uploaded_by)",
            portfolio.Photos, (w, p) =>
            {
                w.Write(p.Id, NpgsqlDbType.Integer);
                w.Write(p.ProjectId, NpgsqlDbType.Integer);
                w.Write(p.TakenOn, NpgsqlDbType.Date);
                w.Write(p.Caption, NpgsqlDbType.Text);
                w.Write(Platform.Images.Png.ContentType, NpgsqlDbType.Text);
                w.Write(p.Width, NpgsqlDbType.Integer);
                w.Write(p.Height, NpgsqlDbType.Integer);
                w.Write(p.Image, NpgsqlDbType.Bytea);
                w.Write(p.Thumbnail, NpgsqlDbType.Bytea);
                w.Write(p.UploadedAtUtc, NpgsqlDbType.TimestampTz);
                w.Write(p.UploadedBy, NpgsqlDbType.Text);
            });
    }

    public void WritePlanted(IEnumerable<PlantedProblem> planted) =>
        Copy("planted_problems (id, kind, service_type_id, district_id, address, lat, lon, radius_m, starts_on, ends_on, appeals_per_week, description)",
            planted, (w, p) =>
            {
                w.Write(p.Id, NpgsqlDbType.Integer);
                w.Write(p.Kind, NpgsqlDbType.Text);
                w.Write(p.ServiceTypeId, NpgsqlDbType.Integer);
                w.Write(p.DistrictId, NpgsqlDbType.Smallint);
                w.Write(p.Address, NpgsqlDbType.Text);
                w.Write(p.Lat, NpgsqlDbType.Double);
                w.Write(p.Lon, NpgsqlDbType.Double);
                w.Write(p.RadiusM, NpgsqlDbType.Integer);
                w.Write(p.StartsOn, NpgsqlDbType.Date);
                w.Write(p.EndsOn, NpgsqlDbType.Date);
                w.Write(p.AppealsPerWeek, NpgsqlDbType.Numeric);
                w.Write(p.Description, NpgsqlDbType.Text);
            });

    /// <summary>Generates the days on a background thread and copies them in chunks: appeals first, then their events.</summary>
    public (long Appeals, long Events) WriteAppeals(IEnumerable<AppealDay> days, IProgress<string>? progress, CancellationToken ct)
    {
        using var queue = new BlockingCollection<AppealDay>(boundedCapacity: 32);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Exception? failure = null;
        var producer = new Thread(() =>
        {
            try
            {
                foreach (var day in days)
                {
                    queue.Add(day, stop.Token);
                }
            }
            catch (Exception e)
            {
                failure = e;
            }
            finally
            {
                queue.CompleteAdding();
            }
        }) { IsBackground = true, Name = "demo-city-generator" };
        producer.Start();

        long appeals = 0, events = 0;
        var chunk = new List<AppealDay>();
        var chunkAppeals = 0;
        var month = -1;
        try
        {
            foreach (var day in queue.GetConsumingEnumerable(ct))
            {
                chunk.Add(day);
                chunkAppeals += day.Appeals.Count;
                if (chunkAppeals >= AppealsPerChunk)
                {
                    (appeals, events) = Flush(chunk, appeals, events);
                    chunkAppeals = 0;
                }
                if (day.Date.Month != month)
                {
                    month = day.Date.Month;
                    progress?.Report($"Appeals: {day.Date:yyyy-MM} ({appeals:N0} written)");
                }
            }
            (appeals, events) = Flush(chunk, appeals, events);
        }
        finally
        {
            // On failure or cancellation stop the generator, which may be waiting for room in the queue.
            stop.Cancel();
            producer.Join();
        }
        if (failure is not null)
        {
            throw new InvalidOperationException("Generating the demo city's appeals failed.", failure);
        }
        ct.ThrowIfCancellationRequested();
        return (appeals, events);
    }

    private (long Appeals, long Events) Flush(List<AppealDay> chunk, long appeals, long events)
    {
        Copy("appeals (id, reg_number, created_at, channel_id, service_type_id, area_id, district_id, organisation_id, department_id, " +
             "citizen_id, language, description, address, lat, lon, status, is_critical, first_contact_resolved, sla_due_at, resolved_at, " +
             "closed_at, satisfaction, forward_count, reopened_count, duplicate_of)",
            chunk.SelectMany(d => d.Appeals), WriteAppeal);
        Copy("appeal_events (id, appeal_id, at, status, organisation_id, department_id, note, actor)", chunk.SelectMany(d => d.Events), WriteEvent);
        var result = (appeals + chunk.Sum(d => d.Appeals.Count), events + chunk.Sum(d => d.Events.Count));
        chunk.Clear();
        return result;
    }

    private static void WriteAppeal(NpgsqlBinaryImporter w, AppealRow a)
    {
        w.Write(a.Id, NpgsqlDbType.Bigint);
        w.Write(a.RegNumber, NpgsqlDbType.Text);
        w.Write(a.CreatedAt, NpgsqlDbType.TimestampTz);
        w.Write(a.ChannelId, NpgsqlDbType.Smallint);
        w.Write(a.ServiceTypeId, NpgsqlDbType.Integer);
        w.Write(a.AreaId, NpgsqlDbType.Smallint);
        w.Write(a.DistrictId, NpgsqlDbType.Smallint);
        WriteNullable(w, a.OrganisationId, NpgsqlDbType.Integer);
        w.Write(a.DepartmentId, NpgsqlDbType.Smallint);
        w.Write(a.CitizenId, NpgsqlDbType.Bigint);
        w.Write(a.Language, NpgsqlDbType.Text);
        w.Write(a.Description, NpgsqlDbType.Text);
        WriteNullable(w, a.Address, NpgsqlDbType.Text);
        WriteNullable(w, a.Lat, NpgsqlDbType.Double);
        WriteNullable(w, a.Lon, NpgsqlDbType.Double);
        w.Write(a.Status, NpgsqlDbType.Text);
        w.Write(a.IsCritical, NpgsqlDbType.Boolean);
        w.Write(a.FirstContactResolved, NpgsqlDbType.Boolean);
        w.Write(a.SlaDueAt, NpgsqlDbType.TimestampTz);
        WriteNullable(w, a.ResolvedAt, NpgsqlDbType.TimestampTz);
        WriteNullable(w, a.ClosedAt, NpgsqlDbType.TimestampTz);
        WriteNullable(w, a.Satisfaction, NpgsqlDbType.Smallint);
        w.Write(a.ForwardCount, NpgsqlDbType.Smallint);
        w.Write(a.ReopenedCount, NpgsqlDbType.Smallint);
        WriteNullable(w, a.DuplicateOf, NpgsqlDbType.Bigint);
    }

    private static void WriteEvent(NpgsqlBinaryImporter w, AppealEventRow e)
    {
        w.Write(e.Id, NpgsqlDbType.Bigint);
        w.Write(e.AppealId, NpgsqlDbType.Bigint);
        w.Write(e.At, NpgsqlDbType.TimestampTz);
        w.Write(e.Status, NpgsqlDbType.Text);
        WriteNullable(w, e.OrganisationId, NpgsqlDbType.Integer);
        WriteNullable(w, e.DepartmentId, NpgsqlDbType.Smallint);
        WriteNullable(w, e.Note, NpgsqlDbType.Text);
        w.Write(SeedActor.Name, NpgsqlDbType.Text);
    }

    /// <summary>The demo_city row, and identity sequences moved past the explicit ids so that later inserts get fresh ones.</summary>
    public void Finish(DemoCitySettings settings, long appeals)
    {
        const string sql = """
            INSERT INTO demo_city (seed, scale, years, end_date, appeals, generated_at)
            VALUES (@seed, @scale, @years, @end_date, @appeals, @generated_at);
            SELECT setval(pg_get_serial_sequence('appeals', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM appeals), false);
            SELECT setval(pg_get_serial_sequence('appeal_events', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM appeal_events), false);
            SELECT setval(pg_get_serial_sequence('users', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM users), false);
            SELECT setval(pg_get_serial_sequence('project_milestones', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM project_milestones), false);
            SELECT setval(pg_get_serial_sequence('project_risks', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM project_risks), false);
            SELECT setval(pg_get_serial_sequence('project_plan_changes', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM project_plan_changes), false);
            SELECT setval(pg_get_serial_sequence('project_results', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM project_results), false);
            SELECT setval(pg_get_serial_sequence('akimat_meetings', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM akimat_meetings), false);
            SELECT setval(pg_get_serial_sequence('project_photos', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM project_photos), false);
            SELECT register_appeal_addresses();
            INSERT INTO api_clients (name, api_key, channel_id) VALUES (@client_name, @client_key, @client_channel);
            """;
        using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("seed", settings.Seed);
        command.Parameters.AddWithValue("scale", settings.Scale);
        command.Parameters.AddWithValue("years", settings.Years);
        command.Parameters.AddWithValue("end_date", settings.EndDate);
        command.Parameters.AddWithValue("appeals", appeals);
        command.Parameters.AddWithValue("generated_at", settings.NowUtc);
        command.Parameters.AddWithValue("client_name", DemoApiClient.Name);
        command.Parameters.AddWithValue("client_key", DemoApiClient.ApiKey);
        command.Parameters.AddWithValue("client_channel", DemoApiClient.ChannelId);
        command.ExecuteNonQuery();
    }

    /// <summary>Fresh statistics for the planner: the tables went from empty to millions of rows.</summary>
    public void Analyze() => Execute("ANALYZE");

    private void Execute(string sql)
    {
        if (sql.Length == 0)
        {
            return;
        }
        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.ExecuteNonQuery();
    }

    private void Copy<T>(string tableAndColumns, IEnumerable<T> rows, Action<NpgsqlBinaryImporter, T> write)
    {
        using var importer = connection.BeginBinaryImport($"COPY {tableAndColumns} FROM STDIN (FORMAT BINARY)");
        importer.Timeout = CopyTimeout;
        foreach (var row in rows)
        {
            importer.StartRow();
            write(importer, row);
        }
        importer.Complete();
    }

    private static void WriteNullable<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type) where T : struct
    {
        if (value is { } v)
        {
            writer.Write(v, type);
        }
        else
        {
            writer.WriteNull();
        }
    }

    private static void WriteNullable(NpgsqlBinaryImporter writer, string? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value, type);
        }
    }
}
