using System.Globalization;
using Dapper;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Csv;
using Npgsql;

namespace IKomek.Dashboard.Features.Projects.Editing;

/// <summary>A rejected row of an import: the file's line, the column at fault ("" for the whole row), the reason's key and arguments.</summary>
public sealed record ImportRowError(int Row, string Column, string Code, params object[] Args);

/// <summary>An import's outcome: the kind of file, the rows read, created, updated and rejected, the reasons, or the file's one error.</summary>
public sealed record ProjectImportResult(string? Kind, int RowsRead, int Created, int Updated, int Rejected, IReadOnlyList<ImportRowError> Errors,
    ImportRowError? FileError = null);

/// <summary>
/// The project office's CSV import of projects, milestones or risks (the kind told by the header, as the exports write
/// it). Each row is checked by the same rules as the forms and saved in its own transaction: a valid row is kept
/// (projects upserted by code, milestones and risks by project code and name or title), a bad one stores nothing and
/// is reported with its line, column and reason. The encoding is found by <see cref="CsvEncoding"/>.
/// </summary>
public sealed class ProjectImporter(NpgsqlDataSource db, ProjectEditor editor, ProjectParts parts)
{
    public const int MaxKeptErrors = 1000;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd.MM.yyyy", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss"];

    public async Task<ProjectImportResult> ImportAsync(Stream input, string fileName, Actor actor, CancellationToken ct = default)
    {
        Stream utf8, source;
        try
        {
            (utf8, _, source) = await CsvEncoding.OpenAsync(input, null, ct);
        }
        catch (CsvEncodingException e)
        {
            return Failed(new ImportRowError((int)e.Line, "", "fileEncoding", e.Encoding, e.Line));
        }
        await using var sourceFile = source;
        await using var reader = new CsvRowReader(utf8, unescapeFormulas: true, leaveOpen: true);
        if (await reader.ReadAsync(ct) is not { } headerRecord) return Failed(new ImportRowError(1, "", "fileEmpty"));
        var header = headerRecord.Fields.Select(f => f.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
        if (ProjectCsv.KindOf(header) is not { } kind) return Failed(new ImportRowError(headerRecord.Line, "", "fileHeader", string.Join(", ", ProjectCsv.ProjectsHeader.Take(4))));
        var missing = ProjectCsv.HeaderOf(kind).Where(c => c != "plan_change_reason" && !header.Contains(c)).ToList();
        if (missing.Count > 0) return Failed(new ImportRowError(headerRecord.Line, "", "fileColumns", string.Join(", ", missing)));

        var lists = await editor.ListsAsync(ct);
        var errors = new List<ImportRowError>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        int read = 0, created = 0, updated = 0, rejected = 0;
        while (await reader.ReadAsync(ct) is { } record)
        {
            read++;
            var rowErrors = new List<ImportRowError>();
            if (record.Error is { } malformed) rowErrors.Add(new ImportRowError(record.Line, "", "malformed." + malformed));
            else if (record.Fields.Count != header.Count) rowErrors.Add(new ImportRowError(record.Line, "", "columnCount", header.Count, record.Fields.Count));
            else
            {
                var row = new Row(record, header, rowErrors);
                var key = kind == "projects" ? row.Text("code") : row.Text("project_code") + "\u0001" + row.Text(kind == "risks" ? "title" : "name");
                if (seen.TryGetValue(key, out var first))
                    rowErrors.Add(new ImportRowError(record.Line, kind == "projects" ? "code" : kind == "risks" ? "title" : "name", "duplicateInFile", first));
                else seen[key] = record.Line;
                if (rowErrors.Count == 0)
                {
                    var outcome = await SaveRowAsync(kind, row, lists, actor, ct);
                    if (outcome == RowOutcome.Created) created++;
                    else if (outcome == RowOutcome.Updated) updated++;
                }
            }
            if (rowErrors.Count == 0) continue;
            rejected++;
            foreach (var e in rowErrors.Where(_ => errors.Count < MaxKeptErrors)) errors.Add(e);
        }
        await using (var conn = await db.OpenConnectionAsync(ct))
        {
            await AuditLog.RecordAsync(conn, null, actor, AuditActions.ProjectImport, "import", fileName,
                new { kind, rows = read, created, updated, rejected }, ct);
        }
        return new ProjectImportResult(kind, read, created, updated, rejected, errors);
    }

    private static ProjectImportResult Failed(ImportRowError error) => new(null, 0, 0, 0, 0, [], error);

    private enum RowOutcome { Created, Updated, Rejected }

    /// <summary>Parses and saves one row in its own transaction; its errors go to the row's list.</summary>
    private async Task<RowOutcome> SaveRowAsync(string kind, Row row, EditingLists lists, Actor actor, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        IReadOnlyList<EditError> errors;
        bool isNew;
        if (kind == "projects")
        {
            var draft = ReadProject(row, lists);
            if (row.Failed) return RowOutcome.Rejected;
            draft.Id = await conn.ExecuteScalarAsync<int?>(new CommandDefinition("SELECT id FROM projects WHERE code = @Code", new { draft.Code }, tx, cancellationToken: ct));
            isNew = draft.Id is null;
            errors = (await editor.SaveAsync(conn, tx, draft, actor, ct)).Errors;
        }
        else
        {
            var code = row.Text("project_code");
            var projectId = await conn.ExecuteScalarAsync<int?>(new CommandDefinition("SELECT id FROM projects WHERE code = @code", new { code }, tx, cancellationToken: ct));
            if (projectId is not { } pid)
            {
                row.Fail("project_code", "unknownProject", code);
                return RowOutcome.Rejected;
            }
            if (kind == "milestones")
            {
                var m = new MilestoneDraft { Name = row.Text("name"), DueDate = row.Date("due_date", required: true), DoneDate = row.Date("done_date") };
                if (row.Failed) return RowOutcome.Rejected;
                m.Id = await conn.ExecuteScalarAsync<int?>(new CommandDefinition(
                    "SELECT id FROM project_milestones WHERE project_id = @pid AND name = @Name ORDER BY id LIMIT 1", new { pid, Name = m.Name.Trim() }, tx, cancellationToken: ct));
                isNew = m.Id is null;
                errors = await parts.SaveMilestoneAsync(conn, tx, pid, m, actor, ct);
            }
            else
            {
                var r = new RiskDraft
                {
                    Title = row.Text("title"), Kind = row.Text("kind") is { Length: > 0 } k ? k : "risk", Severity = (int)(row.Number("severity", required: true) ?? 0),
                    Owner = row.Text("owner"), DueDate = row.Date("due_date"), ToMeeting = row.Bool("to_meeting"), ClosedOn = row.Date("closed_on"),
                };
                if (row.Failed) return RowOutcome.Rejected;
                r.Id = await conn.ExecuteScalarAsync<int?>(new CommandDefinition(
                    "SELECT id FROM project_risks WHERE project_id = @pid AND title = @Title ORDER BY id LIMIT 1", new { pid, Title = r.Title.Trim() }, tx, cancellationToken: ct));
                isNew = r.Id is null;
                errors = await parts.SaveRiskAsync(conn, tx, pid, r, actor, ct);
            }
        }
        foreach (var e in errors) row.Fail(e.Field, e.Code, e.Args);
        if (row.Failed) return RowOutcome.Rejected;   // the transaction rolls back when disposed
        await tx.CommitAsync(ct);
        return isNew ? RowOutcome.Created : RowOutcome.Updated;
    }

    private static ProjectDraft ReadProject(Row row, EditingLists lists)
    {
        int? Pick(string column, IReadOnlyList<ListItem> list, string unknownCode, bool required)
        {
            var code = row.Text(column);
            if (code.Length == 0)
            {
                if (required) row.Fail(column, "required");
                return null;
            }
            var item = list.FirstOrDefault(x => string.Equals(x.Code, code, StringComparison.OrdinalIgnoreCase));
            if (item is null) row.Fail(column, unknownCode, code);
            return item?.Id;
        }
        return new ProjectDraft
        {
            Code = row.Text("code"), NameRu = row.Text("name_ru"), NameKk = row.Text("name_kk"), NameEn = row.Text("name_en"),
            Group = row.Text("group"), DepartmentId = Pick("department", lists.Departments, "unknownDepartment", true),
            DeputyId = Pick("deputy", lists.Deputies, "unknownDeputy", true), DistrictId = Pick("district", lists.Districts, "unknownDistrict", false),
            ProjectHead = row.Text("project_head"), Scope = row.Text("scope"),
            Lat = (double?)row.Number("lat"), Lon = (double?)row.Number("lon"),
            StartDate = row.Date("start_date", required: true), PlannedEndDate = row.Date("planned_end_date", required: true),
            BudgetKzt = row.Number("budget_kzt", required: true), SpentKzt = row.Number("spent_kzt"), ProgressPct = row.Number("progress_pct"),
            Status = row.Text("status") is { Length: > 0 } s ? s : "planned",
            AreaHa = row.Number("area_ha"), Storeys = (int?)row.Number("storeys"), Capacity = row.Number("capacity"),
            CapacityUnit = row.Text("capacity_unit"), IsPublic = row.Bool("is_public"), PlanChangeReason = row.Text("plan_change_reason"),
        };
    }

    /// <summary>One record's fields by column name, parsed with precise errors (bad dates and numbers) into the row's list.</summary>
    private sealed class Row(CsvRecord record, List<string> header, List<ImportRowError> errors)
    {
        public bool Failed => errors.Count > 0;

        public void Fail(string column, string code, params object[] args) => errors.Add(new ImportRowError(record.Line, column, code, args));

        public string Text(string column)
        {
            var i = header.IndexOf(column);
            return i < 0 || i >= record.Fields.Count ? "" : record.Fields[i].Trim();
        }

        public DateTime? Date(string column, bool required = false)
        {
            var text = Text(column);
            if (text.Length == 0)
            {
                if (required) Fail(column, "required");
                return null;
            }
            if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day.Date;
            Fail(column, "badDate", text);
            return null;
        }

        public decimal? Number(string column, bool required = false)
        {
            var text = Text(column).Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal);
            if (text.Length == 0)
            {
                if (required) Fail(column, "required");
                return null;
            }
            if (!text.Contains('.', StringComparison.Ordinal)) text = text.Replace(',', '.');
            if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n)) return n;
            Fail(column, "badNumber", Text(column));
            return null;
        }

        public bool Bool(string column)
        {
            var text = Text(column).ToLowerInvariant();
            if (text is "" or "false" or "0" or "no" or "нет" or "жоқ") return false;
            if (text is "true" or "1" or "yes" or "да" or "иә") return true;
            Fail(column, "badBool", Text(column));
            return false;
        }
    }
}
