using Microsoft.EntityFrameworkCore;
using OpenHealthLive.Core.Refusals;
using OpenHealthLive.Core.Storage;

namespace OpenHealthLive.Core.Sessions;

/// <summary>The rule that an ended talk takes nothing new from the audience, checked where the write is made.</summary>
public static class TalkEnded
{
    /// <summary>What a phone is told when it sends a question, an upvote or a vote after the end.</summary>
    public const string Message = "This talk has ended: it no longer takes questions or votes.";

    /// <summary>
    /// Refuses the write when the session has ended. Called inside the write's own transaction on the one writer, so
    /// it sees an end committed before it, whichever order the phone and the presenter clicked in.
    /// </summary>
    /// <exception cref="RequestRefusedException">The talk has ended.</exception>
    public static async Task ThrowIfEndedAsync(LiveDbContext db, string sessionCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Sessions.AnyAsync(s => s.Code == sessionCode && s.EndedAt != null, cancellationToken))
        {
            throw new RequestRefusedException(RefusalCodes.TalkEnded, Message);
        }
    }
}
