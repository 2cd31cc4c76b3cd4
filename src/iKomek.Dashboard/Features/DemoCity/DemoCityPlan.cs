namespace IKomek.Dashboard.Features.DemoCity;

/// <summary>
/// The whole demo city as pure, deterministic data: the reference tables, KPIs, projects and planted
/// problems in memory, and the appeals as a stream of days. Writing it to PostgreSQL is
/// <see cref="DemoCityWriter"/>'s job; tests use this class directly.
/// </summary>
internal sealed class DemoCityPlan
{
    private DemoCityPlan(DemoCitySettings settings)
    {
        Settings = settings;
        Reference = ReferenceData.Create(settings.Seed, settings.NowUtc);
        Addresses = new AddressBook(Rng.Stream(settings.Seed, "streets"));
        Residents = new Residents(Addresses, settings.Seed, settings.Scale);
        Router = new Router(Reference);
        Volume = new VolumeModel(settings, Reference);
        Planted = PlantedProblems.Plant(settings, Reference, Addresses, Rng.Stream(settings.Seed, "planted"));
        FirstContact = new FirstContactModel(settings.Years, Reference.ServiceTypes, ExpectedAppealsByYearAndType());
        Kpis = KpiCatalog.Build(settings, Reference, Rng.Stream(settings.Seed, "kpis"));
        Projects = ProjectPortfolio.Build(settings, Reference, Addresses, Kpis, Rng.Stream(settings.Seed, "projects"));
    }

    public DemoCitySettings Settings { get; }
    public ReferenceData Reference { get; }
    public AddressBook Addresses { get; }
    public Residents Residents { get; }
    public Router Router { get; }
    public VolumeModel Volume { get; }
    public IReadOnlyList<PlantedSource> Planted { get; }
    public FirstContactModel FirstContact { get; }
    public KpiCatalog Kpis { get; }
    public ProjectPortfolio Projects { get; }

    public static DemoCityPlan Create(DemoCityOptions options, DateTimeOffset wallClock) =>
        new(DemoCitySettings.Resolve(options, wallClock));

    /// <summary>The appeals, one day at a time. Each call starts over and yields the same days.</summary>
    public IEnumerable<AppealDay> AppealDays() => new AppealGenerator(this).Days();

    /// <summary>Expected appeals per period year and service type (ordinary, bursts and planted), for calibration.</summary>
    private double[][] ExpectedAppealsByYearAndType()
    {
        var types = Reference.ServiceTypes;
        var expected = Enumerable.Range(0, Settings.Years).Select(_ => new double[types.Count]).ToArray();
        for (var day = 0; day < Settings.DayCount; day++)
        {
            var date = Volume.DateOf(day);
            var byType = expected[Volume.PeriodYear(date)];
            var areas = Volume.AreaVolumes(day);
            foreach (var type in types)
            {
                byType[type.Id - 1] += areas[type.AreaId - 1] * type.WeightInArea;
            }
            foreach (var burst in Volume.Bursts)
            {
                var extra = Volume.BaseVolume(day) * burst.ShareOn(date);
                var weights = burst.Types.Sum(t => t.WeightInArea);
                foreach (var type in extra > 0 ? burst.Types : [])
                {
                    byType[type.Id - 1] += extra * type.WeightInArea / weights;
                }
            }
            foreach (var source in Planted)
            {
                byType[source.Type.Id - 1] += source.RateOn(date);
            }
        }
        return expected;
    }
}
