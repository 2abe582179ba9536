using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using OpenHealthLive.Core.Storage;
using OpenHealthLive.Web.Live;
using OpenHealthLive.Web.Polls;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Privacy;

/// <summary>What the privacy tests look at: the rows a session has in the database, the bytes in its files, and the messages phones get.</summary>
internal static class AudienceData
{
    public const string Pillar = "pillar-most";
    public const string WordCloud = "open-health-word";

    /// <summary>
    /// A unique word of letters only, to look for in files and logs: digits could make the patient-data guard hold
    /// the text it is in, which is not what these tests are about.
    /// </summary>
    public static string Marker(string prefix) =>
        prefix + string.Concat(Guid.NewGuid().ToString("N").Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));

    /// <summary>The rows of the audience's data a session has, read straight from the database.</summary>
    public static async Task<Rows> RowsAsync(OpenHealthLiveFactory factory, string code)
    {
        await using var db = await factory.GetService<IDbContextFactory<LiveDbContext>>().CreateDbContextAsync();
        var questions = await db.Questions.CountAsync(q => q.SessionCode == code);
        var questionVotes = await db.QuestionVotes.CountAsync(v => db.Questions.Any(q => q.Id == v.QuestionId && q.SessionCode == code));
        var pollVotes = await db.PollVotes.CountAsync(v => v.SessionCode == code);
        return new Rows(questions, questionVotes, pollVotes);
    }

    /// <summary>Every device hash stored anywhere, in any session.</summary>
    public static async Task<HashSet<string>> DeviceHashesAsync(OpenHealthLiveFactory factory)
    {
        await using var db = await factory.GetService<IDbContextFactory<LiveDbContext>>().CreateDbContextAsync();
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        hashes.UnionWith(await db.Questions.Select(q => q.DeviceHash).ToListAsync());
        hashes.UnionWith(await db.QuestionVotes.Select(v => v.DeviceHash).ToListAsync());
        hashes.UnionWith(await db.PollVotes.Select(v => v.DeviceHash).ToListAsync());
        return hashes;
    }

    /// <summary>
    /// Waits until the database files hold <paramref name="text"/> (<paramref name="present"/>) or no longer hold it,
    /// for at most 10 s; returns the files that hold it at the end.
    /// </summary>
    public static async Task<List<string>> WaitForFilesAsync(string dataDirectory, string text, bool present)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var holding = new List<string>();
            foreach (var name in SqliteStorage.FileNames)
            {
                var path = Path.Combine(dataDirectory, name);
                if (File.Exists(path) && (await ReadSharedAsync(path)).AsSpan().IndexOf(needle) >= 0)
                {
                    holding.Add(name);
                }
            }

            if (holding.Count > 0 == present || timeout.IsCancellationRequested)
            {
                return holding;
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails with <paramref name="because"/> after <paramref name="seconds"/>.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string because, int seconds = 15)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        while (!await condition())
        {
            if (timeout.IsCancellationRequested)
            {
                Assert.Fail(because);
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }

    public static Task WaitUntilAsync(Func<bool> condition, string because, int seconds = 15) =>
        WaitUntilAsync(() => Task.FromResult(condition()), because, seconds);

    /// <summary>A phone that has joined the talk and records the raw JSON of every event it gets, by name.</summary>
    public static async Task<Phone> PhoneAsync(OpenHealthLiveFactory factory, string code = OpenHealthLiveFactory.DefaultCode, string? cookie = null)
    {
        cookie ??= await factory.GetDeviceCookieAsync(code);
        var connection = await factory.ConnectAsync(cookie);
        var phone = new Phone(connection, cookie);
        phone.Joined = await connection.InvokeAsync<JsonElement>(nameof(LiveHub.JoinSession), code);
        return phone;
    }

    public static Task<PollVoteResult> VoteAsync(HubConnection phone, string pollId, object answer, string code = OpenHealthLiveFactory.DefaultCode) =>
        phone.InvokeAsync<PollVoteResult>(nameof(LiveHub.SubmitVote), code, pollId, Guid.NewGuid().ToString("N"), answer);

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    public readonly record struct Rows(int Questions, int QuestionVotes, int PollVotes)
    {
        public int Total => Questions + QuestionVotes + PollVotes;
    }

    /// <summary>A hub connection with its device cookie, recording every event of the names it is asked to watch.</summary>
    public sealed class Phone : IAsyncDisposable
    {
        private static readonly string[] Watched =
        [
            "SessionStatusChanged", nameof(ILiveClient.QuestionsChanged), nameof(ILiveClient.ModerationChanged),
            nameof(ILiveClient.PollChanged), nameof(ILiveClient.PollUpdated), nameof(ILiveClient.PollResultsChanged),
        ];

        public Phone(HubConnection connection, string? cookie)
        {
            Connection = connection;
            Cookie = cookie;
            foreach (var name in Watched)
            {
                connection.On<JsonElement>(name, message => Received.Enqueue((name, message.Clone())));
            }
        }

        public HubConnection Connection { get; }

        public string? Cookie { get; }

        public JsonElement Joined { get; set; }

        public ConcurrentQueue<(string Event, JsonElement Message)> Received { get; } = new();

        public IEnumerable<JsonElement> Messages(string name) => Received.Where(r => r.Event == name).Select(r => r.Message);

        public Task WaitForAsync(string name, Func<JsonElement, bool> condition) =>
            WaitUntilAsync(() => Messages(name).Any(condition), $"No {name} message of the expected kind arrived; got: {string.Join(" | ", Messages(name).Select(m => m.GetRawText()))}");

        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }
}
