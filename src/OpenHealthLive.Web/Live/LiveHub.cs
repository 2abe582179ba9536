using Microsoft.AspNetCore.SignalR;
using OpenHealthLive.Core.Audience;
using OpenHealthLive.Core.Captions;
using OpenHealthLive.Core.Pen;
using OpenHealthLive.Core.Polls;
using OpenHealthLive.Core.Privacy;
using OpenHealthLive.Core.Questions;
using OpenHealthLive.Core.Refusals;
using OpenHealthLive.Core.Rehearsals;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Web.Captions;
using OpenHealthLive.Web.Devices;
using OpenHealthLive.Web.Pen;
using OpenHealthLive.Web.Polls;
using OpenHealthLive.Web.Presenter;
using OpenHealthLive.Web.Privacy;
using OpenHealthLive.Web.Questions;
using OpenHealthLive.Web.Rooms;

namespace OpenHealthLive.Web.Live;

/// <summary>
/// The one hub. Thin on purpose: it checks input, calls <see cref="LiveSessionService"/>, and returns.
/// Methods without <see cref="AllowAudienceAttribute"/> are for staff, each with the permission its <see cref="StaffAttribute"/>
/// names on the session it acts on (see <see cref="StaffHubFilter"/>).
/// </summary>
public sealed partial class LiveHub(
    LiveSessionService sessions, LiveMessages messages, AudienceTracker audience, DeliveryTracker delivery, LocalFollowers followers,
    QuestionService questions, PollService polls, DeviceIdentity devices, AudienceDataService audienceData, RehearsalService rehearsals,
    CaptionService captions, CaptionReaders captionReaders, CaptionLimits captionLimits, StrokeService strokes, PenLimits penLimits) : Hub<ILiveClient>
{
    /// <summary>Longest language tag a phone may send (BCP 47 tags in use are far shorter).</summary>
    internal const int MaxLanguageLength = 35;

    /// <summary>Follows a session as a phone: returns where it is now; <c>SlideChanged</c> follows every change.</summary>
    [AllowAudience]
    public Task<SlideState> JoinSession(string code) => FollowAsync(code, language: null);

    /// <summary>
    /// Follows a session as a phone reading the deck in <paramref name="language"/> when the deck has it (else in its own
    /// language; <c>Language</c> in the answer says which). Called again with another language, it switches: the same
    /// slide, fragment and version come back in the new language, and later changes arrive in it alone.
    /// </summary>
    [AllowAudience]
    public Task<SlideState> JoinSessionIn(string code, string? language)
    {
        if (language is { Length: > MaxLanguageLength })
        {
            throw HubRefusal.Create(HubRefusal.Invalid, HubRefusal.BadLanguage, $"A language is a tag such as 'es' or 'en-GB', at most {MaxLanguageLength} characters.", [MaxLanguageLength]);
        }

        return FollowAsync(code, language);
    }

    /// <summary>Follows a session as a presenter device (console, remote or projector).</summary>
    [Staff(StaffRight.See)]
    public async Task<PresenterJoined> JoinAsPresenter(string code)
    {
        var session = await RequireAsync(code);
        followers.Add(Context.ConnectionId, session.Code, presenter: true);
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Followers(session.Code), Context.ConnectionAborted);
        // Presenter devices, the projector among them, read the deck in its own language.
        await ReadInAsync(session.Code, translation: null);
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Presenters(session.Code), Context.ConnectionAborted);
        // As stored, not as cached: the projector may have been blacked out through another node a moment ago.
        var current = (await sessions.RefreshAsync([session.Code], Context.ConnectionAborted)).Single();
        return new PresenterJoined(messages.SlideState(current), audience.Count(session.Code), messages.Timer(current), ProjectorState.From(current),
            delivery.Summarize(session.Code, audience.CountOf(session.Code)));
    }

    /// <summary>
    /// A console that shows the room asks for its figures (<see cref="ILiveClient.AudienceCountChanged"/>,
    /// <see cref="ILiveClient.DeliveryChanged"/>); call after <see cref="JoinAsPresenter"/>, and again after a reconnect.
    /// </summary>
    [Staff(StaffRight.See)]
    public async Task WatchRoom(string code)
    {
        var session = await RequireAsync(code);
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.RoomWatchers(session.Code), Context.ConnectionAborted);
    }

    /// <summary>
    /// A phone says which version it shows and for how long it has shown it (sent without waiting for an answer,
    /// a moment after the slide is on screen), so the presenter can see that the room is with them.
    /// </summary>
    [AllowAudience]
    public Task AcknowledgeSlide(string code, long version, int shownForMs)
    {
        if (JoinCode.TryNormalize(code, out var normalized, out _))
        {
            delivery.Acknowledge(Context.ConnectionId, normalized, version, TimeSpan.FromMilliseconds(Math.Clamp(shownForMs, 0, DeliveryTracker.MaxShownForMs)));
        }

        return Task.CompletedTask;
    }

    /// <summary>Starts or resumes the speaker's timer.</summary>
    [Staff(StaffRight.Drive)]
    public async Task<TimerState> StartTimer(string code) => messages.Timer(await sessions.StartTimerAsync((await RequireAsync(code)).Code, Context.ConnectionAborted));

    /// <summary>Pauses the speaker's timer.</summary>
    [Staff(StaffRight.Drive)]
    public async Task<TimerState> PauseTimer(string code) => messages.Timer(await sessions.PauseTimerAsync((await RequireAsync(code)).Code, Context.ConnectionAborted));

    /// <summary>Sets the speaker's timer back to zero.</summary>
    [Staff(StaffRight.Drive)]
    public async Task<TimerState> ResetTimer(string code) => messages.Timer(await sessions.ResetTimerAsync((await RequireAsync(code)).Code, Context.ConnectionAborted));

    /// <summary>Blacks the projector out, or shows the large join QR code on it.</summary>
    [Staff(StaffRight.Drive)]
    public async Task<ProjectorState> SetProjector(string code, bool blackout, bool joinOverlay) =>
        ProjectorState.From(await sessions.SetProjectorAsync((await RequireAsync(code)).Code, blackout, joinOverlay, Context.ConnectionAborted));

    /// <summary>Next fragment, or next slide.</summary>
    [Staff(StaffRight.Drive)]
    public Task<SlideState> NextStep(string code) => NavigateAsync(code, Navigation.Next);

    /// <summary>Previous fragment, or previous slide.</summary>
    [Staff(StaffRight.Drive)]
    public Task<SlideState> PreviousStep(string code) => NavigateAsync(code, Navigation.Previous);

    /// <summary>A given slide (0-based) and fragment.</summary>
    [Staff(StaffRight.Drive)]
    public Task<SlideState> GoToSlide(string code, int slide, int fragment) => NavigateAsync(code, Navigation.GoTo(slide, fragment));

    /// <summary>The first slide.</summary>
    [Staff(StaffRight.Drive)]
    public Task<SlideState> FirstSlide(string code) => NavigateAsync(code, new Navigation(NavigationKind.First));

    /// <summary>The last slide.</summary>
    [Staff(StaffRight.Drive)]
    public Task<SlideState> LastSlide(string code) => NavigateAsync(code, new Navigation(NavigationKind.Last));

    /// <summary>
    /// Asks a question. <paramref name="clientId"/> is made by the phone; sending the same one again (after a
    /// lost connection) returns the first post instead of adding a second.
    /// </summary>
    [AllowAudience]
    [RateLimited(HubRateLimits.Questions)]
    public async Task<AskQuestionResult> AskQuestion(string code, string clientId, string text, string? author)
    {
        var session = await RequireAsync(code);
        var result = await questions.AskAsync(session.Code, RequireDevice(session.Code), clientId, text, author, Context.ConnectionAborted);
        var question = result.Question;
        return question.Status == QuestionStatus.Visible
            ? new AskQuestionResult(question.Id, "sent", "Sent: your question is on the list.", AudienceQuestion.From(question), question.Text)
            : new AskQuestionResult(question.Id, "held", question.HeldReason ?? "Held for the presenter to review.", null, question.Text, HeldAs(question.HeldReason));
    }

    /// <summary>Upvotes a question (<paramref name="up"/> true) or takes the vote back; one vote per phone.</summary>
    [AllowAudience]
    [RateLimited(HubRateLimits.Votes)]
    public async Task<QuestionVoteResult> SetQuestionVote(string code, long questionId, bool up)
    {
        var session = await RequireAsync(code);
        var question = await questions.SetVoteAsync(session.Code, RequireDevice(session.Code), questionId, up, Context.ConnectionAborted);
        return new QuestionVoteResult(question.Id, question.Votes, up);
    }

    /// <summary>
    /// The first page of visible questions ("top" order), the question being answered and this phone's own
    /// questions wherever they rank, with this phone's votes; <see cref="GetMoreQuestions"/> pages on. A talk
    /// flooded with questions must not make every joining phone download all of them.
    /// </summary>
    [AllowAudience]
    public async Task<AudienceQna> GetQuestions(string code)
    {
        var session = await RequireAsync(code);
        var page = await questions.PageAsync(session.Code, QuestionOrder.Top, after: null, QuestionPages.Phone, includeModerated: false, Context.ConnectionAborted);
        var mine = Device() is { } device ? await questions.ForDeviceAsync(session.Code, device, Context.ConnectionAborted) : new DeviceQuestions([], []);
        var settings = await questions.SettingsAsync(session.Code, Context.ConnectionAborted);
        var counts = await questions.CountAsync(session.Code, Context.ConnectionAborted);
        var listed = page.Questions.ToList();
        listed.AddRange(mine.Own.Where(q => q.Status == QuestionStatus.Visible && listed.TrueForAll(l => l.Id != q.Id)));
        if (settings.AnsweringQuestionId is { } answering && listed.TrueForAll(q => q.Id != answering)
            && await questions.FindAsync(session.Code, answering, Context.ConnectionAborted) is { Status: QuestionStatus.Visible } now)
        {
            listed.Add(now);
        }

        return new AudienceQna(
            session.Code,
            listed.Select(AudienceQuestion.From).ToList(),
            mine.Own.Select(q => new OwnQuestion(q.Id, q.Text, PresenterQuestion.StatusName(q.Status), q.Status == QuestionStatus.Held ? q.HeldReason : null,
                q.Status == QuestionStatus.Held ? HeldAs(q.HeldReason) : null)).ToList(),
            mine.VotedQuestionIds,
            settings.AnsweringQuestionId,
            counts.Visible,
            page.Next,
            settings.QuestionsOpen,
            settings.SlowModeSeconds,
            questions.SinceLastQuestion(mine) is { } since ? (int)Math.Max(0, since.TotalSeconds) : null);
    }

    /// <summary>
    /// A page of visible questions in <paramref name="order"/> (<c>top</c> or <c>newest</c>), after the cursor
    /// <paramref name="after"/> from the previous page (null for the first page of that order).
    /// </summary>
    [AllowAudience]
    public async Task<AudienceQuestionPage> GetMoreQuestions(string code, string order, string? after)
    {
        var session = await RequireAsync(code);
        if (!QuestionPages.TryParseAudienceOrder(order, out var parsed))
        {
            throw HubRefusal.Create(HubRefusal.Invalid, HubRefusal.BadOrder, "Unknown order for the questions. Use top or newest.", []);
        }

        var page = await questions.PageAsync(session.Code, parsed, after, QuestionPages.Phone, includeModerated: false, Context.ConnectionAborted);
        return new AudienceQuestionPage(session.Code, order, page.Questions.Select(AudienceQuestion.From).ToList(), page.Next);
    }

    /// <summary>
    /// The first page of the presenter's queue: held questions first, then as the phones' "top", held and hidden ones
    /// included, plus the question being answered, with the counts and the Q&amp;A settings.
    /// </summary>
    [Staff(StaffRight.Moderate)]
    public async Task<PresenterQna> GetModerationQueue(string code)
    {
        var session = await RequireAsync(code);
        var page = await questions.PageAsync(session.Code, QuestionOrder.HeldFirst, after: null, QuestionPages.Presenter, includeModerated: true, Context.ConnectionAborted);
        var settings = await questions.SettingsAsync(session.Code, Context.ConnectionAborted);
        var counts = await questions.CountAsync(session.Code, Context.ConnectionAborted);
        var listed = page.Questions.ToList();
        if (settings.AnsweringQuestionId is { } answering && listed.TrueForAll(q => q.Id != answering)
            && await questions.FindAsync(session.Code, answering, Context.ConnectionAborted) is { } now)
        {
            listed.Add(now);
        }

        var blocked = await questions.BlockedDevicesAsync(session.Code, Context.ConnectionAborted);
        return new PresenterQna(session.Code, listed.Select(PresenterQuestion.From).ToList(), settings.PreModeration, settings.AnsweringQuestionId, counts.Total, counts.Held, page.Next,
            settings.QuestionsOpen, settings.SlowModeSeconds, blocked.Select(BlockedPhone.From).ToList());
    }

    /// <summary>The next page of the presenter's queue, after the cursor <paramref name="after"/> from the previous page.</summary>
    [Staff(StaffRight.Moderate)]
    public async Task<PresenterQuestionPage> GetMoreModerationQueue(string code, string after)
    {
        var session = await RequireAsync(code);
        var page = await questions.PageAsync(session.Code, QuestionOrder.HeldFirst, after, QuestionPages.Presenter, includeModerated: true, Context.ConnectionAborted);
        return new PresenterQuestionPage(session.Code, page.Questions.Select(PresenterQuestion.From).ToList(), page.Next);
    }

    /// <summary>
    /// Moderates a question: <c>approve</c>, <c>hide</c>, <c>delete</c>, <c>pin</c>, <c>unpin</c>,
    /// <c>answer-now</c>, <c>stop-answering</c>, <c>mark-answered</c>, <c>mark-unanswered</c>.
    /// </summary>
    [Staff(StaffRight.Moderate)]
    public async Task<PresenterQuestion?> ModerateQuestion(string code, long questionId, string action)
    {
        var session = await RequireAsync(code);
        if (!QuestionActions.TryParse(action, out var moderation))
        {
            throw HubRefusal.Create(HubRefusal.Invalid, RefusalCodes.UnknownAction, $"Unknown action '{(action?.Length > 32 ? action[..32] : action)}'. Use one of: {string.Join(", ", QuestionActions.Names)}.", []);
        }

        var question = await questions.ModerateAsync(session.Code, questionId, moderation, Context.ConnectionAborted);
        return question is null ? null : PresenterQuestion.From(question);
    }

    /// <summary>
    /// Replaces a question's text (a moderation action: take out what should not be shown, fix a typo). The new text
    /// goes through the patient-data guard again: what it finds is masked and the question held.
    /// </summary>
    [Staff(StaffRight.Moderate)]
    public async Task<PresenterQuestion> EditQuestion(string code, long questionId, string text)
    {
        var session = await RequireAsync(code);
        return PresenterQuestion.From(await questions.EditAsync(session.Code, questionId, text, Context.ConnectionAborted));
    }

    /// <summary>Turns pre-moderation on or off: when on, every new question waits for approval.</summary>
    [Staff(StaffRight.Moderate)]
    public async Task<QnaSettingsChanged> SetPreModeration(string code, bool enabled)
    {
        var session = await RequireAsync(code);
        return QnaSettingsChanged.From(await questions.SetPreModerationAsync(session.Code, enabled, Context.ConnectionAborted));
    }

    /// <summary>Opens or closes questions: closed, phones show "Questions are closed" and keep what they typed; upvotes still count.</summary>
    [Staff(StaffRight.Moderate)]
    public async Task<QnaSettingsChanged> SetQuestionsOpen(string code, bool open) =>
        QnaSettingsChanged.From(await questions.SetQuestionsOpenAsync((await RequireAsync(code)).Code, open, Context.ConnectionAborted));

    /// <summary>Slow mode: one question per phone every <paramref name="seconds"/> (0 turns it off; at most 600).</summary>
    [Staff(StaffRight.Moderate)]
    public async Task<QnaSettingsChanged> SetSlowMode(string code, int seconds) =>
        QnaSettingsChanged.From(await questions.SetSlowModeAsync((await RequireAsync(code)).Code, seconds, Context.ConnectionAborted));

    /// <summary>
    /// Blocks the phone that asked <paramref name="questionId"/>: its questions are hidden from the room and its writes refused
    /// in words any phone can get, so it is not told.
    /// </summary>
    [Staff(StaffRight.Moderate)]
    public async Task<BlockedDevicesChanged> BlockDevice(string code, long questionId)
    {
        var session = await RequireAsync(code);
        var blocked = await questions.BlockDeviceAsync(session.Code, questionId, Context.ConnectionAborted);
        return new BlockedDevicesChanged(session.Code, blocked.Select(BlockedPhone.From).ToList());
    }

    /// <summary>Unblocks a phone (<paramref name="blockId"/> from <see cref="BlockedPhone.Id"/>); its questions stay hidden until shown again.</summary>
    [Staff(StaffRight.Moderate)]
    public async Task<BlockedDevicesChanged> UnblockDevice(string code, long blockId)
    {
        var session = await RequireAsync(code);
        var blocked = await questions.UnblockDeviceAsync(session.Code, blockId, Context.ConnectionAborted);
        return new BlockedDevicesChanged(session.Code, blocked.Select(BlockedPhone.From).ToList());
    }

    /// <summary>The polls a phone should show now (open, or with results shown) and its own answers in them.</summary>
    [AllowAudience]
    public async Task<AudiencePolls> GetPolls(string code)
    {
        var session = await RequireAsync(code);
        var shown = (await polls.ListAsync(session.Code, Context.ConnectionAborted)).Where(AudienceView.CanSeePoll).ToList();
        var result = new List<AudiencePoll>(shown.Count);
        var mine = new Dictionary<string, PollVote>(StringComparer.Ordinal);
        var words = messages.DeckOf(session)?.In(Reading(session.Code));
        foreach (var poll in shown)
        {
            result.Add(AudiencePoll.From(poll, AudienceView.CanSeeResults(poll) ? await polls.ResultsAsync(session.Code, poll.Definition.Id, Context.ConnectionAborted) : null, words));
            if (Device() is { } device && await polls.MyVoteAsync(session.Code, device, poll.Definition.Id, Context.ConnectionAborted) is { } answer)
            {
                mine[poll.Definition.Id] = new PollVote(answer.Option, answer.Options, answer.Ratings, answer.Ranking, answer.Text);
            }
        }

        return new AudiencePolls(session.Code, result, mine);
    }

    /// <summary>
    /// Votes in an open poll, or changes this phone's vote. Sending the same <paramref name="clientId"/> again
    /// changes nothing. Acknowledged once committed.
    /// </summary>
    [AllowAudience]
    [RateLimited(HubRateLimits.Votes)]
    public async Task<PollVoteResult> SubmitVote(string code, string pollId, string clientId, PollVote vote)
    {
        ArgumentNullException.ThrowIfNull(vote);
        var session = await RequireAsync(code);
        var receipt = await polls.VoteAsync(session.Code, RequireDevice(session.Code), pollId, clientId, vote.ToAnswer(), Context.ConnectionAborted);
        var answer = receipt.Answer;
        return new PollVoteResult(receipt.PollId, receipt.Round, receipt.Changed,
            receipt.HeldReason is { } held ? held + " Only the presenter sees it; it is not counted in the results."
                : receipt.Changed ? "Your vote was changed and counted." : "Your vote was counted.",
            new PollVote(answer.Option, answer.Options, answer.Ratings, answer.Ranking, answer.Text), receipt.HeldReason is not null);
    }

    /// <summary>Every poll of the deck, with live results, for the presenter.</summary>
    [Staff(StaffRight.Moderate)]
    public async Task<IReadOnlyList<PresenterPoll>> GetPollDashboard(string code)
    {
        var session = await RequireAsync(code);
        var result = new List<PresenterPoll>();
        foreach (var poll in await polls.ListAsync(session.Code, Context.ConnectionAborted))
        {
            result.Add(PresenterPoll.From(poll, await polls.ResultsAsync(session.Code, poll.Definition.Id, Context.ConnectionAborted)));
        }

        return result;
    }

    /// <summary>Opens a poll (any other open poll closes).</summary>
    [Staff(StaffRight.Moderate)]
    public Task<PresenterPoll> OpenPoll(string code, string pollId) => ChangePollAsync(code, pollId, (c, id, ct) => polls.OpenAsync(c, id, ct));

    /// <summary>Closes a poll: no more votes.</summary>
    [Staff(StaffRight.Moderate)]
    public Task<PresenterPoll> ClosePoll(string code, string pollId) => ChangePollAsync(code, pollId, (c, id, ct) => polls.CloseAsync(c, id, ct));

    /// <summary>Shows the results (and a quiz's answer) to the room, or hides them again.</summary>
    [Staff(StaffRight.Moderate)]
    public Task<PresenterPoll> ShowPollResults(string code, string pollId, bool visible) =>
        ChangePollAsync(code, pollId, (c, id, ct) => polls.SetResultsVisibleAsync(c, id, visible, ct));

    /// <summary>Starts the poll again from zero (the console asks for a confirmation first).</summary>
    [Staff(StaffRight.Moderate)]
    public Task<PresenterPoll> ResetPoll(string code, string pollId) => ChangePollAsync(code, pollId, (c, id, ct) => polls.ResetAsync(c, id, ct));

    /// <summary>Ends the talk: every phone is told, questions and votes are refused from now on, and the retention period starts.</summary>
    [Staff(StaffRight.Drive)]
    public async Task<SessionStatus> EndSession(string code) =>
        SessionStatus.From(await audienceData.EndAsync((await RequireAsync(code)).Code, Context.ConnectionAborted), audienceData.Policy);

    /// <summary>Opens an ended talk again; its retention period stops.</summary>
    [Staff(StaffRight.Drive)]
    public async Task<SessionStatus> ReopenSession(string code) =>
        SessionStatus.From(await audienceData.ReopenAsync((await RequireAsync(code)).Code, Context.ConnectionAborted), audienceData.Policy);

    /// <summary>What the audience has sent and is stored: what <see cref="EraseSession"/> would delete (the console's confirmation).</summary>
    [Staff(StaffRight.Drive)]
    public async Task<AudienceDataCounts> GetAudienceDataCounts(string code) =>
        await audienceData.CountAsync((await RequireAsync(code)).Code, Context.ConnectionAborted);

    /// <summary>
    /// Ends the talk and deletes everything its audience sent; the results the room was shown stay as open data when
    /// <paramref name="keepPublishedResults"/> is true. Returns what was deleted. The organiser's alone: it cannot be
    /// undone, and the audience's data is the controller's to delete, not a guest speaker's.
    /// </summary>
    [Staff(StaffRight.Organise)]
    public async Task<AudienceDataCounts> EraseSession(string code, bool keepPublishedResults) =>
        await audienceData.EraseAsync((await RequireAsync(code)).Code, keepPublishedResults, Context.ConnectionAborted);

    /// <summary>
    /// A rehearsal becomes the talk: the questions, upvotes and poll votes it collected are deleted, the polls start
    /// again, and every screen goes back to the first slide; the code and QR code stay. Returns what was deleted.
    /// </summary>
    [Staff(StaffRight.Drive)]
    public async Task<AudienceDataCounts> GoLive(string code) =>
        (await rehearsals.GoLiveAsync((await RequireAsync(code)).Code, Context.ConnectionAborted)).Wiped;

    /// <summary>
    /// Everything this phone has sent in the talk, as stored: the device cookie is the only authority, so a phone sees
    /// its own and nothing else (a connection without the cookie is refused: the server holds nothing it sent).
    /// </summary>
    [AllowAudience]
    [RateLimited(HubRateLimits.MyData)]
    public async Task<MyData> GetMyData(string code)
    {
        var session = await RequireAsync(code);
        return MyData.From(session.Code, await audienceData.ForDeviceAsync(session.Code, RequireDevice(session.Code), Context.ConnectionAborted));
    }

    /// <inheritdoc />
    public override Task OnDisconnectedAsync(Exception? exception)
    {
        audience.Leave(Context.ConnectionId);
        delivery.Leave(Context.ConnectionId);
        followers.Remove(Context.ConnectionId);
        captionReaders.Remove(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    private async Task<SlideState> FollowAsync(string code, string? language)
    {
        var session = await RequireAsync(code);
        var translation = messages.TranslationFor(session, language);
        // Join the groups before reading the state: a change that lands in between arrives with a higher
        // version, so the client never misses it and never goes back.
        followers.Add(Context.ConnectionId, session.Code, presenter: false, translation);
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Followers(session.Code), Context.ConnectionAborted);
        await ReadInAsync(session.Code, translation);
        audience.Join(Context.ConnectionId, session.Code);
        return messages.SlideState(await RequireAsync(session.Code), translation);
    }

    /// <summary>
    /// Puts this connection in the language group of <paramref name="translation"/> (null: the deck's own language) and
    /// out of the one it was in: leaving first, so that after a switch no change arrives in the old language (one that
    /// lands in between is in the state the caller reads next).
    /// </summary>
    private async Task ReadInAsync(string code, string? translation)
    {
        if (Context.Items.TryGetValue(ReadingKey, out var item) && item is Reader previous
            && (previous.Code != code || !string.Equals(previous.Translation, translation, StringComparison.OrdinalIgnoreCase)))
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Language(previous.Code, previous.Translation), Context.ConnectionAborted);
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Language(code, translation), Context.ConnectionAborted);
        Context.Items[ReadingKey] = new Reader(code, translation);
    }

    /// <summary>The translation this connection reads <paramref name="code"/> in, or null for the deck's own language.</summary>
    private string? Reading(string code) =>
        Context.Items.TryGetValue(ReadingKey, out var item) && item is Reader reader && reader.Code == code ? reader.Translation : null;

    /// <summary>The phone's device (its signed cookie), or null for a connection that did not come through the join page.</summary>
    private string? Device() => devices.TryRead(Context.GetHttpContext());

    /// <summary>Writes need a device (<see cref="HubRateLimitFilter"/> checks first; this keeps a method without the attribute safe too).</summary>
    private string RequireDevice(string code) => Device() ?? throw HubRefusal.Create(HubRefusal.NoDevice, HubRateLimitFilter.NotJoinedWrite, HubRateLimitFilter.NoDeviceMessage(code), []);

    /// <summary>Moves the talk; Core opens the slide's polls and sends its strokes (<see cref="ISlideFollower"/>).</summary>
    private async Task<SlideState> NavigateAsync(string code, Navigation navigation) =>
        messages.SlideState(await sessions.NavigateAsync((await RequireAsync(code)).Code, navigation, Context.ConnectionAborted));

    private async Task<PresenterPoll> ChangePollAsync(string code, string pollId, Func<string, string, CancellationToken, Task<PollView>> change)
    {
        var session = await RequireAsync(code);
        var view = await change(session.Code, pollId, Context.ConnectionAborted);
        return PresenterPoll.From(view, await polls.ResultsAsync(session.Code, pollId, Context.ConnectionAborted));
    }

    private async Task<LiveSessionState> RequireAsync(string code)
    {
        if (!JoinCode.TryNormalize(code, out var normalized, out var error))
        {
            throw HubRefusal.Create(HubRefusal.Invalid, BadCode, error, []);
        }

        return await sessions.FindAsync(normalized, Context.ConnectionAborted)
            ?? throw HubRefusal.Create(HubRefusal.UnknownSession, RoomRefusals.NoSuchSession(normalized));
    }

    /// <summary>Where a connection keeps the session and language it reads (hubs are transient; the connection is not).</summary>
    private static readonly object ReadingKey = new();

    /// <summary>Why a question is held, as a code the phone words in its language: the patient-data guard's hold, or review.</summary>
    private static string HeldAs(string? heldReason) => QuestionService.IsHeldByGuard(heldReason) ? "personal-data" : "review";

    /// <summary>The code of a join code that is not one (wrong length or letters).</summary>
    internal const string BadCode = RefusalCodes.BadCode;
}

/// <summary>The session a connection follows and the translation of its deck it reads (null: the deck's own language).</summary>
internal sealed record Reader(string Code, string? Translation);
