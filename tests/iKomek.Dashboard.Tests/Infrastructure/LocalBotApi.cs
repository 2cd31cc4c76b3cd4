using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IKomek.Dashboard.Tests.Infrastructure;

/// <summary>
/// The Telegram Bot API for the tests, since the real one cannot be reached from here: /bot&lt;token&gt;/getMe,
/// getUpdates (with its offset) and sendMessage, answered in JSON as Telegram does ({"ok":..., "result"/"error_code",
/// "description", "parameters"}). It keeps what was sent, queues updates as chats would send them, and fails the next
/// calls of a method on demand (403 blocked, 429 with retry_after, 5xx).
/// </summary>
public sealed class LocalBotApi : LocalHttpServer
{
    public const string Token = "123456:local-test-token";
    public const string BotName = "ikomek_test_bot";

    private readonly object _gate = new();
    private readonly List<JsonObject> _updates = [];
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, string Description, int? RetryAfter)>> _failures = new();
    // Update ids only grow, also across the servers of one test run: a database keeps the offset between them.
    private static long s_lastUpdateId = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
    private long _nextUpdateId = Interlocked.Add(ref s_lastUpdateId, 100_000);
    private long _nextMessageId = 1;

    public ConcurrentQueue<BotSent> Sent { get; } = new();

    /// <summary>The offsets getUpdates was asked with, in order.</summary>
    public ConcurrentQueue<long> Offsets { get; } = new();

    public static async Task<LocalBotApi> StartAsync()
    {
        var api = new LocalBotApi();
        await api.ListenAsync();
        return api;
    }

    /// <summary>A chat sends a text to the bot (e.g. "/start &lt;code&gt;" after following a link).</summary>
    public void ChatSends(long chatId, string text, string? username = null)
    {
        lock (_gate)
        {
            var id = _nextUpdateId++;
            _updates.Add(new JsonObject
            {
                ["update_id"] = id,
                ["message"] = new JsonObject
                {
                    ["message_id"] = _nextMessageId++,
                    ["date"] = 1774947600,
                    ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private", ["username"] = username, ["first_name"] = "Test" },
                    ["from"] = new JsonObject { ["id"] = chatId, ["is_bot"] = false, ["first_name"] = "Test", ["username"] = username },
                    ["text"] = text,
                },
            });
        }
    }

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> fail as Telegram would.</summary>
    public void Fail(string method, int status, string description, int? retryAfter = null, int times = 1)
    {
        var queue = _failures.GetOrAdd(method, _ => new());
        for (var i = 0; i < times; i++) queue.Enqueue((status, description, retryAfter));
    }

    protected override void Map(WebApplication app) => app.MapPost("/bot{token}/{method}", async (string token, string method, HttpRequest request) =>
    {
        if (token != Token) return Error(401, "Unauthorized", null);
        if (_failures.TryGetValue(method, out var failures) && failures.TryDequeue(out var f)) return Error(f.Status, f.Description, f.RetryAfter);
        var body = request.ContentLength is > 0 || request.ContentType?.Contains("json", StringComparison.Ordinal) == true
            ? JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync()) as JsonObject ?? [] : [];
        switch (method)
        {
            case "getMe":
                return Ok(new JsonObject { ["id"] = 123456, ["is_bot"] = true, ["first_name"] = "iKomek", ["username"] = BotName });
            case "getUpdates":
                var offset = body["offset"]?.GetValue<long>() ?? 0;
                Offsets.Enqueue(offset);
                lock (_gate)
                {
                    // As Telegram: an offset confirms (forgets) every update before it.
                    _updates.RemoveAll(u => u["update_id"]!.GetValue<long>() < offset);
                    return Ok(new JsonArray(_updates.Select(u => (JsonNode)u.DeepClone()).ToArray()));
                }
            case "sendMessage":
                var chat = long.Parse(body["chat_id"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture);
                var text = body["text"]!.GetValue<string>();
                Sent.Enqueue(new BotSent(chat, text, body["parse_mode"]?.GetValue<string>()));
                return Ok(new JsonObject
                {
                    ["message_id"] = Interlocked.Increment(ref _nextMessageId), ["date"] = 1774947600,
                    ["chat"] = new JsonObject { ["id"] = chat, ["type"] = "private" }, ["text"] = text,
                });
            default:
                return Error(404, "Not Found: method not found", null);
        }
    });

    private static IResult Ok(JsonNode result) =>
        Results.Text(new JsonObject { ["ok"] = true, ["result"] = result }.ToJsonString(), "application/json");

    private static IResult Error(int status, string description, int? retryAfter)
    {
        var error = new JsonObject { ["ok"] = false, ["error_code"] = status, ["description"] = description };
        if (retryAfter is { } s) error["parameters"] = new JsonObject { ["retry_after"] = s };
        return Results.Text(error.ToJsonString(), "application/json", statusCode: status);
    }
}

/// <summary>A message the bot sent.</summary>
public sealed record BotSent(long ChatId, string Text, string? ParseMode);
