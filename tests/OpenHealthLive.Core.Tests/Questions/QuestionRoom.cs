using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OpenHealthLive.Core.Questions;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Storage;
using OpenHealthLive.Core.Tests.Infrastructure;

namespace OpenHealthLive.Core.Tests.Questions;

/// <summary>
/// The Q&amp;A service as the web app runs it: a real SQLite file, the one batch writer running, a fake clock, and a
/// notifier that records what screens were told together with what the database held at that moment.
/// </summary>
internal sealed class QuestionRoom : IAsyncDisposable
{
    public const string Code = "QNAQNA";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly TempDirectory _temp = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;

    private QuestionRoom(QuestionLimits? limits, NodeTopology? topology, PatientDataGuard? guard)
    {
        Db = new SqliteDbContextFactory(_temp.FullPath);
        Writer = new BatchWriter(Db, NullLogger<BatchWriter>.Instance);
        Notifier = new RecordingQuestionNotifier(Db);
        Limits = limits;
        Topology = topology;
        Guard = guard ?? Questions.Guard.Default;
        Service = NewService();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 5, 12, 14, 0, 0, TimeSpan.Zero));

    public SqliteDbContextFactory Db { get; }

    public BatchWriter Writer { get; }

    public RecordingQuestionNotifier Notifier { get; }

    public QuestionService Service { get; }

    private QuestionLimits? Limits { get; }

    private NodeTopology? Topology { get; }

    private PatientDataGuard Guard { get; }

    /// <summary>A room with one open session, <see cref="Code"/>.</summary>
    public static async Task<QuestionRoom> OpenAsync(QuestionLimits? limits = null, NodeTopology? topology = null, PatientDataGuard? guard = null)
    {
        var room = new QuestionRoom(limits, topology, guard);
        await using (var db = room.Db.CreateDbContext())
        {
            await SqliteStorage.MigrateAsync(db, CancellationToken.None);
        }

        room._running = room.Writer.RunAsync(room._stop.Token);
        await room.AddSessionAsync(Code);
        return room;
    }

    /// <summary>Another service over the same database: another node of a cluster, or the app after a restart.</summary>
    public QuestionService NewService(NodeTopology? topology = null, PatientDataGuard? guard = null) =>
        new(Writer, Db, guard ?? Guard, Notifier, Time, NullLogger<QuestionService>.Instance, topology ?? Topology, Limits);

    public async Task AddSessionAsync(string code)
    {
        await using var db = Db.CreateDbContext();
        db.Sessions.Add(new LiveSessionRecord { Code = code, DeckSlug = "talk" });
        await db.SaveChangesAsync();
    }

    public async Task EndTalkAsync(string code = Code)
    {
        await using var db = Db.CreateDbContext();
        await db.Sessions.Where(s => s.Code == code).ExecuteUpdateAsync(s => s.SetProperty(r => r.EndedAt, Time.GetUtcNow()));
    }

    /// <summary>Posts a question from <paramref name="device"/> with a fresh client id, as a phone does.</summary>
    public async Task<QuestionView> AskAsync(string device, string text, string? author = null, string code = Code) =>
        (await Service.AskAsync(code, device, Guid.NewGuid().ToString("N"), text, author, CancellationToken.None)).Question;

    public Task<QuestionView> VoteAsync(string device, long questionId, bool up = true, string code = Code) =>
        Service.SetVoteAsync(code, device, questionId, up, CancellationToken.None);

    public Task<QuestionView?> ModerateAsync(long questionId, QuestionModeration action, string code = Code) =>
        Service.ModerateAsync(code, questionId, action, CancellationToken.None);

    /// <summary>The question as stored, or null when the row is gone.</summary>
    public async Task<QuestionRecord?> StoredAsync(long id)
    {
        await using var db = Db.CreateDbContext();
        return await db.Questions.AsNoTracking().SingleOrDefaultAsync(q => q.Id == id);
    }

    public async Task<LiveSessionRecord> StoredSessionAsync(string code = Code)
    {
        await using var db = Db.CreateDbContext();
        return await db.Sessions.AsNoTracking().SingleAsync(s => s.Code == code);
    }

    public async Task<int> StoredVotesAsync(long questionId)
    {
        await using var db = Db.CreateDbContext();
        return await db.QuestionVotes.CountAsync(v => v.QuestionId == questionId);
    }

    public async Task<int> StoredBlocksAsync(string code = Code)
    {
        await using var db = Db.CreateDbContext();
        return await db.BlockedDevices.CountAsync(b => b.SessionCode == code);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running.WaitAsync(Patience);
        _stop.Dispose();
        _temp.Dispose();
    }
}
