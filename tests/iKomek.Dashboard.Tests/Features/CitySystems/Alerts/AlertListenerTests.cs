using IKomek.Dashboard.Features.CitySystems.Alerts;
using IKomek.Dashboard.Platform.Changes;
using Microsoft.Extensions.Logging.Abstractions;

namespace IKomek.Dashboard.Tests.Features.CitySystems.Alerts;

/// <summary>The evaluator on the change feed: an intake change of objects starts an evaluation of what changed.</summary>
public sealed class AlertListenerTests : AlertSeries
{
    [Fact]
    public async Task IntakeChange_OpensTheAlertsOfWhatChanged()
    {
        var feed = new ChangeFeed();
        var listener = new AlertListener(feed, Evaluator, NullLogger<AlertListener>.Instance);
        await listener.StartAsync(CancellationToken.None);
        try
        {
            var earlier = await ObjectAsync("manholes", vals: """{"state": "open", "tilt_deg": 0}""");
            var cover = await ObjectAsync("manholes", vals: """{"state": "open", "tilt_deg": 0}""");

            var seq = await CountAsync("SELECT change_seq FROM city_objects WHERE id = @cover", new { cover });
            feed.Publish(new CityChange(2, "systems", 1, seq, seq, 0, DateTime.UtcNow));
            for (var i = 0; i < 200 && (await OpenOnAsync(cover)).Count == 0; i++) await Task.Delay(50);

            Assert.Equal(["manholes.cover_open"], await OpenOnAsync(cover));
            Assert.Equal(["manholes.cover_open"], await OpenOnAsync(earlier));   // beyond the watermark too
        }
        finally
        {
            await listener.StopAsync(CancellationToken.None);
        }
    }
}
