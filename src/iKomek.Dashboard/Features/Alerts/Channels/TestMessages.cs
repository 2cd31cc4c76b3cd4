using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Localization;
using IKomek.Dashboard.Platform.Notify;

namespace IKomek.Dashboard.Features.Alerts.Channels;

/// <summary>"Send a test message" on the person's page: through the endpoint's own channel, as an alert would go, so the
/// person sees what reaches them. A "gone" answer disables the endpoint with its reason.</summary>
public sealed class TestMessages(ChannelEndpoints endpoints, IEnumerable<IOutboundChannel> channels)
{
    public async Task<DeliveryResult> SendAsync(Actor actor, long endpointId, string panelBaseUri, CancellationToken ct = default)
    {
        var to = await endpoints.GetAsync(actor.Name, endpointId, ct) ?? throw new EndpointRejectedException("channels.err.notYours");
        var endpoint = (await endpoints.ListAsync(actor.Name, ct)).FirstOrDefault(e => e.Id == endpointId);
        if (endpoint is not { IsActive: true }) throw new EndpointRejectedException("channels.err.notActive");
        var channel = channels.FirstOrDefault(c => c.Channel == to.Channel) ?? throw new EndpointRejectedException("channels.err.noChannel");
        var t = new Texts();
        var page = panelBaseUri.TrimEnd('/') + "/me/channels";
        var result = await channel.SendAsync(to, new OutboundMessage(t["channels.test.title"], t["channels.test.body"], page, page, Critical: false), ct);
        if (result.Outcome == DeliveryOutcome.Gone) await endpoints.DisableGoneAsync(endpointId, result.Error ?? "", ct);
        await endpoints.ChangeAsync(actor, "test", to.Channel, (_, _, _) => Task.FromResult(endpointId), ct,
            outcome: result.Outcome.ToString().ToLowerInvariant());
        return result;
    }
}
