using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OpenHealthLive.Core.Refusals;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Storage;

namespace OpenHealthLive.Core.Questions;

/// <summary>
/// Live Q&amp;A: phones ask and upvote; the presenter moderates. Audience writes go through the
/// <see cref="BatchWriter"/> (acknowledged after commit); every change is committed first and announced second.
/// A question the <see cref="PatientDataGuard"/> flags, or any question under pre-moderation, is held: only the
/// presenter sees it until it is approved. A talk and each phone in it have caps (<see cref="QuestionLimits"/>);
/// lists are read a page at a time (<see cref="PageAsync"/>).
/// </summary>
public sealed partial class QuestionService(
    BatchWriter writes,
    IDbContextFactory<LiveDbContext> dbFactory,
    PatientDataGuard guard,
    IQuestionNotifier notifier,
    TimeProvider time,
    ILogger<QuestionService> logger,
    NodeTopology? topology = null,
    QuestionLimits? limits = null,
    DeviceBlocks? blocks = null)
{
    private readonly NodeTopology _topology = topology ?? NodeTopology.SingleNode;
    private readonly QuestionLimits _limits = limits ?? new QuestionLimits();
    private readonly DeviceBlocks _blocks = blocks ?? new DeviceBlocks(dbFactory, time, topology);
    private readonly QuestionCounter _counter = new(dbFactory);

    // Hot paths of the writer, compiled once per service: a room's worth of posts and votes runs through them.
    // Not static: a compiled query belongs to one model, and a process may host SQLite and PostgreSQL apps (tests).
    private readonly Func<LiveDbContext, string, string, string, Task<QuestionRecord?>> _findByClientId =
        EF.CompileAsyncQuery((LiveDbContext db, string code, string device, string client) =>
            db.Questions.AsNoTracking().FirstOrDefault(q => q.SessionCode == code && q.DeviceHash == device && q.ClientId == client));

    // Deleted questions are gone from the table, so they no longer count against a cap.
    private readonly Func<LiveDbContext, string, Task<int>> _countInSession =
        EF.CompileAsyncQuery((LiveDbContext db, string code) => db.Questions.Count(q => q.SessionCode == code));

    private readonly Func<LiveDbContext, string, string, Task<int>> _countForDevice =
        EF.CompileAsyncQuery((LiveDbContext db, string code, string device) => db.Questions.Count(q => q.SessionCode == code && q.DeviceHash == device));

    private readonly Func<LiveDbContext, long, string, Task<QuestionRecord?>> _findVisible =
        EF.CompileAsyncQuery((LiveDbContext db, long id, string code) =>
            db.Questions.FirstOrDefault(q => q.Id == id && q.SessionCode == code && q.Status == (int)QuestionStatus.Visible));

    private readonly Func<LiveDbContext, long, string, Task<QuestionVoteRecord?>> _findVote =
        EF.CompileAsyncQuery((LiveDbContext db, long id, string device) =>
            db.QuestionVotes.FirstOrDefault(v => v.QuestionId == id && v.DeviceHash == device));

    /// <summary>Q&amp;A settings per session, kept in memory (briefly, in a cluster): every post and vote needs them.</summary>
    private readonly ClusterCache<string, QnaSettings> _settings = new(topology ?? NodeTopology.SingleNode, time, StringComparer.Ordinal);

    /// <summary>
    /// Posts a question. Retrying with the same device and client id returns the first post, even once a cap is
    /// reached. The caps are checked on the one writer, so posts racing for the last places cannot pass them.
    /// </summary>
    /// <exception cref="RequestRefusedException">
    /// The question is empty or too long, the talk or this phone has reached its cap, or the session does not exist.
    /// </exception>
    public async Task<AskResult> AskAsync(string sessionCode, string deviceHash, string clientId, string? text, string? author, CancellationToken cancellationToken)
    {
        var cleaned = QuestionText.Clean(text);
        if (cleaned.Length == 0)
        {
            throw new RequestRefusedException(RefusalCodes.QuestionEmpty, "Type a question first.");
        }

        if (cleaned.Length > QuestionText.MaxLength)
        {
            throw new RequestRefusedException(RefusalCodes.QuestionTooLong, $"A question has at most {QuestionText.MaxLength} characters; yours has {cleaned.Length}. Shorten it and send it again.", QuestionText.MaxLength, cleaned.Length);
        }

        var name = QuestionText.CleanAuthor(author);
        if (name is { Length: > QuestionText.MaxAuthorLength })
        {
            throw new RequestRefusedException(RefusalCodes.NameTooLong, $"A name has at most {QuestionText.MaxAuthorLength} characters.", QuestionText.MaxAuthorLength);
        }

        CheckClientId(clientId);
        // Masked before anything is written: what the guard finds is never stored, logged or sent whole.
        var guarded = guard.Inspect(cleaned, name);
        var findings = guarded.Findings;
        var heldReason = guarded.Held ? HeldReason(findings) : null;

        var settings = await SettingsAsync(sessionCode, cancellationToken);
        var (record, duplicate) = await writes.EnqueueAsync(async (db, ct) =>
        {
            var existing = await _findByClientId(db, sessionCode, deviceHash, clientId);
            if (existing is not null)
            {
                return (existing, true);
            }

            await TalkEnded.ThrowIfEndedAsync(db, sessionCode, ct);
            if (await _countInSession(db, sessionCode) >= _limits.MaxPerSession)
            {
                throw new RequestRefusedException(RefusalCodes.TalkQuestionLimit, $"This talk has reached its limit of {_limits.MaxPerSession} questions.", _limits.MaxPerSession);
            }

            if (await _countForDevice(db, sessionCode, deviceHash) >= _limits.MaxPerDevice)
            {
                throw new RequestRefusedException(RefusalCodes.PhoneQuestionLimit, $"You have sent the most questions one phone can send in this talk ({_limits.MaxPerDevice}).", _limits.MaxPerDevice);
            }

            await CheckControlsAsync(db, sessionCode, deviceHash);

            var question = new QuestionRecord
            {
                SessionCode = sessionCode,
                DeviceHash = deviceHash,
                ClientId = clientId,
                Text = Fit(guarded.Text, QuestionText.MaxLength),
                Author = guarded.Author is null ? null : Fit(guarded.Author, QuestionText.MaxAuthorLength),
                Status = (int)(heldReason is not null || settings.PreModeration ? QuestionStatus.Held : QuestionStatus.Visible),
                HeldReason = heldReason ?? (settings.PreModeration ? "Held for the presenter: every question is reviewed before it is shown." : null),
                CreatedAt = time.GetUtcNow(),
            };
            db.Questions.Add(question);
            return (question, false);
        }, cancellationToken);

        var view = ToView(record, settings.AnsweringQuestionId);
        if (!duplicate)
        {
            if (findings.Count > 0)
            {
                var rules = string.Join(",", findings.Select(f => f.Rule));
                LogHeldByGuard(sessionCode, record.Id, rules);
            }

            await notifier.QuestionChangedAsync(view, cancellationToken);
        }

        return new AskResult(view, duplicate);
    }

    /// <summary>Sets this device's upvote on a visible question (idempotent: setting it twice changes nothing).</summary>
    /// <returns>The question with its new vote count.</returns>
    public async Task<QuestionView> SetVoteAsync(string sessionCode, string deviceHash, long questionId, bool up, CancellationToken cancellationToken)
    {
        var blocked = await _blocks.IsBlockedAsync(sessionCode, deviceHash, cancellationToken);
        var (record, changed) = await writes.EnqueueAsync(async (db, ct) =>
        {
            await TalkEnded.ThrowIfEndedAsync(db, sessionCode, ct);
            var question = await _findVisible(db, questionId, sessionCode)
                ?? throw new RequestRefusedException(RefusalCodes.QuestionGone, "That question is no longer on the list.");
            // After the refusals any phone can get, so a blocked phone meets those first, as every phone does.
            if (blocked)
            {
                throw new DeviceBlockedException();
            }

            var existing = await _findVote(db, questionId, deviceHash);
            var isChanged = false;
            if (up && existing is null)
            {
                db.QuestionVotes.Add(new QuestionVoteRecord { QuestionId = questionId, DeviceHash = deviceHash, CreatedAt = time.GetUtcNow() });
                question.Votes++;
                isChanged = true;
            }
            else if (!up && existing is not null)
            {
                db.QuestionVotes.Remove(existing);
                question.Votes = Math.Max(0, question.Votes - 1);
                isChanged = true;
            }

            return (question, isChanged);
        }, cancellationToken);

        var view = ToView(record, (await SettingsAsync(sessionCode, cancellationToken)).AnsweringQuestionId);
        if (changed)
        {
            await notifier.QuestionChangedAsync(view, cancellationToken);
        }

        return view;
    }

    /// <summary>
    /// The session's questions. The audience gets only visible ones; the presenter (<paramref name="includeModerated"/>)
    /// gets held and hidden ones too.
    /// </summary>
    public async Task<IReadOnlyList<QuestionView>> ListAsync(string sessionCode, bool includeModerated, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var answering = await db.Sessions.Where(s => s.Code == sessionCode).Select(s => s.AnsweringQuestionId).SingleOrDefaultAsync(cancellationToken);
        var query = db.Questions.AsNoTracking().Where(q => q.SessionCode == sessionCode);
        if (!includeModerated)
        {
            query = query.Where(q => q.Status == (int)QuestionStatus.Visible);
        }

        var records = await query.OrderBy(q => q.Id).ToListAsync(cancellationToken);
        return records.Select(r => ToView(r, answering)).ToList();
    }

    /// <summary>
    /// One page of the session's questions in <paramref name="order"/>, starting after <paramref name="after"/> (a
    /// cursor from an earlier page; null for the first page). The audience gets only visible questions; the presenter
    /// (<paramref name="includeModerated"/>) gets held and hidden ones too. A question added or re-ranked while a
    /// client pages may fall before its cursor: clients get such changes live (<see cref="IQuestionNotifier"/>).
    /// </summary>
    /// <exception cref="RequestRefusedException">The cursor is not one this order made.</exception>
    public async Task<QuestionPage> PageAsync(string sessionCode, QuestionOrder order, string? after, int limit, bool includeModerated, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        QuestionCursor? cursor = null;
        if (after is not null)
        {
            cursor = QuestionCursor.TryParse(after, order, out var parsed)
                ? parsed
                : throw new RequestRefusedException(RefusalCodes.BadPosition, "That position in the list is not valid. Reload the questions.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var answering = await db.Sessions.Where(s => s.Code == sessionCode).Select(s => s.AnsweringQuestionId).SingleOrDefaultAsync(cancellationToken);
        var query = db.Questions.AsNoTracking().Where(q => q.SessionCode == sessionCode);
        if (!includeModerated)
        {
            query = query.Where(q => q.Status == (int)QuestionStatus.Visible);
        }

        var records = await Ordered(After(query, cursor), order).Take(limit + 1).ToListAsync(cancellationToken);
        var next = records.Count > limit ? QuestionCursor.After(order, records[limit - 1]).Format() : null;
        return new QuestionPage(records.Take(limit).Select(r => ToView(r, answering)).ToList(), next);
    }

    /// <summary>One question of a session, whatever its status; null when there is no such question.</summary>
    public async Task<QuestionView?> FindAsync(string sessionCode, long questionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var answering = await db.Sessions.Where(s => s.Code == sessionCode).Select(s => s.AnsweringQuestionId).SingleOrDefaultAsync(cancellationToken);
        var record = await db.Questions.AsNoTracking().SingleOrDefaultAsync(q => q.Id == questionId && q.SessionCode == sessionCode, cancellationToken);
        return record is null ? null : ToView(record, answering);
    }

    /// <summary>How many questions the session has, by status.</summary>
    public Task<QuestionCounts> CountAsync(string sessionCode, CancellationToken cancellationToken) => _counter.CountAsync(sessionCode, cancellationToken);

    /// <summary>What one device has done in a session: its own questions (with their status) and its votes.</summary>
    public async Task<DeviceQuestions> ForDeviceAsync(string sessionCode, string deviceHash, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var answering = await db.Sessions.Where(s => s.Code == sessionCode).Select(s => s.AnsweringQuestionId).SingleOrDefaultAsync(cancellationToken);
        var own = await db.Questions.AsNoTracking().Where(q => q.SessionCode == sessionCode && q.DeviceHash == deviceHash).OrderBy(q => q.Id).ToListAsync(cancellationToken);
        var votes = await db.QuestionVotes.AsNoTracking()
            .Where(v => v.DeviceHash == deviceHash && db.Questions.Any(q => q.Id == v.QuestionId && q.SessionCode == sessionCode))
            .Select(v => v.QuestionId).ToListAsync(cancellationToken);
        return new DeviceQuestions(own.Select(r => ToView(r, answering)).ToList(), votes);
    }

    /// <summary>Q&amp;A settings of a session.</summary>
    public async Task<QnaSettings> SettingsAsync(string sessionCode, CancellationToken cancellationToken)
    {
        if (_settings.TryGetFresh(sessionCode, out var cached))
        {
            return cached;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Code == sessionCode, cancellationToken)
            ?? throw UnknownSession(sessionCode);
        var settings = SettingsOf(session);
        _settings.Set(sessionCode, settings);
        return settings;
    }

    /// <summary>Turns pre-moderation on or off; questions already held stay held until approved.</summary>
    public async Task<QnaSettings> SetPreModerationAsync(string sessionCode, bool enabled, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.Sessions.SingleOrDefaultAsync(s => s.Code == sessionCode, cancellationToken)
            ?? throw UnknownSession(sessionCode);
        session.PreModeration = enabled;
        await db.SaveChangesAsync(cancellationToken);
        var settings = SettingsOf(session);
        _settings.Set(sessionCode, settings);
        await notifier.SettingsChangedAsync(settings, cancellationToken);
        return settings;
    }

    /// <summary>Applies a presenter's moderation action.</summary>
    /// <returns>The question after the action, or null when it was deleted.</returns>
    public async Task<QuestionView?> ModerateAsync(string sessionCode, long questionId, QuestionModeration action, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (session, question) = await SessionAndQuestionAsync(db, sessionCode, questionId, cancellationToken);
        var previousAnswering = session.AnsweringQuestionId;
        switch (action)
        {
            case QuestionModeration.Approve:
                question.Status = (int)QuestionStatus.Visible;
                break;
            case QuestionModeration.Hide:
                question.Status = (int)QuestionStatus.Hidden;
                if (session.AnsweringQuestionId == questionId)
                {
                    session.AnsweringQuestionId = null;
                }

                break;
            case QuestionModeration.Delete:
                db.Questions.Remove(question);
                if (session.AnsweringQuestionId == questionId)
                {
                    session.AnsweringQuestionId = null;
                }

                break;
            case QuestionModeration.Pin:
            case QuestionModeration.Unpin:
                question.Pinned = action == QuestionModeration.Pin;
                break;
            case QuestionModeration.AnswerNow:
                if ((QuestionStatus)question.Status != QuestionStatus.Visible)
                {
                    throw new RequestRefusedException(RefusalCodes.NotApproved, "Approve the question before answering it, so the room can see it.");
                }

                session.AnsweringQuestionId = questionId;
                break;
            case QuestionModeration.StopAnswering:
                if (session.AnsweringQuestionId == questionId)
                {
                    session.AnsweringQuestionId = null;
                }

                break;
            case QuestionModeration.MarkAnswered:
                question.AnsweredAt ??= time.GetUtcNow();
                if (session.AnsweringQuestionId == questionId)
                {
                    session.AnsweringQuestionId = null;
                }

                break;
            case QuestionModeration.MarkUnanswered:
                question.AnsweredAt = null;
                break;
            default:
                throw new RequestRefusedException(RefusalCodes.UnknownAction, $"Unknown moderation action '{action}'.");
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        _settings.Set(sessionCode, SettingsOf(session));

        if (action == QuestionModeration.Delete)
        {
            await notifier.QuestionDeletedAsync(sessionCode, questionId, cancellationToken);
            // The room sees the deletion first; then the text goes from the files too (it may hold patient data).
            if (!await SqliteStorage.EraseDeletedAsync(db, cancellationToken))
            {
                LogDeletedTextKept(sessionCode, questionId);
            }
        }
        else
        {
            await notifier.QuestionChangedAsync(ToView(question, session.AnsweringQuestionId), cancellationToken);
        }

        if (previousAnswering != session.AnsweringQuestionId)
        {
            // The question that stopped being answered changed too.
            if (previousAnswering is { } previous && previous != questionId
                && await db.Questions.AsNoTracking().SingleOrDefaultAsync(q => q.Id == previous, cancellationToken) is { } old)
            {
                await notifier.QuestionChangedAsync(ToView(old, session.AnsweringQuestionId), cancellationToken);
            }

            await notifier.SettingsChangedAsync(SettingsOf(session), cancellationToken);
        }

        return action == QuestionModeration.Delete ? null : ToView(question, session.AnsweringQuestionId);
    }

    /// <summary>
    /// Deletes one device's questions in a session (with every upvote of them) and its block if a moderator blocked it,
    /// and takes back its upvotes of other questions, as one write; the room's lists and counts follow. The caller makes the deletion final in the files
    /// (<see cref="SqliteStorage.EraseDeletedAsync"/>).
    /// </summary>
    /// <returns>What was deleted: the device's questions (held ones among them) and its upvotes.</returns>
    public async Task<QuestionsDeleted> ForgetDeviceAsync(string sessionCode, string deviceHash, CancellationToken cancellationToken)
    {
        var outcome = await writes.EnqueueAsync(async (db, ct) =>
        {
            var own = await db.Questions.AsNoTracking().Where(q => q.SessionCode == sessionCode && q.DeviceHash == deviceHash)
                .Select(q => new { q.Id, q.Status }).ToListAsync(ct);
            var ownIds = own.Select(q => q.Id).ToList();
            var votes = await db.QuestionVotes
                .Where(v => v.DeviceHash == deviceHash && db.Questions.Any(q => q.Id == v.QuestionId && q.SessionCode == sessionCode)).ToListAsync(ct);
            var changed = new List<QuestionRecord>();
            foreach (var vote in votes.Where(v => !ownIds.Contains(v.QuestionId)))
            {
                db.QuestionVotes.Remove(vote);
                var question = await db.Questions.SingleAsync(q => q.Id == vote.QuestionId, ct);
                question.Votes = Math.Max(0, question.Votes - 1);
                changed.Add(question);
            }

            // Its own questions go with every upvote of them, this device's and other phones'.
            await db.QuestionVotes.Where(v => ownIds.Contains(v.QuestionId)).ExecuteDeleteAsync(ct);
            await db.Questions.Where(q => ownIds.Contains(q.Id)).ExecuteDeleteAsync(ct);
            // A block keyed on a device id that no longer exists protects nothing (the phone gets a new id): it goes too.
            await db.BlockedDevices.Where(b => b.SessionCode == sessionCode && b.DeviceHash == deviceHash).ExecuteDeleteAsync(ct);
            var answeringCleared = await db.Sessions
                .Where(s => s.Code == sessionCode && s.AnsweringQuestionId != null && ownIds.Contains(s.AnsweringQuestionId.Value))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.AnsweringQuestionId, (long?)null), ct) > 0;
            var deleted = new QuestionsDeleted(own.Count, own.Count(q => q.Status == (int)QuestionStatus.Held), votes.Count);
            return new DeletedQuestions(deleted, ownIds, changed, answeringCleared);
        }, cancellationToken);

        await AnnounceDeletedAsync(sessionCode, outcome, cancellationToken);
        return outcome.Deleted;
    }

    /// <summary>
    /// Deletes every question of a session, held and hidden ones too, with every upvote and every blocked phone, as one
    /// write; screens are told. The caller makes the deletion final in the files (<see cref="SqliteStorage.EraseDeletedAsync"/>).
    /// </summary>
    public async Task<QuestionsDeleted> EraseSessionAsync(string sessionCode, CancellationToken cancellationToken)
    {
        var outcome = await writes.EnqueueAsync(async (db, ct) =>
        {
            var all = await db.Questions.AsNoTracking().Where(q => q.SessionCode == sessionCode).Select(q => new { q.Id, q.Status }).ToListAsync(ct);
            var votes = await db.QuestionVotes.Where(v => db.Questions.Any(q => q.Id == v.QuestionId && q.SessionCode == sessionCode)).ExecuteDeleteAsync(ct);
            await db.Questions.Where(q => q.SessionCode == sessionCode).ExecuteDeleteAsync(ct);
            // The blocked phones' device ids are the audience's data too (and a rehearsal's blocks do not carry over).
            await db.BlockedDevices.Where(b => b.SessionCode == sessionCode).ExecuteDeleteAsync(ct);
            var answeringCleared = await db.Sessions.Where(s => s.Code == sessionCode && s.AnsweringQuestionId != null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.AnsweringQuestionId, (long?)null), ct) > 0;
            var deleted = new QuestionsDeleted(all.Count, all.Count(q => q.Status == (int)QuestionStatus.Held), votes);
            return new DeletedQuestions(deleted, all.Select(q => q.Id).ToList(), [], answeringCleared);
        }, cancellationToken);

        await AnnounceDeletedAsync(sessionCode, outcome, cancellationToken);
        return outcome.Deleted;
    }

    private async Task AnnounceDeletedAsync(string sessionCode, DeletedQuestions outcome, CancellationToken cancellationToken)
    {
        _settings.Remove(sessionCode);
        _blocks.Forget(sessionCode);
        await notifier.BlockedDevicesChangedAsync(sessionCode, await BlockedDevicesAsync(sessionCode, cancellationToken), cancellationToken);
        var settings = await SettingsAsync(sessionCode, cancellationToken);
        foreach (var id in outcome.Ids)
        {
            await notifier.QuestionDeletedAsync(sessionCode, id, cancellationToken);
        }

        foreach (var question in outcome.Changed)
        {
            await notifier.QuestionChangedAsync(ToView(question, settings.AnsweringQuestionId), cancellationToken);
        }

        if (outcome.AnsweringCleared)
        {
            await notifier.SettingsChangedAsync(settings, cancellationToken);
        }
    }

    /// <summary>
    /// The presenter replaces a question's text (to take out what should not be shown, or a typo). The new text
    /// goes through the guard like a phone's: what it finds is masked and the question is held, with the reason;
    /// a clean edit of a held question stays held until approved. The name is checked again with it.
    /// </summary>
    /// <returns>The question after the edit.</returns>
    /// <exception cref="RequestRefusedException">The text is empty or too long, or there is no such question.</exception>
    public async Task<QuestionView> EditAsync(string sessionCode, long questionId, string? text, CancellationToken cancellationToken)
    {
        var cleaned = QuestionText.Clean(text);
        if (cleaned.Length == 0)
        {
            throw new RequestRefusedException(RefusalCodes.QuestionEmpty, "Type the question's new text first.");
        }

        if (cleaned.Length > QuestionText.MaxLength)
        {
            throw new RequestRefusedException(RefusalCodes.QuestionTooLong, $"A question has at most {QuestionText.MaxLength} characters; this one has {cleaned.Length}.", QuestionText.MaxLength, cleaned.Length);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (session, question) = await SessionAndQuestionAsync(db, sessionCode, questionId, cancellationToken);
        var guarded = guard.Inspect(cleaned, question.Author);
        question.Text = Fit(guarded.Text, QuestionText.MaxLength);
        question.Author = guarded.Author is null ? null : Fit(guarded.Author, QuestionText.MaxAuthorLength);
        var previousAnswering = session.AnsweringQuestionId;
        if (guarded.Held)
        {
            question.Status = (int)QuestionStatus.Held;
            question.HeldReason = HeldReason(guarded.Findings);
            if (session.AnsweringQuestionId == questionId)
            {
                session.AnsweringQuestionId = null;
            }
        }
        else if ((QuestionStatus)question.Status == QuestionStatus.Held)
        {
            question.HeldReason = "Edited by the presenter: nothing was found in the new text. Approve it to show it to the room.";
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        _settings.Set(sessionCode, SettingsOf(session));
        LogEdited(sessionCode, questionId, guarded.Held ? string.Join(",", guarded.Findings.Select(f => f.Rule)) : "none");

        var view = ToView(question, session.AnsweringQuestionId);
        await notifier.QuestionChangedAsync(view, cancellationToken);
        if (previousAnswering != session.AnsweringQuestionId)
        {
            await notifier.SettingsChangedAsync(SettingsOf(session), cancellationToken);
        }

        return view;
    }

    /// <summary>
    /// True when <paramref name="heldReason"/> (a question's stored reason) is the patient-data guard's, not pre-moderation's
    /// or an edit's: a phone words the two kinds of hold in its own language, without the guard's English details.
    /// </summary>
    public static bool IsHeldByGuard(string? heldReason) => heldReason?.StartsWith(GuardHeldPrefix, StringComparison.Ordinal) == true;

    private const string GuardHeldPrefix = "Held for the presenter: it looks like it contains ";

    private static string HeldReason(IReadOnlyList<GuardFinding> findings) =>
        Fit(GuardHeldPrefix + string.Join("; ", findings.Select(f => f.Reason)) + ".", 500);

    /// <summary>A masked text can be longer than what was typed: cut to the column's size, visibly.</summary>
    private static string Fit(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static void CheckClientId(string clientId)
    {
        if (string.IsNullOrEmpty(clientId) || clientId.Length > QuestionText.MaxClientIdLength || !clientId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new RequestRefusedException(RefusalCodes.BadClientId, "The post has no valid client id; reload the page and try again.");
        }
    }

    private static IQueryable<QuestionRecord> Ordered(IQueryable<QuestionRecord> query, QuestionOrder order) => order switch
    {
        QuestionOrder.Top => query.OrderByDescending(q => q.Pinned).ThenByDescending(q => q.Votes).ThenBy(q => q.Id),
        QuestionOrder.Newest => query.OrderByDescending(q => q.Pinned).ThenByDescending(q => q.Id),
        _ => query.OrderByDescending(q => q.Status == (int)QuestionStatus.Held).ThenByDescending(q => q.Pinned).ThenByDescending(q => q.Votes).ThenBy(q => q.Id),
    };

    /// <summary>The questions that sort after <paramref name="cursor"/> in its order (keyset paging: no offset to drift).</summary>
    private static IQueryable<QuestionRecord> After(IQueryable<QuestionRecord> query, QuestionCursor? cursor)
    {
        if (cursor is not { } c)
        {
            return query;
        }

        var (held, pinned, votes, id) = (c.Held, c.Pinned, c.Votes, c.Id);
        return c.Order switch
        {
            QuestionOrder.Top => query.Where(q => (pinned && !q.Pinned)
                || (q.Pinned == pinned && (q.Votes < votes || (q.Votes == votes && q.Id > id)))),
            QuestionOrder.Newest => query.Where(q => (pinned && !q.Pinned)
                || (q.Pinned == pinned && q.Id < id)),
            _ => query.Where(q => (held && q.Status != (int)QuestionStatus.Held)
                || ((q.Status == (int)QuestionStatus.Held) == held
                    && ((pinned && !q.Pinned) || (q.Pinned == pinned && (q.Votes < votes || (q.Votes == votes && q.Id > id)))))),
        };
    }

    /// <summary>The session and one of its questions, tracked for a change; refused when either is not there.</summary>
    private static async Task<(LiveSessionRecord Session, QuestionRecord Question)> SessionAndQuestionAsync(LiveDbContext db, string sessionCode, long questionId, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.SingleOrDefaultAsync(s => s.Code == sessionCode, cancellationToken) ?? throw UnknownSession(sessionCode);
        var question = await db.Questions.SingleOrDefaultAsync(q => q.Id == questionId && q.SessionCode == sessionCode, cancellationToken) ?? throw QuestionMissing();
        return (session, question);
    }

    private static RequestRefusedException UnknownSession(string sessionCode) =>
        new(RefusalCodes.UnknownSession, $"There is no session with code {sessionCode}.");

    private static RequestRefusedException QuestionMissing() =>
        new(RefusalCodes.QuestionGone, "That question does not exist (it may have been deleted).");

    private static QuestionView ToView(QuestionRecord r, long? answering) =>
        new(r.Id, r.SessionCode, r.Text, r.Author, r.Votes, (QuestionStatus)r.Status, r.HeldReason, r.Pinned, answering == r.Id, r.AnsweredAt, r.CreatedAt);

    private sealed record DeletedQuestions(QuestionsDeleted Deleted, IReadOnlyList<long> Ids, IReadOnlyList<QuestionRecord> Changed, bool AnsweringCleared);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Question {QuestionId} in session {SessionCode} was deleted, but readers kept the database's write-ahead log busy: its text stays in that file until the next deletion or restart empties it")]
    private partial void LogDeletedTextKept(string sessionCode, long questionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Question {QuestionId} in session {SessionCode} edited by the presenter; the guard found: {Rules}")]
    private partial void LogEdited(string sessionCode, long questionId, string rules);

    [LoggerMessage(Level = LogLevel.Information, Message = "Question {QuestionId} in session {SessionCode} held by the patient-data guard ({Rules})")]
    private partial void LogHeldByGuard(string sessionCode, long questionId, string rules);
}
