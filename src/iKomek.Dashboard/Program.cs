using IKomek.Dashboard.Components;
using IKomek.Dashboard.Platform.Database;
using IKomek.Dashboard.Hosting;

if (Cli.IsCommand(args)) return await Cli.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);
try
{
    // The settings first: a bad one stops the app before it starts PostgreSQL.
    builder.AddDashboardUi();
    builder.AddFeatures();
    await builder.AddCityDatabaseAsync();
}
catch (Exception e) when (e is InvalidOperationException or MigrationChecksumException)
{
    // No PostgreSQL, an unreachable server, an edited migration, a bad setting: say what is wrong, without a stack trace.
    Console.Error.WriteLine($"iKomek cannot start: {e.Message}");
    return 1;
}

var app = builder.Build();
app.UseDashboardUi();
app.MapFeatures();
// The framework's own frame-ancestors policy would be a second CSP header: Platform/Http's forbids framing already.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
app.LogReadyUrl();

// RunAsync disposes the services: take the database first, to stop the app's own PostgreSQL after every
// hosted service has stopped, or when the server fails to start (port taken).
await using var city = app.Services.GetRequiredService<CityDatabase>();
await app.RunAsync();
return 0;
