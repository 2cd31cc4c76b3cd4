using IKomek.Dashboard.Features.Import;
using IKomek.Dashboard.Features.Intake;
using IKomek.Dashboard.Tests.Infrastructure;
using IKomek.Dashboard.Platform.City;

namespace IKomek.Dashboard.Tests.Features.Import;

/// <summary>Dates and mappings, without a database.</summary>
public sealed class ImportMappingTests
{
    private static readonly ImportReference NoReference = new()
    {
        ServiceTypes = new Dictionary<string, ImportReference.ServiceType>(), AreaDefaults = new Dictionary<string, ImportReference.ServiceType>(),
        Areas = new Dictionary<string, int>(), Districts = new Dictionary<string, int>(), DistrictCentres = [], Departments = new Dictionary<string, int>(),
        Channels = new Dictionary<string, int>(), Organisations = new Dictionary<string, ImportReference.Organisation[]>(),
        Buildings = new Dictionary<string, ImportReference.Building>(), Calendar = new WorkingCalendar(new HashSet<DateOnly>()),
    };

    private static AppealRowMapper Mapper(string? dateFormat = null, string zone = "Asia/Almaty") =>
        new(ImportMapping.Open311.With(new MappingFile(DateFormat: dateFormat, TimeZone: zone)), NoReference,
            ["service_request_id", "requested_datetime", "service_code", "description"], TestClock.UtcNow);

    [Theory]
    [InlineData("2024-03-05T10:30:00Z", "2024-03-05T10:30:00")]
    [InlineData("2024-03-05T10:30:00+05:00", "2024-03-05T05:30:00")]
    [InlineData("2024-03-05T10:30:00.250-04:00", "2024-03-05T14:30:00.25")]
    [InlineData("2024-03-05 10:30:00", "2024-03-05T05:30:00")]
    [InlineData("2024-03-05 10:30", "2024-03-05T05:30:00")]
    [InlineData("2024-03-05", "2024-03-04T19:00:00")]
    public void ParseDate_Iso_WithAnOffsetOrInTheMappingsZone(string raw, string expectedUtc)
    {
        var utc = Mapper().ParseDate(raw);

        Assert.Equal(DateTime.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), utc);
        Assert.Equal(DateTimeKind.Utc, utc!.Value.Kind);
    }

    [Theory]
    [InlineData("05.03.2024 10:30", "dd.MM.yyyy HH:mm", "Asia/Almaty", "2024-03-05T05:30:00")]
    [InlineData("03/05/2024 10:30 AM", "MM/dd/yyyy hh:mm tt", "America/New_York", "2024-03-05T15:30:00")]
    [InlineData("07/01/2024 10:30 AM", "MM/dd/yyyy hh:mm tt", "America/New_York", "2024-07-01T14:30:00")]
    public void ParseDate_GivenFormatAndZone_ReadsLocalTimeThere(string raw, string format, string zone, string expectedUtc) =>
        Assert.Equal(DateTime.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), Mapper(format, zone).ParseDate(raw));

    [Theory]
    [InlineData("31.02.2024 10:30")]
    [InlineData("2024-03-05")]
    [InlineData("вчера")]
    [InlineData("05.03.2024")]
    public void ParseDate_NotInTheGivenFormat_IsNull(string raw) => Assert.Null(Mapper("dd.MM.yyyy HH:mm").ParseDate(raw));

    [Fact]
    public void ParseDate_ClocksSkippedAhead_IsNull() => Assert.Null(Mapper("yyyy-MM-dd HH:mm", "America/New_York").ParseDate("2024-03-10 02:30"));

    [Fact]
    public void Mapper_HeaderWithoutARequiredColumn_IsAFileLevelError()
    {
        var e = Assert.Throws<ImportFileException>(() => new AppealRowMapper(ImportMapping.Open311, NoReference, ["service_request_id", "description"], TestClock.UtcNow));

        Assert.Equal(("missingColumns", "open311", "requested_datetime"), (e.Code, e.Args[0], e.Args[1]));
    }

    [Fact]
    public void MappingFile_UnknownPropertyOrBadJson_SaysSo()
    {
        Assert.Contains("dateFormatt", Assert.Throws<ArgumentException>(() => MappingFile.Parse("""{ "dateFormatt": "dd.MM.yyyy" }""")).Message);
        Assert.Throws<ArgumentException>(() => MappingFile.Parse("{ columns: "));
    }
}
