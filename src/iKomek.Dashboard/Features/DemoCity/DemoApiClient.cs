namespace IKomek.Dashboard.Features.DemoCity;

/// <summary>The demo city's API client, so anyone can try the Open311 API at once (README has a curl example).</summary>
public static class DemoApiClient
{
    public const string Name = "Демо-клиент (документация API)";

    public const string ApiKey = "demo-astana-ikomek-109";

    /// <summary>Its appeals come through the iKOMEK109 app channel unless a request names another.</summary>
    public const short ChannelId = 3;
}
