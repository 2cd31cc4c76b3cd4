using IKomek.Dashboard.Components;
using IKomek.Dashboard.Hosting;

if (Cli.IsCommand(args)) return await Cli.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);
await builder.AddCityDatabaseAsync();
builder.AddDashboardUi();

var app = builder.Build();
app.UseDashboardUi();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.LogReadyUrl();
await app.RunAsync();
return 0;
