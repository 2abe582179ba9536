using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OpenHealthLive.Core.Captions;
using OpenHealthLive.Core.Polls;
using OpenHealthLive.Core.Questions;
using OpenHealthLive.Core.Refusals;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Slides;
using OpenHealthLive.Core.Storage;

namespace OpenHealthLive.Core.Privacy;

/// <summary>
/// The audience's data over its life: a talk ends (by the presenter, or idle), its data is deleted a retention
/// period later or when the presenter erases it, and a phone can see and forget what it sent. Each deletion goes
/// through the services that own the rows (questions, polls), so live counts and screens follow, and ends with
/// <see cref="SqliteStorage.EraseDeletedAsync"/>, so that the text is gone from the database files too.
/// </summary>
public sealed partial class AudienceDataService(
    IDbContextFactory<LiveDbContext> dbFactory,
    LiveSessionService sessions,
    QuestionService questions,
    PollService polls,
    DeckCatalog decks,
    ISessionStatusNotifier notifier,
    RetentionPolicy policy,
    TimeProvider time,
    ILogger<AudienceDataService> logger,
    CaptionService captions)
{
    /// <summary>The retention rules in force.</summary>
    public RetentionPolicy Policy => policy;

    /// <summary>Ends the talk: phones are told, writes are refused from now on, and the retention period starts.</summary>
    /// <exception cref="RequestRefusedException">There is no such session.</exception>
    public async Task<LiveSessionState> EndAsync(string sessionCode, CancellationToken cancellationToken)
    {
        var before = await RequireAsync(sessionCode, cancellationToken);
        var session = await sessions.SetEndedAsync(before.Code, ended: true, cancellationToken);
        if (!before.Ended)
        {
            LogEnded(session.Code, session.EndedAt!.Value + policy.RetentionPeriod);
            await notifier.SessionStatusChangedAsync(session, cancellationToken);
            // Captions are not the audience's, but what was said in the room: gone at the end unless the presenter keeps them.
            await captions.TalkEndedAsync(session.Code, cancellationToken);
        }

        return session;
    }

    /// <summary>Opens an ended talk again: it takes questions and votes, and its retention period stops.</summary>
    /// <exception cref="RequestRefusedException">There is no such session.</exception>
    public async Task<LiveSessionState> ReopenAsync(string sessionCode, CancellationToken cancellationToken)
    {
        var before = await RequireAsync(sessionCode, cancellationToken);
        var session = await sessions.SetEndedAsync(before.Code, ended: false, cancellationToken);
        if (before.Ended)
        {
            await notifier.SessionStatusChangedAsync(session, cancellationToken);
        }

        return session;
    }

    /// <summary>What the audience has sent in a talk and is stored now: what an erase would delete.</summary>
    public async Task<AudienceDataCounts> CountAsync(string sessionCode, CancellationToken cancellationToken)
    {
        var session = await RequireAsync(sessionCode, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var code = session.Code;
        var questionRows = db.Questions.Where(q => q.SessionCode == code);
        var voteRows = db.QuestionVotes.Where(v => db.Questions.Any(q => q.Id == v.QuestionId && q.SessionCode == code));
        var pollRows = db.PollVotes.Where(v => v.SessionCode == code);
        var phones = await questionRows.Select(q => q.DeviceHash).Union(voteRows.Select(v => v.DeviceHash)).Union(pollRows.Select(v => v.DeviceHash)).CountAsync(cancellationToken);
        var published = await db.PollStates.CountAsync(s => s.SessionCode == code && s.ResultsVisible, cancellationToken);
        return new AudienceDataCounts(
            await questionRows.CountAsync(cancellationToken),
            await questionRows.CountAsync(q => q.Status == (int)QuestionStatus.Held, cancellationToken),
            await voteRows.CountAsync(cancellationToken),
            await pollRows.CountAsync(cancellationToken),
            phones,
            published);
    }

    /// <summary>
    /// Ends the talk if it runs, then deletes everything its audience sent: questions (held and hidden ones too),
    /// upvotes and poll votes, and makes the deletion final in the database files. The results the room was shown are
    /// kept as open data when <paramref name="keepPublishedResults"/> is true (counts only, no device), deleted with
    /// the votes otherwise.
    /// </summary>
    /// <returns>What was deleted.</returns>
    /// <exception cref="RequestRefusedException">There is no such session.</exception>
    public async Task<AudienceDataCounts> EraseAsync(string sessionCode, bool keepPublishedResults, CancellationToken cancellationToken)
    {
        var session = await EndAsync(sessionCode, cancellationToken);
        var erased = await EraseEndedAsync(session, keepPublishedResults, cancellationToken);
        LogErased(session.Code, erased.Questions, erased.QuestionVotes, erased.PollVotes, erased.PublishedPolls);
        return erased;
    }

    /// <summary>
    /// Deletes everything one phone sent in a talk: its questions (with every upvote of them), its upvotes and its
    /// poll votes; the room's counts follow at once. Allowed after the talk has ended, too.
    /// </summary>
    /// <returns>What was deleted (the phone count is 1 when anything was, else 0).</returns>
    /// <exception cref="RequestRefusedException">There is no such session.</exception>
    public async Task<AudienceDataCounts> ForgetDeviceAsync(string sessionCode, string deviceHash, CancellationToken cancellationToken)
    {
        var session = await RequireAsync(sessionCode, cancellationToken);
        var deletedQuestions = await questions.ForgetDeviceAsync(session.Code, deviceHash, cancellationToken);
        var deletedVotes = await polls.ForgetDeviceAsync(session.Code, deviceHash, cancellationToken);
        var total = deletedQuestions.Questions + deletedQuestions.Votes + deletedVotes;
        if (total > 0)
        {
            await EraseFromFilesAsync(session.Code, cancellationToken);
        }

        return new AudienceDataCounts(deletedQuestions.Questions, deletedQuestions.HeldQuestions, deletedQuestions.Votes, deletedVotes, total > 0 ? 1 : 0, 0);
    }

    /// <summary>Everything one phone has sent in a talk, as stored.</summary>
    /// <exception cref="RequestRefusedException">There is no such session.</exception>
    public async Task<DeviceData> ForDeviceAsync(string sessionCode, string deviceHash, CancellationToken cancellationToken)
    {
        var session = await RequireAsync(sessionCode, cancellationToken);
        var code = session.Code;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var own = await db.Questions.AsNoTracking().Where(q => q.SessionCode == code && q.DeviceHash == deviceHash).OrderBy(q => q.Id)
            .Select(q => new DeviceQuestion(q.Id, q.Text, q.Author, (QuestionStatus)q.Status, q.CreatedAt)).ToListAsync(cancellationToken);
        var upvotes = await (
            from v in db.QuestionVotes.AsNoTracking()
            join q in db.Questions.AsNoTracking() on v.QuestionId equals q.Id
            where v.DeviceHash == deviceHash && q.SessionCode == code
            orderby v.QuestionId
            select new DeviceQuestionVote(v.QuestionId, q.Status == (int)QuestionStatus.Visible ? q.Text : null, v.CreatedAt)).ToListAsync(cancellationToken);
        var rounds = await db.PollStates.AsNoTracking().Where(s => s.SessionCode == code).ToDictionaryAsync(s => s.PollId, s => s.Round, cancellationToken);
        var votes = await db.PollVotes.AsNoTracking().Where(v => v.SessionCode == code && v.DeviceHash == deviceHash).OrderBy(v => v.Id).ToListAsync(cancellationToken);
        var definitions = decks.Get(session.DeckSlug).Deck?.Polls.ToDictionary(p => p.Id, StringComparer.Ordinal) ?? [];
        var pollVotes = votes.Select(v =>
        {
            var poll = definitions.GetValueOrDefault(v.PollId);
            var stored = PollAnswers.ReadStored(v.Answer);
            return new DevicePollVote(v.PollId, poll?.Question, VoteDescription.Of(poll, stored.AsSeenByVoter), v.Round == rounds.GetValueOrDefault(v.PollId), v.UpdatedAt, stored.Held is not null);
        }).ToList();
        return new DeviceData(own, upvotes, pollVotes);
    }

    /// <summary>
    /// The retention check: ends the talks whose slides have not moved for <see cref="RetentionPolicy.EndIdleTalksAfter"/>,
    /// then erases the audience's data of every talk that ended more than <see cref="RetentionPolicy.RetentionPeriod"/>
    /// ago and still has any. Published results stay as open data.
    /// </summary>
    /// <returns>How many talks had their data deleted.</returns>
    public async Task<int> ApplyRetentionAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        List<string> idle;
        List<string> expired;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // SQLite cannot compare DateTimeOffset in SQL; a server has a few sessions per talk given, so they are compared here.
            var all = await db.Sessions.AsNoTracking().Select(s => new { s.Code, s.CreatedAt, s.UpdatedAt, s.EndedAt }).ToListAsync(cancellationToken);
            var idleSince = now - policy.EndIdleTalksAfter;
            idle = all.Where(s => s.EndedAt is null && s.UpdatedAt < idleSince && s.CreatedAt < idleSince).Select(s => s.Code).ToList();
            var endedBefore = now - policy.RetentionPeriod;
            var due = all.Where(s => s.EndedAt < endedBefore).Select(s => s.Code).ToList();
            expired = await db.Sessions.AsNoTracking()
                .Where(s => due.Contains(s.Code) && (db.Questions.Any(q => q.SessionCode == s.Code) || db.PollVotes.Any(v => v.SessionCode == s.Code)))
                .Select(s => s.Code).ToListAsync(cancellationToken);
        }

        foreach (var code in idle)
        {
            LogEndedIdle(code, policy.EndIdleTalksAfter.TotalDays);
            await EndAsync(code, cancellationToken);
        }

        foreach (var code in expired)
        {
            var session = await RequireAsync(code, cancellationToken);
            var erased = await EraseEndedAsync(session, keepPublishedResults: true, cancellationToken);
            LogRetained(code, policy.RetentionPeriod.TotalDays, erased.Questions, erased.QuestionVotes, erased.PollVotes);
        }

        return expired.Count;
    }

    private async Task<AudienceDataCounts> EraseEndedAsync(LiveSessionState session, bool keepPublishedResults, CancellationToken cancellationToken)
    {
        var phones = (await CountAsync(session.Code, cancellationToken)).Phones;
        var deletedQuestions = await questions.EraseSessionAsync(session.Code, cancellationToken);
        var deletedVotes = await polls.EraseSessionAsync(session.Code, keepPublishedResults, cancellationToken);
        await EraseFromFilesAsync(session.Code, cancellationToken);
        var marked = await sessions.MarkAudienceDataErasedAsync(session.Code, cancellationToken);
        await notifier.SessionStatusChangedAsync(marked, cancellationToken);
        return new AudienceDataCounts(deletedQuestions.Questions, deletedQuestions.HeldQuestions, deletedQuestions.Votes, deletedVotes.Votes, phones, deletedVotes.PublishedPolls);
    }

    private async Task EraseFromFilesAsync(string code, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await SqliteStorage.EraseDeletedAsync(db, cancellationToken))
        {
            LogDeletedTextKept(code);
        }
    }

    private async Task<LiveSessionState> RequireAsync(string code, CancellationToken cancellationToken) =>
        await sessions.FindAsync(code, cancellationToken) ?? throw new RequestRefusedException(RefusalCodes.UnknownSession, $"There is no session with code {code}.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {Code} ended; its audience's data will be deleted after {DeleteAfter:u}")]
    private partial void LogEnded(string code, DateTimeOffset deleteAfter);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {Code} ended automatically: its slides had not moved for {Days} days")]
    private partial void LogEndedIdle(string code, double days);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {Code} erased by the presenter: {Questions} questions, {QuestionVotes} upvotes and {PollVotes} poll votes deleted; {PublishedPolls} shown poll results kept as open data")]
    private partial void LogErased(string code, int questions, int questionVotes, int pollVotes, int publishedPolls);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {Code} ended more than {Days} days ago: {Questions} questions, {QuestionVotes} upvotes and {PollVotes} poll votes deleted (retention)")]
    private partial void LogRetained(string code, double days, int questions, int questionVotes, int pollVotes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The audience's data of session {Code} was deleted, but readers kept the database's write-ahead log busy: the deleted text stays in that file until the next deletion or restart empties it")]
    private partial void LogDeletedTextKept(string code);
}
