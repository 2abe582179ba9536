using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OpenHealthLive.Core.Polls;
using OpenHealthLive.Core.Questions;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Slides;
using OpenHealthLive.Core.Storage;
using OpenHealthLive.Core.Tests.Infrastructure;
using OpenHealthLive.Core.Tests.Sessions;

namespace OpenHealthLive.Core.Tests.Polls;

/// <summary>
/// The Core poll service as the web app builds it (PollsSetup): a real SQLite file in a temporary folder, the one
/// running <see cref="BatchWriter"/>, a real deck on disk, a stopped clock, and a notifier that records what it was
/// told together with what the database held at that moment. One of each per test.
/// </summary>
public abstract class PollServiceTestBase : IAsyncLifetime, IDisposable
{
    protected const string Deck = "poll-talk";

    /// <summary>Single choice on slide 1.</summary>
    protected const string Colour = "colour";

    /// <summary>Multiple choice, at most 2, on slide 2.</summary>
    protected const string Tools = "tools";

    /// <summary>Rating of two items on a scale of 5, on slide 3.</summary>
    protected const string Rate = "rate";

    /// <summary>Ranking of three options, on slide 4.</summary>
    protected const string Order = "order";

    /// <summary>Word cloud, on slide 5.</summary>
    protected const string Word = "word";

    /// <summary>Quiz (answer Oslo), on slide 6.</summary>
    protected const string Capital = "capital";

    /// <summary>Single choice that opens by itself on slide 7.</summary>
    protected const string Auto = "auto";

    protected static readonly string[] Colours = ["Red", "Green", "Blue", "Grey"];
    protected static readonly string[] ToolNames = ["Git", "Docker", "Linux", "Python"];
    protected static readonly string[] RatedItems = ["Content", "Slides"];
    protected static readonly string[] Orders = ["Alpha", "Beta", "Gamma"];
    protected static readonly string[] Cities = ["Paris", "Rome", "Oslo"];

    protected static readonly DateTimeOffset Start = new(2026, 3, 14, 9, 30, 0, TimeSpan.Zero);

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly TempDirectory _temp = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<DeckCatalog> _catalogs = [];
    private Task _running = Task.CompletedTask;

    protected PollServiceTestBase()
    {
        _temp.WriteFile($"content/{Deck}/{DeckParser.DeckFileName}", DeckSource);
        Gate = new CommitGate();
        DbFactory = new GatedDbContextFactory(_temp.Combine("data"), Gate);
        Notifier = new RecordingPollNotifier(DbFactory);
        Writes = new BatchWriter(DbFactory, NullLogger<BatchWriter>.Instance);
        var catalog = new DeckCatalog(_temp.Combine("content"), watchForChanges: false, NullLogger<DeckCatalog>.Instance, Time);
        _catalogs.Add(catalog);
        Decks = catalog;
        Sessions = new LiveSessionService(DbFactory, catalog, new RecordingNotifier(DbFactory), Time, NullLogger<LiveSessionService>.Instance);
    }

    protected FakeTimeProvider Time { get; } = new(Start);

    /// <summary>What the poll services of the test logged.</summary>
    protected RecordingLogger<PollService> Log { get; } = new();

    protected CommitGate Gate { get; }

    protected IDbContextFactory<LiveDbContext> DbFactory { get; }

    protected RecordingPollNotifier Notifier { get; }

    protected BatchWriter Writes { get; }

    protected DeckCatalog Decks { get; }

    protected LiveSessionService Sessions { get; }

    /// <summary>The code of the session the test runs, started on <see cref="Deck"/>.</summary>
    protected string Code { get; private set; } = "";

    protected static PatientDataGuard Guard { get; } = new(new PatientDataGuardOptions());

    /// <summary>The talk's deck: a title slide, then one poll per slide.</summary>
    protected static string DeckSource => string.Join(
        "\n---\n\n",
        "---\ntitle: Poll talk\n---\n# Welcome\n",
        "## Colours\n\n```poll\nid: colour\ntype: single\nquestion: Which colour?\noptions: [Red, Green, Blue, Grey]\n```\n",
        "## Tools\n\n```poll\nid: tools\ntype: multiple\nquestion: Which tools?\noptions: [Git, Docker, Linux, Python]\nmax: 2\n```\n",
        "## Rate it\n\n```poll\nid: rate\ntype: rating\nquestion: How was it?\nitems: [Content, Slides]\nscale: 5\n```\n",
        "## Order\n\n```poll\nid: order\ntype: ranking\nquestion: Which first?\noptions: [Alpha, Beta, Gamma]\n```\n",
        "## One word\n\n```poll\nid: word\ntype: wordcloud\nquestion: One word for it?\n```\n",
        "## Capitals\n\n```poll\nid: capital\ntype: quiz\nquestion: Capital of Norway?\noptions: [Paris, Rome, Oslo]\nanswer: Oslo\n```\n",
        "## Opens itself\n\n```poll\nid: auto\ntype: single\nquestion: Ready?\noptions: [Yes, No]\nauto-open: true\n```\n");

    public async Task InitializeAsync()
    {
        await using (var db = DbFactory.CreateDbContext())
        {
            await SqliteStorage.MigrateAsync(db, CancellationToken.None);
        }

        _running = Writes.RunAsync(_stop.Token);
        Code = (await Sessions.StartAsync(Deck, CancellationToken.None)).Code;
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running.WaitAsync(Patience);
    }

    public void Dispose()
    {
        foreach (var catalog in _catalogs)
        {
            catalog.Dispose();
        }

        _stop.Dispose();
        _temp.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A poll service as PollsSetup registers it: one node unless told otherwise.</summary>
    protected PollService NewService(NodeTopology? topology = null, DeviceBlocks? blocks = null) =>
        new(Writes, DbFactory, Decks, Sessions, Notifier, Guard, Time, Log, topology, blocks);

    /// <summary>
    /// A poll service over a catalog that watches the content folder (as in Development), and a way to edit the talk's
    /// deck that returns once the catalog has dropped the old one.
    /// </summary>
    protected (PollService Polls, Func<string, Task> EditDeckAsync) WatchingService()
    {
        var settle = new FakeTimeProvider(Start);
        var catalog = new DeckCatalog(_temp.Combine("content"), watchForChanges: true, NullLogger<DeckCatalog>.Instance, settle);
        _catalogs.Add(catalog);
        var polls = new PollService(Writes, DbFactory, catalog, Sessions, Notifier, Guard, Time, NullLogger<PollService>.Instance);
        return (polls, async source =>
        {
            var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            catalog.DeckChanged += (_, _) => changed.TrySetResult();
            _temp.WriteFile($"content/{Deck}/{DeckParser.DeckFileName}", source);
            // The file event arrives when it arrives; the catalog then waits for its settle time on the fake clock.
            using var patience = new CancellationTokenSource(Patience);
            while (!changed.Task.IsCompleted)
            {
                settle.Advance(TimeSpan.FromSeconds(1));
                await Task.WhenAny(changed.Task, Task.Delay(20, patience.Token));
                patience.Token.ThrowIfCancellationRequested();
            }
        }
        );
    }

    /// <summary>A poll service whose copy of the talk's deck has <paramref name="source"/> instead (a deck edited while live).</summary>
    protected PollService ServiceWithDeck(string source)
    {
        var folder = "content-" + Guid.NewGuid().ToString("N");
        _temp.WriteFile($"{folder}/{Deck}/{DeckParser.DeckFileName}", source);
        var catalog = new DeckCatalog(_temp.Combine(folder), watchForChanges: false, NullLogger<DeckCatalog>.Instance, Time);
        _catalogs.Add(catalog);
        return new(Writes, DbFactory, catalog, Sessions, Notifier, Guard, Time, NullLogger<PollService>.Instance);
    }

    protected static PollAnswer Choice(int option) => new(Option: option);

    protected static PollAnswer Choices(params int[] options) => new(Options: options);

    protected static PollAnswer Ratings(params int[] ratings) => new(Ratings: ratings);

    protected static PollAnswer Ranked(params int[] ranking) => new(Ranking: ranking);

    protected static PollAnswer Typed(string text) => new(Text: text);

    /// <summary>The votes stored for a poll, read straight from the database: (round, device, client id, answer).</summary>
    protected async Task<List<(int Round, string Device, string ClientId, string Answer)>> StoredVotesAsync(string pollId)
    {
        await using var db = DbFactory.CreateDbContext();
        var votes = await db.PollVotes.AsNoTracking().Where(v => v.SessionCode == Code && v.PollId == pollId)
            .Select(v => new { v.Round, v.DeviceHash, v.ClientId, v.Answer }).ToListAsync();
        return [.. votes.Select(v => (v.Round, v.DeviceHash, v.ClientId, v.Answer)).OrderBy(v => v.Round).ThenBy(v => v.DeviceHash, StringComparer.Ordinal)];
    }

    /// <summary>The poll's stored state, or null when no state was ever written.</summary>
    protected async Task<PollStateRecord?> StoredStateAsync(string pollId)
    {
        await using var db = DbFactory.CreateDbContext();
        return await db.PollStates.AsNoTracking().SingleOrDefaultAsync(s => s.SessionCode == Code && s.PollId == pollId);
    }

    /// <summary>Writes a vote straight into the database, as another node of a cluster would.</summary>
    protected async Task StoreVoteAsOtherNodeAsync(string pollId, int round, string device, string answerJson)
    {
        await using var db = DbFactory.CreateDbContext();
        db.PollVotes.Add(new PollVoteRecord
        {
            SessionCode = Code,
            PollId = pollId,
            Round = round,
            DeviceHash = device,
            ClientId = "other-node-" + device,
            Answer = answerJson,
            CreatedAt = Time.GetUtcNow(),
            UpdatedAt = Time.GetUtcNow(),
        });
        await db.SaveChangesAsync();
    }

    protected async Task BlockAsync(string device)
    {
        await using var db = DbFactory.CreateDbContext();
        db.BlockedDevices.Add(new BlockedDeviceRecord { SessionCode = Code, DeviceHash = device, BlockedAt = Time.GetUtcNow() });
        await db.SaveChangesAsync();
    }

    /// <summary>Opens the real SQLite file through the commit gate.</summary>
    protected sealed class GatedDbContextFactory(string dataDirectory, CommitGate gate) : IDbContextFactory<LiveDbContext>
    {
        private readonly DbContextOptions<LiveDbContext> _options = new DbContextOptionsBuilder<LiveDbContext>()
            .UseSqliteStorage(dataDirectory)
            .AddInterceptors(gate)
            .Options;

        public LiveDbContext CreateDbContext() => new(_options);
    }

    /// <summary>Fails the next commit after its writes were applied, as a disk that fills up at that moment would.</summary>
    protected sealed class CommitGate : DbTransactionInterceptor
    {
        private int _fail;

        public void FailNextCommit() => Interlocked.Exchange(ref _fail, 1);

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            Interlocked.Exchange(ref _fail, 0) == 1 ? throw new IOException("disk I/O error (the test's commit that fails)") : ValueTask.FromResult(result);
    }
}
