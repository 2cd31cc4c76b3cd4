using System.Security.Claims;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Exports;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public void Enter_AllowsAFewAMinutePerLogin_ThenSaysHowLongToWait()
    {
        var clock = new ManualClock(TestClock.Now);
        var gate = new ExportGate(new ExportOptions { PerMinute = 3 }, clock, new AuditLog(database.DataSource));

        for (var i = 0; i < 3; i++)
        {
            Assert.Null(gate.Enter("aigerim"));
            clock.Now += TimeSpan.FromSeconds(10);
        }
        Assert.Equal(TimeSpan.FromSeconds(30), gate.Enter("aigerim"));
        // Another login has its own allowance; the first export leaving the minute frees one place.
        Assert.Null(gate.Enter("marat"));
        clock.Now += TimeSpan.FromSeconds(30);
        Assert.Null(gate.Enter("aigerim"));
        Assert.Equal(TimeSpan.FromSeconds(10), gate.Enter("aigerim"));
    }

    [Fact]
    public async Task Refuse_BeyondTheRate_Is429WithRetryAfter_AndAboveTheRows_400WithTheReason()
    {
        var gate = new ExportGate(new ExportOptions { PerMinute = 1, MaxRows = 1000 }, new ManualClock(TestClock.Now), new AuditLog(database.DataSource));
        long asked = 0;

        var tooMany = await gate.RefuseAsync(User("dana"), cap => Task.FromResult(asked = cap));
        var (status, body, _) = await RunAsync(tooMany!);
        Assert.Equal((400, 1001L), (status, asked));
        Assert.Contains("больше 1", body);
        Assert.Contains("Сузьте период", body);

        var (again, message, retryAfter) = await RunAsync((await gate.RefuseAsync(User("dana"), _ => Task.FromResult(10L)))!);
        Assert.Equal((429, "60"), (again, retryAfter));
        Assert.Contains("Повторите через 60 с", message);
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
