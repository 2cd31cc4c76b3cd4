using IKomek.Dashboard.Platform.City;

namespace IKomek.Dashboard.Features.Import;

public static class CityProfileImport
{
    /// <summary>
    /// The profile's own export as an import mapping: its <c>import</c> laid over the <c>custom</c> preset, dates without
    /// an offset read in the profile's time zone. (An extension here: the platform's profile knows no feature.)
    /// </summary>
    public static ImportMapping ToImportMapping(this CityProfile profile)
    {
        var i = profile.Import;
        return new ImportMapping { TimeZone = profile.TimeZone, Channel = profile.Channels[0], Source = profile.Code }.With(new MappingFile(
            Source: i.Source, Delimiter: i.Delimiter, DateFormat: i.DateFormat, Channel: i.Channel,
            Columns: i.Columns, Categories: i.Categories, Districts: i.Districts, Statuses: i.Statuses, Encoding: i.Encoding));
    }
}
