using System.Globalization;

namespace IKomek.Dashboard.Features.DemoCity;

/// <summary>
/// Generates the appeals day by day, each day from its own random stream: ordinary appeals by area and
/// season, bursts, planted problems; then in order of time it numbers them, links duplicates, writes
/// texts and histories. Nothing is kept from one day to the next but counters and a week of recent
/// appeals (for duplicates), so any scale streams in constant memory.
/// </summary>
internal sealed class AppealGenerator
{
    private readonly DemoCityPlan _plan;
    private readonly DemoCitySettings _settings;
    private readonly WeightedTable _districts = new(CityStructure.Districts.Select(d => (double)d.Population).ToList());
    private readonly WeightedTable _channels;
    private readonly WeightedTable _languages = new([75, 15, 3, 7]);   // ru, kk, en, mixed
    private readonly TextGenerator _texts = new();
    private readonly Lifecycle _lifecycle;
    private readonly List<Draft> _drafts = new(4096);
    private readonly RecentAppeals _recent = new();

    private long _nextAppealId = 1;
    private int _regYear;
    private int _regSequence;

    public AppealGenerator(DemoCityPlan plan)
    {
        _plan = plan;
        _settings = plan.Settings;
        _channels = new WeightedTable(plan.Reference.Channels.Select(c => c.SharePct).ToList());
        _lifecycle = new Lifecycle(plan.Reference.Organisations, _settings.NowUtc);
    }

    /// <summary>What an appeal is before it is numbered and written.</summary>
    private record struct Draft(
        long Ticks, int Sequence, ServiceType Type, Location Place, bool HasAddress, long CitizenId,
        short ChannelId, AppealLanguage Language, bool WantsDuplicate, bool Recurring);

    public IEnumerable<AppealDay> Days()
    {
        var nowTicks = _settings.NowUtc.Ticks;
        for (var dayIndex = 0; dayIndex < _settings.DayCount; dayIndex++)
        {
            var date = _plan.Volume.DateOf(dayIndex);
            var dayStart = DemoCalendar.ToUtc(date.ToDateTime(TimeOnly.MinValue)).Ticks;
            if (dayStart > nowTicks)
            {
                yield break;
            }
            var rng = Rng.Stream(_settings.Seed, "appeals", dayIndex);
            _drafts.Clear();
            AddOrdinary(dayIndex, dayStart, rng);
            AddBursts(dayIndex, date, dayStart, rng);
            AddPlanted(date, dayStart, rng);
            // Today's appeals stop at "now"; the sort is stable on the drafting order.
            _drafts.RemoveAll(d => d.Ticks > nowTicks);
            _drafts.Sort((a, b) => a.Ticks != b.Ticks ? a.Ticks.CompareTo(b.Ticks) : a.Sequence.CompareTo(b.Sequence));

            var day = new AppealDay(date, new List<AppealRow>(_drafts.Count), new List<AppealEventRow>(_drafts.Count * 4));
            var periodYear = _plan.Volume.PeriodYear(date);
            _recent.StartDay(date);
            foreach (var draft in _drafts)
            {
                day.Appeals.Add(Finish(draft, periodYear, rng, day.Events));
            }
            yield return day;
        }
    }

    private void AddOrdinary(int dayIndex, long dayStart, Random rng)
    {
        var areas = new WeightedTable(_plan.Volume.AreaVolumes(dayIndex));
        var count = rng.Poisson(areas.Total);
        var progress = dayIndex / (double)_settings.DayCount;
        for (var i = 0; i < count; i++)
        {
            var (types, table) = _plan.Volume.TypeTables[areas.Pick(rng)];
            var type = types[table.Pick(rng)];
            var district = CityStructure.Districts[_districts.Pick(rng)].Id;
            var (citizen, home) = _plan.Residents.Pick(district, progress, rng);
            AddDraft(type, dayStart, citizen, home, rng, wantsDuplicate: rng.Chance(FirstContactModel.DuplicateShare), recurring: false);
        }
    }

    private void AddBursts(int dayIndex, DateOnly date, long dayStart, Random rng)
    {
        foreach (var burst in _plan.Volume.Bursts)
        {
            var share = burst.ShareOn(date);
            if (share == 0)
            {
                continue;
            }
            var count = rng.Poisson(_plan.Volume.BaseVolume(dayIndex) * share);
            var progress = dayIndex / (double)_settings.DayCount;
            for (var i = 0; i < count; i++)
            {
                var type = burst.Types[burst.TypeTable.Pick(rng)];
                var district = burst.DistrictId ?? CityStructure.Districts[_districts.Pick(rng)].Id;
                var (citizen, home) = _plan.Residents.Pick(district, progress, rng);
                AddDraft(type, dayStart, citizen, home, rng, wantsDuplicate: false, recurring: false);
            }
        }
    }

    private void AddPlanted(DateOnly date, long dayStart, Random rng)
    {
        foreach (var source in _plan.Planted)
        {
            var count = rng.Poisson(source.RateOn(date));
            for (var i = 0; i < count; i++)
            {
                var place = rng.Pick(source.Places);
                var street = _plan.Addresses.Streets[place.Street];
                // The same neighbours write again and again; the first few most often.
                var resident = source.Residents[(int)(source.Residents.Length * Math.Pow(rng.NextDouble(), 2))];
                if (source.Type.Detail == AddressDetail.Flat)
                {
                    place = place with { Flat = _plan.Addresses.FlatIn(street, place.House, (ulong)resident) };
                }
                AddDraft(source.Type, dayStart, resident, place, rng, wantsDuplicate: false, recurring: !source.Row.IsDecoy, placeIsFixed: true);
            }
        }
    }

    private void AddDraft(ServiceType type, long dayStart, long citizen, Location home, Random rng, bool wantsDuplicate, bool recurring, bool placeIsFixed = false)
    {
        var place = placeIsFixed ? home : type.Detail switch
        {
            AddressDetail.Flat => home,
            AddressDetail.Building => home with { Flat = 0 },
            _ => _plan.Addresses.RandomPlace(home.DistrictId, rng),
        };
        // A question about tariffs or documents often comes without an address.
        var hasAddress = placeIsFixed || !type.IsInformation || type.Detail != AddressDetail.Place && rng.Chance(0.5);
        var ticks = dayStart + Seasonality.Hours.Pick(rng) * TimeSpan.TicksPerHour + rng.Next(3600) * TimeSpan.TicksPerSecond;
        _drafts.Add(new Draft(
            ticks, _drafts.Count, type, place, hasAddress, citizen,
            (short)(_channels.Pick(rng) + 1), (AppealLanguage)_languages.Pick(rng), wantsDuplicate, recurring));
    }

    private AppealRow Finish(Draft draft, int periodYear, Random rng, List<AppealEventRow> events)
    {
        var created = new DateTime(draft.Ticks, DateTimeKind.Utc);
        var id = _nextAppealId++;
        var year = DemoCalendar.ToLocal(created).Year;
        if (year != _regYear)
        {
            (_regYear, _regSequence) = (year, 0);
        }
        var regNumber = string.Create(CultureInfo.InvariantCulture, $"109-{year}-{++_regSequence:D7}");

        var type = draft.Type;
        var place = draft.Place;
        var hasAddress = draft.HasAddress;
        long? duplicateOf = null;
        string? duplicateOfNumber = null;
        if (draft.WantsDuplicate && _recent.TryPick(rng, out var original))
        {
            // The same trouble reported again (often by a neighbour) within a week.
            (type, place, hasAddress, duplicateOf, duplicateOfNumber) = (original.Type, original.Place, true, original.Id, original.RegNumber);
        }

        var (department, organisation) = _plan.Router.Route(type, place);
        var address = hasAddress ? _plan.Addresses.Address(place) : null;
        (double Lat, double Lon)? point = hasAddress ? _plan.Addresses.Coordinates(place) : null;
        var second = rng.Chance(0.04) ? _plan.Reference.ServiceTypes[rng.Next(_plan.Reference.ServiceTypes.Count)] : null;
        var row = new AppealRow
        {
            Id = id,
            RegNumber = regNumber,
            CreatedAt = created,
            ChannelId = draft.ChannelId,
            ServiceTypeId = type.Id,
            AreaId = type.AreaId,
            DistrictId = place.DistrictId,
            OrganisationId = organisation,
            DepartmentId = department,
            CitizenId = draft.CitizenId,
            Language = TextGenerator.Code(draft.Language),
            // The text draws from its own stream, seeded by one draw of the appeal's: how a resident words a complaint
            // does not shift the city's lifecycles, deadlines and ratings, however the generator's phrasing changes.
            Description = _texts.Describe(type, draft.Language, address, place.Flat, new Random(rng.Next()), second, draft.Recurring, byOperator: draft.ChannelId == 1),
            Phrasing = _texts.Phrasing,
            Address = address,
            Lat = point?.Lat,
            Lon = point?.Lon,
            Status = AppealStatus.Registered,
            IsCritical = type.IsCritical,
        };
        var firstContact = duplicateOf is null && rng.Chance(_plan.FirstContact.Probability(type, periodYear));
        row.DuplicateOf = duplicateOf;
        _lifecycle.Build(row, type, firstContact, duplicateOfNumber, rng, events);
        if (duplicateOf is null && hasAddress)
        {
            _recent.Add(new RecentAppeal(id, regNumber, type, place));
        }
        return row;
    }

    private sealed record RecentAppeal(long Id, string RegNumber, ServiceType Type, Location Place);

    /// <summary>The last seven days of appeals with an address: where duplicates point to.</summary>
    private sealed class RecentAppeals
    {
        private readonly Queue<(DateOnly Date, List<RecentAppeal> Appeals)> _days = new();
        private List<RecentAppeal> _today = [];
        private int _count;

        public void StartDay(DateOnly date)
        {
            while (_days.Count > 0 && _days.Peek().Date.DayNumber <= date.DayNumber - 7)
            {
                _count -= _days.Dequeue().Appeals.Count;
            }
            _today = [];
            _days.Enqueue((date, _today));
        }

        public void Add(RecentAppeal appeal)
        {
            _today.Add(appeal);
            _count++;
        }

        public bool TryPick(Random rng, out RecentAppeal appeal)
        {
            appeal = null!;
            if (_count == 0)
            {
                return false;
            }
            var index = rng.Next(_count);
            foreach (var (_, appeals) in _days)
            {
                if (index < appeals.Count)
                {
                    appeal = appeals[index];
                    return true;
                }
                index -= appeals.Count;
            }
            return false;
        }
    }
}
