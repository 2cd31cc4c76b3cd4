using Dapper;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Platform.Database;

/// <summary>Pins each view's columns and types: read-model records depend on them.</summary>
public sealed class ViewContractTests(MigratedDatabase db) : IClassFixture<MigratedDatabase>
{
    public static TheoryData<string, string> Views => new()
    {
        { "v_alerts_log", "id:bigint kind:text critical:boolean level:smallint district_id:smallint area_id:smallint department_id:smallint title_ru:text title_kk:text title_en:text link:text raised_at:timestamp with time zone escalate_at:timestamp with time zone acknowledged_at:timestamp with time zone acknowledged_by:text deliveries:bigint sent:bigint pending:bigint failed:bigint first_sent_at:timestamp with time zone" },
        { "v_alerts_deliveries", "id:bigint alert_id:bigint login:text display_name:text channel:text level:smallint status:text attempts:smallint last_error:text created_at:timestamp with time zone next_attempt_at:timestamp with time zone sent_at:timestamp with time zone" },
        { "v_access_deputy_areas", "deputy_id:smallint area_id:smallint" },
        { "v_kpi_execution", "kpi_id:integer department_id:smallint period_start:date target:numeric actual:numeric execution_pct:numeric period_kind:text period_end:date weight:numeric months:integer reported:integer" },
        { "v_project_portfolio", "project_id:integer code:text name_ru:text name_kk:text name_en:text project_group:text status:text department_id:smallint district_id:smallint deputy_id:smallint deputy_code:text deputy_name:text project_head:text start_date:date planned_end_date:date forecast_end_date:date actual_end_date:date baseline_end_date:date budget_kzt:numeric baseline_budget_kzt:numeric spent_kzt:numeric progress_pct:numeric planned_pct:numeric is_late:boolean is_over_budget:boolean is_on_time:boolean open_risks:bigint open_high_risks:bigint" },
        { "v_project_execution", "project_id:integer department_id:smallint status:text progress_pct:numeric planned_pct:numeric execution_pct:numeric open_risks:bigint" },
        { "v_ratings_appeal_facts", "appeal_id:bigint department_id:smallint settled_on:date on_time:boolean first_contact:boolean satisfaction:smallint reopened:boolean re_reported_by:bigint" },
        { "v_ratings_misrouting", "appeal_id:bigint department_id:smallint forwarded_at:timestamp with time zone forwarded_on:date held_hours:numeric" },
        { "v_city_systems_incidents", "id:bigint system_code:text rule_id:integer rule_code:text name_ru:text name_kk:text name_en:text severity:text raises_status:boolean opened_at:timestamp with time zone value:double precision district_id:smallint personal:boolean object_name:text appeal_ids:ARRAY first_reg_number:text last_appeal_at:timestamp with time zone open_critical_appeals:integer problem_ids:ARRAY" },
        { "v_panels_system_status", "code:text kind:text place_kind:text time_field:text personal:boolean position:smallint name_ru:text name_kk:text name_en:text owner_ru:text owner_kk:text owner_en:text stale_after:interval objects:bigint open_critical:bigint open_warning:bigint last_at:timestamp with time zone" },
        { "v_panels_objects", "id:bigint system_code:text source_id:text name:text district_id:smallint lat:double precision lon:double precision attrs:jsonb last_vals:jsonb last_at:timestamp with time zone updated_at:timestamp with time zone kind:text stale_after:interval alert_severity:text" },
        { "v_social_posts", "id:bigint network:text external_id:text author_handle:text posted_at:timestamp with time zone body:text url:text place_text:text reactions:integer reposts:integer reach:integer service_type_id:integer area_id:smallint confidence:real district_id:smallint address_id:integer address:text placed_by:text received_at:timestamp with time zone appeals:bigint problems:bigint" },
    };

    [Theory]
    [MemberData(nameof(Views))]
    public async Task View_HasItsContractColumns(string view, string expected)
    {
        await using var conn = await db.DataSource.OpenConnectionAsync();
        var columns = await conn.QueryAsync<string>(
            "SELECT column_name || ':' || data_type FROM information_schema.columns WHERE table_name = @view ORDER BY ordinal_position", new { view });

        Assert.Equal(expected, string.Join(' ', columns));
    }

    [Fact]
    public async Task EveryViewFile_IsPinnedHere()
    {
        var files = Directory.GetFiles(Path.Combine(IKomek.Dashboard.Platform.Database.Migrator.DefaultSqlFolder, "views"), "*.sql", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension).Order();

        Assert.Equal(Views.Select(v => (string)v[0]).Order(), files);
        await Task.CompletedTask;
    }
}
