using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IKomek.Dashboard.Features.DemoCity;
namespace IKomek.Dashboard.Tests.Features.DemoCity;

/// <summary>
/// A small demo city generated in memory once per test run: one year at 1% of the real volume
/// (about 25,000 appeals), ending on a past date so that it never depends on the clock.
/// </summary>
public static class GeneratedCity
{
    public static readonly DateOnly EndDate = new(2020, 12, 31);

    private static readonly Lazy<City> SmallCity = new(() => Generate(new DemoCityOptions(Seed: 109, Scale: 0.01, Years: 1, EndDate: EndDate)));

    internal static City Small => SmallCity.Value;

    internal static City Generate(DemoCityOptions options)
    {
        var plan = DemoCityPlan.Create(options, new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var days = plan.AppealDays().ToList();
        return new City(plan, days.SelectMany(d => d.Appeals).ToList(), days.SelectMany(d => d.Events).ToList(), days);
    }

    internal sealed record City(DemoCityPlan Plan, List<AppealRow> Appeals, List<AppealEventRow> Events, List<AppealDay> Days)
    {
        public ServiceType TypeOf(AppealRow appeal) => Plan.Reference.ServiceTypes[appeal.ServiceTypeId - 1];

        /// <summary>A hash of every generated row, reference data to events.</summary>
        public string Hash()
        {
            var text = new StringBuilder();
            void Line(params object?[] values)
            {
                foreach (var value in values)
                {
                    text.Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append('|');
                }
                text.Append('\n');
            }
            var reference = Plan.Reference;
            reference.Districts.ToList().ForEach(d => Line(d));
            reference.Departments.ToList().ForEach(d => Line(d));
            reference.Organisations.ToList().ForEach(o => Line(o));
            reference.Areas.ToList().ForEach(a => Line(a));
            reference.ServiceTypes.ToList().ForEach(t => Line(t.Id, t.Code, t.AreaId, t.DepartmentId, t.NameRu, t.NameKk, t.NameEn, string.Join(',', t.Keywords), t.SlaWorkingDays, t.IsCritical));
            reference.Channels.ToList().ForEach(c => Line(c));
            reference.Managers.ToList().ForEach(m => Line(m));
            reference.Users.ToList().ForEach(u => Line(u));
            Plan.Kpis.Kpis.ToList().ForEach(k => Line(k));
            Plan.Kpis.Values.ToList().ForEach(v => Line(v));
            Plan.Projects.Projects.ToList().ForEach(p => Line(p));
            Plan.Projects.Milestones.ToList().ForEach(m => Line(m));
            Plan.Projects.Risks.ToList().ForEach(r => Line(r));
            Plan.Planted.ToList().ForEach(p => Line(p.Row));
            foreach (var a in Appeals)
            {
                Line(a.Id, a.RegNumber, a.CreatedAt.Ticks, a.ChannelId, a.ServiceTypeId, a.AreaId, a.DistrictId, a.OrganisationId, a.DepartmentId,
                    a.CitizenId, a.Language, a.Description, a.Address, a.Lat, a.Lon, a.Status, a.IsCritical, a.FirstContactResolved,
                    a.SlaDueAt.Ticks, a.ResolvedAt?.Ticks, a.ClosedAt?.Ticks, a.Satisfaction, a.ForwardCount, a.ReopenedCount, a.DuplicateOf);
            }
            Events.ForEach(e => Line(e.Id, e.AppealId, e.At.Ticks, e.Status, e.OrganisationId, e.DepartmentId, e.Note));
            return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        }
    }
}
