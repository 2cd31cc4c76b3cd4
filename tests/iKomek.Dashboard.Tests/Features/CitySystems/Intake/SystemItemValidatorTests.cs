using System.Text.Json;
using IKomek.Dashboard.Features.CitySystems.Intake;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.CitySystems.Intake;

/// <summary>Each check of one item against the schemas of the catalogue (0051), with the error it gives.</summary>
public sealed class SystemItemValidatorTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    private static readonly DateTimeOffset Now = TestClock.Now;
    private const string Centre = "\"lat\": 51.1605, \"lon\": 71.4704";

    private async Task<(SystemsItem? Item, List<SystemsItemError> Errors)> CheckAsync(string system, SystemsPath path, string json, int index = 3)
    {
        var catalogue = new SystemCatalogue(city.DataSource, city.Clock);
        var schema = await catalogue.FindAsync(system) ?? throw new InvalidOperationException(system);
        return Check(schema, path, json, index, await new CityReference(city.DataSource, city.Clock).GetAsync());
    }

    private static (SystemsItem? Item, List<SystemsItemError> Errors) Check(CitySystem system, SystemsPath path, string json, int index,
        CityReference.Snapshot reference)
    {
        var errors = new List<SystemsItemError>();
        using var doc = JsonDocument.Parse(json);
        var item = new SystemItemValidator(system, reference, Now, path).Validate(index, doc.RootElement.Clone(), errors);
        return (item, errors);
    }

    private static string At(TimeSpan offset) => (Now + offset).ToString("yyyy-MM-ddTHH:mm:sszzz");

    private async Task<SystemsItemError> SingleErrorAsync(string system, SystemsPath path, string json)
    {
        var (item, errors) = await CheckAsync(system, path, json);
        Assert.Null(item);
        var error = Assert.Single(errors);
        Assert.Equal(3, error.Index);
        Assert.Contains("item 3", error.Description);
        return error;
    }

    [Fact]
    public async Task AFuelReading_SplitsItsObjectAttributesFromItsReadingValues_AndIsPlacedInTheNearestDistrict()
    {
        var (item, errors) = await CheckAsync("fuel", SystemsPath.Readings, $$$"""
            {"source_id": "boiler-7", "observed_at": "{{{At(TimeSpan.FromHours(-1))}}}", {{{Centre}}}, "name": "Котельная 7",
             "values": {"capacity_gcal_h": 120, "coal_t": 5400.5, "coal_burn_t_day": 310, "outdoor_temp_c": -27},
             "units": {"coal_t": "t", "coal_burn_t_day": "t_day"}}
            """);

        Assert.Empty(errors);
        Assert.NotNull(item);
        Assert.Equal("""{"capacity_gcal_h":120}""", item.AttrsJson);
        Assert.Equal("""{"coal_t":5400.5,"coal_burn_t_day":310,"outdoor_temp_c":-27}""", item.ValsJson);
        Assert.Equal(Now - TimeSpan.FromHours(1), item.ObservedAt);
        var reference = await new CityReference(city.DataSource, city.Clock).GetAsync();
        Assert.Equal(reference.NearestDistrict(51.1605, 71.4704), item.DistrictId);
    }

    [Theory]
    [InlineData("""{"coal_t": "5400", "coal_burn_t_day": 1}""", "coal_t", "type", "expected a number in 't'")]
    [InlineData("""{"coal_t": 5400, "coal_burn_t_day": -1}""", "coal_burn_t_day", "range", "expected 0 to 100000")]
    [InlineData("""{"coal_burn_t_day": 1}""", "coal_t", "required", "coal_t (a number in 't'")]
    [InlineData("""{"coal_t": 1, "coal_burn_t_day": 1, "coal_kg": 5}""", "coal_kg", "unknown_field", "'coal_kg' is not a field of fuel")]
    [InlineData("""{"coal_t": 1, "coal_burn_t_day": 1, "outdoor_temp_c": true}""", "outdoor_temp_c", "type", "got a boolean")]
    public async Task FuelValues_WrongTypeRangeMissingOrUnknown_AreRefusedNamingTheFieldAndWhatIsExpected(string values, string field, string code, string expected)
    {
        var error = await SingleErrorAsync("fuel", SystemsPath.Readings,
            $$$"""{"source_id": "b1", "observed_at": "{{{At(TimeSpan.Zero)}}}", "values": {{{values}}}}""");

        Assert.Equal((field, code), (error.Field, error.Code));
        Assert.Contains(expected, error.Description);
    }

    [Theory]
    [InlineData("""{"state": "ajar", "tilt_deg": 3}""", "state", "choice", "expected one of closed, open")]
    [InlineData("""{"state": "open", "tilt_deg": 95}""", "tilt_deg", "range", "expected 0 to 90")]
    [InlineData("""{"state": 1, "tilt_deg": 3}""", "state", "type", "got a number")]
    public async Task ManholeValues_ChoiceAndRange(string values, string field, string code, string expected)
    {
        var error = await SingleErrorAsync("manholes", SystemsPath.Readings,
            $$$"""{"source_id": "m1", "observed_at": "{{{At(TimeSpan.Zero)}}}", "values": {{{values}}}}""");

        Assert.Equal((field, code), (error.Field, error.Code));
        Assert.Contains(expected, error.Description);
    }

    [Fact]
    public async Task AnIntegerField_RefusesAFraction()
    {
        var error = await SingleErrorAsync("medicines", SystemsPath.Readings, $$$"""
            {"source_id": "p1", "observed_at": "{{{At(TimeSpan.Zero)}}}",
             "values": {"antiseptic_l": 10, "antiseptic_min_l": 5, "medicines_pcs": 10.5, "medicines_min_pcs": 3}}
            """);

        Assert.Equal(("medicines_pcs", "type"), (error.Field, error.Code));
        Assert.Contains("a whole number", error.Description);
    }

    [Theory]
    [InlineData("kg", "is in 't', but was sent in 'kg'")]
    [InlineData("T", "is in 't', but was sent in 'T'")]
    public async Task AUnitOtherThanTheSchemas_IsRefused(string unit, string expected)
    {
        var error = await SingleErrorAsync("fuel", SystemsPath.Readings, $$$"""
            {"source_id": "b1", "observed_at": "{{{At(TimeSpan.Zero)}}}", "values": {"coal_t": 5, "coal_burn_t_day": 1}, "units": {"coal_t": "{{{unit}}}"}}
            """);

        Assert.Equal(("coal_t", "unit"), (error.Field, error.Code));
        Assert.Contains(expected, error.Description);
    }

    [Fact]
    public async Task AUnitForAFieldWithoutOne_IsRefused()
    {
        var error = await SingleErrorAsync("manholes", SystemsPath.Readings, $$$"""
            {"source_id": "m1", "observed_at": "{{{At(TimeSpan.Zero)}}}", "values": {"state": "open", "tilt_deg": 3}, "units": {"state": "pcs"}}
            """);

        Assert.Equal(("state", "unit"), (error.Field, error.Code));
    }

    [Theory]
    [InlineData("2026-03-31T14:00:00", "format")]
    [InlineData("2026-03-31 14:00:00+05:00", "format")]
    [InlineData("31.03.2026 14:00", "format")]
    [InlineData("2018-12-31T23:59:59Z", "too_old")]
    [InlineData("2026-03-31T14:06:00+05:00", "future")]
    [InlineData("2026-03-31T09:10:00Z", "future")]
    public async Task ObservedAt_WithoutAnOffset_TooOld_OrMoreThanFiveMinutesAhead_IsRefused(string at, string code)
    {
        var error = await SingleErrorAsync("manholes", SystemsPath.Readings,
            $$$"""{"source_id": "m1", "observed_at": "{{{at}}}", "values": {"state": "open", "tilt_deg": 3}}""");

        Assert.Equal(("observed_at", code), (error.Field, error.Code));
    }

    [Theory]
    [InlineData("2026-03-31T14:04:59+05:00")]
    [InlineData("2026-03-31T09:04:00Z")]
    [InlineData("2019-01-01T00:00:00Z")]
    [InlineData("2026-03-31T10:00:00.1234567+01:00")]
    public async Task ObservedAt_WithinTheSkewAndSince2019_IsTaken(string at)
    {
        var (item, errors) = await CheckAsync("manholes", SystemsPath.Readings,
            $$$"""{"source_id": "m1", "observed_at": "{{{at}}}", "values": {"state": "open", "tilt_deg": 3}}""");

        Assert.Empty(errors);
        Assert.Equal(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture), item!.ObservedAt);
    }

    [Theory]
    [InlineData(43.238, 76.889)]     // Almaty
    [InlineData(51.30, 71.70)]       // inside the appeals' bounding box, outside the city's outline
    [InlineData(0, 0)]
    public async Task APlaceOutsideTheCity_IsRefused(double lat, double lon)
    {
        var error = await SingleErrorAsync("manholes", SystemsPath.Readings, $$$"""
            {"source_id": "m1", "observed_at": "{{{At(TimeSpan.Zero)}}}", "lat": {{{lat.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}, "lon": {{{lon.ToString(System.Globalization.CultureInfo.InvariantCulture)}}},
             "values": {"state": "open", "tilt_deg": 3}}
            """);

        Assert.Equal(("lat", "outside_city"), (error.Field, error.Code));
    }

    [Fact]
    public async Task ALatWithoutLon_OrADistrictForAPointSystem_IsRefused()
    {
        var (_, errors) = await CheckAsync("manholes", SystemsPath.Readings, $$$"""
            {"source_id": "m1", "observed_at": "{{{At(TimeSpan.Zero)}}}", "lat": 51.16, "district": "esil", "values": {"state": "open", "tilt_deg": 3}}
            """);

        Assert.Contains(errors, e => e is { Field: "lon", Code: "required" });
        Assert.Contains(errors, e => e is { Field: "district", Code: "place" });
    }

    [Fact]
    public async Task SourceId_IsRequired_AndAtMost100Characters_UnknownItemKeysAreRefused()
    {
        var (_, missing) = await CheckAsync("manholes", SystemsPath.Readings,
            $$$"""{"observed_at": "{{{At(TimeSpan.Zero)}}}", "values": {"state": "open", "tilt_deg": 3}, "extra": 1}""");
        var (_, longId) = await CheckAsync("manholes", SystemsPath.Readings,
            $$$"""{"source_id": "{{{new string('x', 101)}}}", "observed_at": "{{{At(TimeSpan.Zero)}}}", "values": {"state": "open", "tilt_deg": 3}}""");
        var (hundred, _) = await CheckAsync("manholes", SystemsPath.Readings,
            $$$"""{"source_id": "{{{new string('x', 100)}}}", "observed_at": "{{{At(TimeSpan.Zero)}}}", "values": {"state": "open", "tilt_deg": 3}}""");

        Assert.Contains(missing, e => e is { Field: "source_id", Code: "required" });
        Assert.Contains(missing, e => e is { Field: "extra", Code: "unknown_field" });
        Assert.Equal(("source_id", "length"), (longId.Single().Field, longId.Single().Code));
        Assert.NotNull(hundred);
    }

    [Fact]
    public async Task AnObject_NeedsItsPlaceAndRequiredAttributes_AndMayNotCarryAReadingOrATime()
    {
        var (item, errors) = await CheckAsync("cameras", SystemsPath.Objects, """
            {"source_id": "cam-1", "observed_at": "2026-03-31T10:00:00+05:00", "values": {"camera_kind": "ptz", "near": "school"}}
            """);
        var (_, scope) = await CheckAsync("manholes", SystemsPath.Objects, $$$"""
            {"source_id": "m1", {{{Centre}}}, "values": {"network": "sewer", "state": "open"}}
            """);

        Assert.Null(item);
        Assert.Contains(errors, e => e is { Field: "observed_at", Code: "unknown_field" });
        Assert.Contains(errors, e => e is { Field: "lat", Code: "required" });
        Assert.Contains(errors, e => e is { Field: "status", Code: "required" });
        Assert.Equal(("state", "scope"), (scope.Single().Field, scope.Single().Code));
    }

    [Fact]
    public async Task ARegisterRow_WithDateAndBoolean_IsTakenAsItsAttributes()
    {
        var (item, errors) = await CheckAsync("construction", SystemsPath.Objects, $$$"""
            {"source_id": "permit-1", {{{Centre}}}, "values": {"permit_no": "KZ-1", "developer": "BI Group", "shared_equity": true,
             "progress_pct": 40, "status": "active", "planned_end": "2027-06-30"}}
            """);
        var (_, badDate) = await CheckAsync("construction", SystemsPath.Objects, $$$"""
            {"source_id": "permit-1", {{{Centre}}}, "values": {"permit_no": "KZ-1", "developer": "BI Group", "shared_equity": "yes",
             "progress_pct": 40, "status": "active", "planned_end": "30.06.2027"}}
            """);

        Assert.Empty(errors);
        Assert.Null(item!.ValsJson);
        Assert.Contains("\"planned_end\":\"2027-06-30\"", item.AttrsJson);
        Assert.Contains(badDate, e => e is { Field: "planned_end", Code: "type" } && e.Description.Contains("YYYY-MM-DD"));
        Assert.Contains(badDate, e => e is { Field: "shared_equity", Code: "type" } && e.Description.Contains("true or false"));
    }

    [Fact]
    public async Task ADistrictPlacedSystem_TakesADistrictCode_AndRefusesAnUnknownOne()
    {
        var reference = await new CityReference(city.DataSource, city.Clock).GetAsync();
        var system = new CitySystem("counts", "feed", "district", false,
            [new SystemField("cases", "reading", "integer", "persons", true, null, 0, null, false)]);
        var code = reference.DistrictsByCode.Keys.First();

        var (item, _) = Check(system, SystemsPath.Readings, $$$"""{"source_id": "d", "district": "{{{code}}}", "observed_at": "{{{At(TimeSpan.Zero)}}}", "values": {"cases": 4}}""", 0, reference);
        var (_, unknown) = Check(system, SystemsPath.Readings, $$$"""{"source_id": "d", "district": "nowhere", "observed_at": "{{{At(TimeSpan.Zero)}}}", "values": {"cases": 4}}""", 0, reference);
        var (_, point) = Check(system, SystemsPath.Objects, $$$"""{"source_id": "d", {{{Centre}}}}""", 0, reference);

        Assert.Equal(reference.DistrictsByCode[code].Id, item!.DistrictId);
        Assert.Equal(("district", "unknown_district"), (unknown.Single().Field, unknown.Single().Code));
        Assert.Contains(point, e => e is { Field: "lat", Code: "place" });
        Assert.Contains(point, e => e is { Field: "district", Code: "required" });
    }

    [Fact]
    public async Task EveryProblemOfAnItem_IsReported_NotOnlyTheFirst()
    {
        var (item, errors) = await CheckAsync("fuel", SystemsPath.Readings, """
            {"source_id": 5, "observed_at": "yesterday", "lat": 10, "lon": 10, "values": {"coal_t": -1, "coal_burn_t_day": "x", "foo": 1}, "units": {"coal_t": "kg"}}
            """);

        Assert.Null(item);
        Assert.Equal(
            new[] { "coal_burn_t_day", "coal_t", "coal_t", "foo", "lat", "observed_at", "source_id", "source_id" },
            errors.Select(e => e.Field!).Order(StringComparer.Ordinal).ToArray());
        Assert.All(errors, e => Assert.Equal(3, e.Index));
    }
}
