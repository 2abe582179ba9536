using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Storage;
using OpenHealthLive.Core.Tests.Infrastructure;

namespace OpenHealthLive.Core.Tests.Sessions;

/// <summary>
/// What the service answers when the stored rows are not the tidy ones it writes itself (two start-up sessions, a row
/// from before shown slides were kept), what it remembers after a change, and how often a move is tried against
/// another node's moves.
/// </summary>
public sealed partial class LiveSessionServiceTests
{
    [Fact]
    public async Task Before_the_start_up_session_exists_there_is_no_default_session()
    {
        Assert.Null(await NewService().FindDefaultAsync(CancellationToken.None));
        Assert.Empty(await NewService().ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Of_two_rows_marked_as_the_start_up_session_the_newest_is_the_one_answered_and_kept()
    {
        await StoreAsync(new LiveSessionRecord { Code = "OLDER1", DeckSlug = Talk, IsDefault = true });
        await StoreAsync(new LiveSessionRecord { Code = "NEWER2", DeckSlug = Talk, IsDefault = true });
        await StoreAsync(new LiveSessionRecord { Code = "OTHER3", DeckSlug = OtherTalk });

        Assert.Equal("NEWER2", (await NewService().FindDefaultAsync(CancellationToken.None))?.Code);
        Assert.Equal(["OTHER3", "NEWER2", "OLDER1"], (await NewService().ListAsync(CancellationToken.None)).Select(s => s.Code));

        var kept = await NewService().EnsureDefaultSessionAsync(Talk, null, CancellationToken.None);

        Assert.Equal("NEWER2", kept.Code);
        var sessions = await Restart().ListAsync(CancellationToken.None);
        Assert.Equal(["NEWER2"], sessions.Where(s => s.IsDefault).Select(s => s.Code));
    }

    [Fact]
    public async Task A_row_from_before_shown_slides_were_kept_counts_everything_up_to_its_furthest_point_as_shown()
    {
        await StoreAsync(new LiveSessionRecord { Code = "UPGRAD", DeckSlug = Talk, Slide = 2, Fragment = 0, RevealedSlide = 3, RevealedFragment = 1, Shown = null });

        var session = await NewService().FindAsync("UPGRAD", CancellationToken.None);

        Assert.NotNull(session);
        Assert.Equal([0, 1, 2, 3], session.Shown.Slides);
        Assert.Equal(1, session.Shown.FurthestFragment(3));
        Assert.False(session.Shown.Contains(4));
    }

    [Fact]
    public async Task A_projector_or_timer_change_is_what_the_next_read_answers()
    {
        var service = NewService();
        var code = (await service.StartAsync(Talk, CancellationToken.None)).Code;
        Assert.False((await service.FindAsync(code, CancellationToken.None))!.Projector.Blackout);

        await service.SetProjectorAsync(code, blackout: true, joinOverlay: false, CancellationToken.None);
        Assert.True((await service.FindAsync(code, CancellationToken.None))!.Projector.Blackout);

        await service.StartTimerAsync(code, CancellationToken.None);
        Assert.True((await service.FindAsync(code, CancellationToken.None))!.Timer.Running);

        _time.Advance(TimeSpan.FromMinutes(3));
        await service.ResetTimerAsync(code, CancellationToken.None);
        var reset = (await service.FindAsync(code, CancellationToken.None))!.Timer;
        Assert.False(reset.Running);
        Assert.Equal(TimeSpan.Zero, reset.ElapsedAt(_time.GetUtcNow()));
    }

    [Fact]
    public async Task A_timer_another_node_started_is_what_a_refresh_answers_though_the_slide_did_not_move()
    {
        var here = NewService();
        var code = (await here.StartAsync(Talk, CancellationToken.None)).Code;
        Assert.False((await here.FindAsync(code, CancellationToken.None))!.Timer.Running);

        // The other node shares the database, not this node's memory. A timer change does not move the version.
        await NewService().StartTimerAsync(code, CancellationToken.None);

        var refreshed = Assert.Single(await here.RefreshAsync([code], CancellationToken.None));
        Assert.True(refreshed.Timer.Running);
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(3, 0)]
    public async Task A_move_is_tried_three_times_while_other_nodes_keep_moving_the_talk(int conflicts, int storedSlide)
    {
        var code = (await NewService().StartAsync(Talk, CancellationToken.None)).Code;
        var otherNode = new MovesFirst(DataDirectory, code, conflicts);
        var service = NewService(new SqliteDbContextFactory(DataDirectory, otherNode));

        var moved = await service.NavigateAsync(code, new Navigation(NavigationKind.Next), CancellationToken.None);

        // The room follows the move either way; after three conflicts it is not stored (the next move stores it).
        Assert.Equal(1, moved.Position.Slide);
        Assert.Equal(0, otherNode.Remaining);
        await using var db = _dbFactory.CreateDbContext();
        Assert.Equal(storedSlide, (await db.Sessions.SingleAsync(s => s.Code == code)).Slide);
    }

    private async Task StoreAsync(LiveSessionRecord record)
    {
        await using var db = _dbFactory.CreateDbContext();
        db.Sessions.Add(record);
        await db.SaveChangesAsync();
    }

    /// <summary>Before each of the next <paramref name="times"/> saves, another node's move lands first (the version goes up).</summary>
    private sealed class MovesFirst(string dataDirectory, string code, int times) : SaveChangesInterceptor
    {
        public int Remaining { get; private set; } = times;

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Remaining > 0)
            {
                Remaining--;
                await using var other = new SqliteConnection(SqliteStorage.ConnectionString(dataDirectory));
                await other.OpenAsync(cancellationToken);
                await using DbCommand command = other.CreateCommand();
                command.CommandText = "UPDATE Sessions SET Version = Version + 1 WHERE Code = $code";
                command.Parameters.Add(new SqliteParameter("$code", code));
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return result;
        }
    }
}
