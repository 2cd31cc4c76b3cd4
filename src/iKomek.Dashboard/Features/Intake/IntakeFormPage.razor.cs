using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;

namespace IKomek.Dashboard.Features.Intake;

/// <summary>
/// The operator's appeal form (/appeals/new): a call to 109 written down while the resident speaks, with the knowledge
/// base's top answers beside it as the text grows. Registered through the one intake path (classification when no
/// type is chosen, placing, routing, deadline), in the operator's name.
/// </summary>
public sealed partial class IntakeFormPage : ComponentBase
{
    /// <summary>The roles of CityAction.WorkOnAppeals: the others are sent to sign in.</summary>
    public const string Roles = CityRoles.Admin + "," + CityRoles.Analyst + "," + CityRoles.Operator;

    /// <summary>The contact centre's channel: the form is the operator's on the line.</summary>
    private const string CallChannel = "call_109";

    private readonly Form _form = new();
    private string? _typed;
    private string? _error;
    private bool _busy;
    private IReadOnlyList<(int Id, string Name)> _types = [];
    private IReadOnlyList<(int Id, string Name)> _districts = [];
    private int _channelId;

    [Inject] private AppealIntake Intake { get; set; } = default!;
    [Inject] private CityReference Reference { get; set; } = default!;
    [Inject] private CityAccess Access { get; set; } = default!;
    [Inject] private ReaderAddress Address { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var city = await Reference.GetAsync();
        _types = city.ServiceTypes.Values.Select(t => (t.Id, T.Pick(t.NameRu, t.NameKk, t.NameEn))).OrderBy(t => t.Item2, StringComparer.CurrentCulture).ToList();
        _districts = city.Districts.Values.Select(d => (d.Id, d.Name(T))).OrderBy(d => d.Item2, StringComparer.CurrentCulture).ToList();
        _channelId = city.ChannelsByCode.TryGetValue(CallChannel, out var call) ? call.Id : city.Channels.Keys.Min();
    }

    private void Typed(string text) => _typed = text;

    private async Task RegisterAsync()
    {
        var user = await Access.UserAsync();
        if (!user.May(CityAction.WorkOnAppeals))
        {
            _error = T["access.denied"];
            return;
        }
        var text = _form.Text?.Trim() ?? "";
        if (text.Length == 0)
        {
            _error = T["intake.form.textRequired"];
            return;
        }
        if (_form.DistrictId is null)
        {
            _error = T["intake.form.districtRequired"];
            return;
        }
        _busy = true;
        try
        {
            var result = await Intake.RegisterAsync(new NewAppeal(text, _form.ServiceTypeId, _channelId, Address: string.IsNullOrWhiteSpace(_form.Address) ? null : _form.Address.Trim(),
                DistrictId: _form.DistrictId, SubmittedBy: Actor.Of(user, Address.Value)));
            Nav.NavigateTo($"appeals/{result.RegNumber}");
        }
        catch (IntakeRejectedException e)
        {
            _error = e.Field == "service_code" ? T["intake.form.typeRequired"] : e.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private sealed class Form
    {
        public string? Text { get; set; }
        public int? ServiceTypeId { get; set; }
        public int? DistrictId { get; set; }
        public string? Address { get; set; }
    }
}
