using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OpenHealthLive.Core.Captions;
using OpenHealthLive.Core.Pen;
using OpenHealthLive.Core.Polls;
using OpenHealthLive.Core.Privacy;
using OpenHealthLive.Core.Questions;
using OpenHealthLive.Core.Refusals;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Storage;

namespace OpenHealthLive.Core.Rehearsals;

/// <summary>
/// A rehearsal going live: the talk starts clean with the same code and QR code. What the rehearsal collected
/// (questions with their upvotes, poll votes, published results, the slides shown, the speaker's practice strokes) is deleted through the services
/// that own it, so every screen follows, and the deletion is made final in the database files.
/// </summary>
public sealed partial class RehearsalService(
    IDbContextFactory<LiveDbContext> dbFactory,
    LiveSessionService sessions,
    QuestionService questions,
    PollService polls,
    AudienceDataService audienceData,
    ISessionStatusNotifier status,
    ILogger<RehearsalService> logger,
    CaptionService captions,
    StrokeService strokes)
{
    /// <summary>Wipes what the rehearsal collected and makes the session the live talk, on its first slide.</summary>
    /// <returns>The session as it is now, and what was deleted.</returns>
    /// <exception cref="RequestRefusedException">There is no such session, or it is not a rehearsal.</exception>
    public async Task<WentLive> GoLiveAsync(string sessionCode, CancellationToken cancellationToken)
    {
        var session = await sessions.FindAsync(sessionCode, cancellationToken) ?? throw new RequestRefusedException(RefusalCodes.UnknownSession, $"There is no session with code '{sessionCode}'.");
        if (!session.Plan.IsRehearsal)
        {
            throw new RequestRefusedException(RefusalCodes.AlreadyLive, $"Session {session.Code} is live already: only a rehearsal can go live.");
        }

        var counts = await audienceData.CountAsync(session.Code, cancellationToken);
        var deletedQuestions = await questions.EraseSessionAsync(session.Code, cancellationToken);
        var deletedVotes = await polls.ResetSessionAsync(session.Code, cancellationToken);
        await captions.EraseAsync(session.Code, cancellationToken);
        // The speaker's practice drawings too: the talk starts on clean slides.
        await strokes.EraseSessionAsync(session.Code, cancellationToken);
        var live = await sessions.GoLiveAsync(session.Code, cancellationToken);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await SqliteStorage.EraseDeletedAsync(db, cancellationToken);
        }

        await status.SessionStatusChangedAsync(live, cancellationToken);
        var wiped = counts with { Questions = deletedQuestions.Questions, HeldQuestions = deletedQuestions.HeldQuestions, QuestionVotes = deletedQuestions.Votes, PollVotes = deletedVotes };
        LogWentLive(live.Code, wiped.Questions, wiped.QuestionVotes, wiped.PollVotes);
        return new WentLive(live, wiped);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {Code} went live: the rehearsal's {Questions} questions, {QuestionVotes} upvotes and {PollVotes} poll votes deleted")]
    private partial void LogWentLive(string code, int questions, int questionVotes, int pollVotes);
}
