using System.Security.Claims;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Exports;
using IKomek.Dashboard.Platform.RateLimits;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace IKomek.Dashboard.Tests.Platform.Exports;

public sealed class ExportGateTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static ClaimsPrincipal User(string login) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, login), new Claim(ClaimTypes.Role, "analyst")], "cookie"));

    private ExportGate Gate(ExportOptions options, TimeProvider clock) =>
        new(options, new RateCounters(database.DataSource, clock, NullLogger<RateCounters>.Instance), new AuditLog(database.DataSource));

    [Fact]
    public async Task Enter_AllowsAFewAMinutePerLogin_OverBothNodes_ThenSaysHowLongToWait()
    {
        var clock = new ManualClock(TestClock.Now);
        var (a, b) = (Gate(new ExportOptions { PerMinute = 3 }, clock), Gate(new ExportOptions { PerMinute = 3 }, clock));

        for (var i = 0; i < 3; i++)
        {
            Assert.Null(await (i % 2 == 0 ? a : b).EnterAsync("aigerim", default));
            clock.Now += TimeSpan.FromSeconds(10);
        }
        // Four in this minute: one more fits once the sliding minute holds two of them, 30 s into the next.
        Assert.Equal(TimeSpan.FromSeconds(60), await b.EnterAsync("aigerim", default));
        // Another login has its own allowance.
        Assert.Null(await a.EnterAsync("marat", default));
        clock.Now += TimeSpan.FromSeconds(60);
        Assert.Null(await a.EnterAsync("aigerim", default));
        Assert.NotNull(await b.EnterAsync("aigerim", default));
    }

    [Fact]
    public async Task Refuse_BeyondTheRate_Is429WithRetryAfter_AndAboveTheRows_400WithTheReason()
    {
        var gate = Gate(new ExportOptions { PerMinute = 1, MaxRows = 1000 }, new ManualClock(TestClock.Now.AddHours(1)));
        long asked = 0;

        var tooMany = await gate.RefuseAsync(User("dana"), cap => Task.FromResult(asked = cap));
        var (status, body, _) = await RunAsync(tooMany!);
        Assert.Equal((400, 1001L), (status, asked));
        Assert.Contains("больше 1", body);
        Assert.Contains("Сузьте период", body);

        var (again, message, retryAfter) = await RunAsync((await gate.RefuseAsync(User("dana"), _ => Task.FromResult(10L)))!);
        Assert.Equal((429, "120"), (again, retryAfter));
        Assert.Contains("Повторите через 120 с", message);
        Assert.Null(await gate.RefuseAsync(User("erlan"), _ => Task.FromResult(1000L)));
    }

    private static async Task<(int Status, string Body, string RetryAfter)> RunAsync(IResult result)
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        http.Response.Body = new MemoryStream();
        await result.ExecuteAsync(http);
        http.Response.Body.Position = 0;
        return (http.Response.StatusCode, await new StreamReader(http.Response.Body).ReadToEndAsync(), http.Response.Headers.RetryAfter.ToString());
    }
}
