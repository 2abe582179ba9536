using Microsoft.EntityFrameworkCore;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Storage;

namespace OpenHealthLive.Core.Polls;

/// <summary>
/// What the one writer needs to decide a vote in one poll without asking the database: whether the poll is open, its
/// round, and the vote each device gave in that round. It is the database as the writer's transaction sees it,
/// including votes applied but not yet committed; so it is touched on the writer only, and forgotten
/// (<see cref="Forget"/>) whenever something else changes the poll or a write that changed it is rolled back. The next
/// vote then reads it again, inside its own transaction. Used on a single node only: in a cluster other nodes write
/// too, and the database decides every vote.
/// </summary>
internal sealed class VoteBook(string sessionCode, string pollId)
{
    private readonly Dictionary<string, VoteRow> _byDevice = new(StringComparer.Ordinal);
    private bool _loaded;
    private DbContextId? _talkCheckedIn;

    public bool IsOpen { get; private set; }

    public int Round { get; private set; }

    /// <summary>Reads the poll's state and its current round's votes, unless they are already known.</summary>
    public async Task EnsureLoadedAsync(LiveDbContext db, CancellationToken cancellationToken)
    {
        if (_loaded)
        {
            return;
        }

        var state = await db.PollStates.AsNoTracking().SingleOrDefaultAsync(s => s.SessionCode == sessionCode && s.PollId == pollId, cancellationToken);
        IsOpen = state?.IsOpen ?? false;
        Round = state?.Round ?? 0;
        _byDevice.Clear();
        if (IsOpen)
        {
            // A closed poll takes no votes, so only an open one needs to know who voted.
            var round = Round;
            var votes = await db.PollVotes.AsNoTracking().Where(v => v.SessionCode == sessionCode && v.PollId == pollId && v.Round == round)
                .Select(v => new { v.DeviceHash, v.ClientId, v.Answer, v.CreatedAt, v.UpdatedAt }).ToListAsync(cancellationToken);
            foreach (var vote in votes)
            {
                _byDevice[vote.DeviceHash] = new VoteRow(sessionCode, pollId, round, vote.DeviceHash, vote.ClientId, vote.Answer, vote.CreatedAt) { UpdatedAt = vote.UpdatedAt };
            }
        }

        _loaded = true;
    }

    /// <summary>
    /// Refuses a vote when the talk has ended, asking the database once per transaction: every read in one SQLite
    /// transaction sees the same snapshot, so asking again for each vote of the batch could not give another answer.
    /// </summary>
    public async Task ThrowIfTalkEndedAsync(LiveDbContext db, CancellationToken cancellationToken)
    {
        if (_talkCheckedIn == db.ContextId)
        {
            return;
        }

        await TalkEnded.ThrowIfEndedAsync(db, sessionCode, cancellationToken);
        _talkCheckedIn = db.ContextId;
    }

    /// <summary>This device's vote in the current round, or null.</summary>
    public VoteRow? VoteOf(string deviceHash) => _byDevice.GetValueOrDefault(deviceHash);

    /// <summary>Adds a first vote to the rows the writer saves with its group, and to the book.</summary>
    public void Add(PendingVotes pending, VoteRow vote)
    {
        pending.Insert(vote);
        _byDevice[vote.DeviceHash] = vote;
    }

    /// <summary>Forgets everything: the next vote reads the poll again from the database.</summary>
    public void Forget()
    {
        _loaded = false;
        _talkCheckedIn = null;
        _byDevice.Clear();
    }
}
