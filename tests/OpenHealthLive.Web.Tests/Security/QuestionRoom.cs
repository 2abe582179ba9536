using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using OpenHealthLive.Core.Questions;
using OpenHealthLive.Core.Storage;
using OpenHealthLive.Web.Questions;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Security;

/// <summary>
/// Helpers for the question-flood attacks: a session filled with questions straight through the database (the
/// flood itself is not what those tests attack), and a phone whose received bytes are counted on the wire.
/// </summary>
internal static class QuestionRoom
{
    /// <summary>The longest question a phone may send: what an attacker sends to make every list as large as possible.</summary>
    public static string LongText(int i) => $"Question {i:D4} " + new string('x', QuestionText.MaxLength - 14);

    /// <summary>
    /// Stores <paramref name="count"/> questions in the default session, with votes spread out (ties included),
    /// every 50th pinned, and every 7th held or hidden when <paramref name="moderated"/>. Returns them as stored.
    /// </summary>
    public static async Task<List<QuestionRecord>> SeedAsync(OpenHealthLiveFactory factory, int count, bool moderated = false)
    {
        // Starting the host creates the default session the questions belong to.
        await using (await factory.ConnectAsync())
        {
        }

        var start = DateTimeOffset.UtcNow.AddHours(-1);
        var records = Enumerable.Range(0, count).Select(i => new QuestionRecord
        {
            SessionCode = OpenHealthLiveFactory.DefaultCode,
            DeviceHash = $"seeded-device-{i % 97}",
            ClientId = $"seeded-{i}",
            Text = LongText(i),
            Votes = (i * 7919) % 41,
            Pinned = i % 50 == 3,
            Status = (int)(moderated && i % 7 == 1 ? QuestionStatus.Held : moderated && i % 7 == 2 ? QuestionStatus.Hidden : QuestionStatus.Visible),
            HeldReason = moderated && i % 7 == 1 ? "Held for the presenter: every question is reviewed before it is shown." : null,
            CreatedAt = start.AddSeconds(i),
        }).ToList();
        await using var db = await factory.GetService<IDbContextFactory<LiveDbContext>>().CreateDbContextAsync();
        db.Questions.AddRange(records);
        await db.SaveChangesAsync();
        return records;
    }

    /// <summary>The phone's "top" order, written out here from the phone's own rule (qna-model.js): pinned first, most votes, oldest first.</summary>
    public static IEnumerable<QuestionRecord> TopOrder(IEnumerable<QuestionRecord> questions) =>
        questions.OrderByDescending(q => q.Pinned).ThenByDescending(q => q.Votes).ThenBy(q => q.Id);

    /// <summary>The phone's "newest" order: pinned first, then newest first.</summary>
    public static IEnumerable<QuestionRecord> NewestOrder(IEnumerable<QuestionRecord> questions) =>
        questions.OrderByDescending(q => q.Pinned).ThenByDescending(q => q.Id);

    /// <summary>A phone (own device cookie) whose hub connection counts the bytes it receives.</summary>
    public static async Task<(HubConnection Connection, Func<long> ReceivedBytes)> CountingPhoneAsync(OpenHealthLiveFactory factory, string? cookie = null)
    {
        cookie ??= await factory.GetDeviceCookieAsync();
        var server = factory.Server;
        CountingWebSocket? socket = null;
        var connection = new HubConnectionBuilder()
            .WithUrl(factory.HubUrl, options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.HttpMessageHandlerFactory = _ => server.CreateHandler();
                options.Headers["Cookie"] = cookie;
                options.WebSocketFactory = async (context, cancellationToken) =>
                {
                    var client = server.CreateWebSocketClient();
                    client.ConfigureRequest = request => request.Headers.Cookie = cookie;
                    socket = new CountingWebSocket(await client.ConnectAsync(context.Uri, cancellationToken));
                    return socket;
                };
            })
            .Build();
        await connection.StartAsync();
        return (connection, () => socket!.ReceivedBytes);
    }

    /// <summary>Posts a question and says what came back: "sent"/"held", or the refusal's message.</summary>
    public static async Task<(AskQuestionResult? Answer, string? Refusal)> TryAskAsync(HubConnection connection, string clientId, string text)
    {
        try
        {
            return (await connection.InvokeAsync<AskQuestionResult>("AskQuestion", OpenHealthLiveFactory.DefaultCode, clientId, text, null), null);
        }
        catch (Microsoft.AspNetCore.SignalR.HubException ex)
        {
            return (null, Shown(ex));
        }
    }

    /// <summary>
    /// The English sentence of a refusal: what follows "HubException: " and the refusal's code ("[code] "), as
    /// refusal.js's errorMessage takes it (a phone words the code in its language instead).
    /// </summary>
    public static string Shown(Microsoft.AspNetCore.SignalR.HubException refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var at = refusal.Message.LastIndexOf("HubException: ", StringComparison.Ordinal);
        var sentence = at < 0 ? refusal.Message : refusal.Message[(at + "HubException: ".Length)..];
        return sentence.StartsWith('[') && sentence.IndexOf("] ", StringComparison.Ordinal) is > 0 and var end ? sentence[(end + 2)..] : sentence;
    }

    /// <summary>The questions stored in the default session.</summary>
    public static async Task<int> StoredCountAsync(OpenHealthLiveFactory factory)
    {
        await using var db = await factory.GetService<IDbContextFactory<LiveDbContext>>().CreateDbContextAsync();
        return await db.Questions.CountAsync(q => q.SessionCode == OpenHealthLiveFactory.DefaultCode);
    }
}
