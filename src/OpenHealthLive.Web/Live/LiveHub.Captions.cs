using OpenHealthLive.Core.Captions;
using OpenHealthLive.Core.Refusals;
using OpenHealthLive.Web.Captions;
using OpenHealthLive.Web.Infrastructure;
using OpenHealthLive.Web.Presenter;
using OpenHealthLive.Web.Rooms;

namespace OpenHealthLive.Web.Live;

/// <summary>Live captions (docs/captions.md): the caption console writes, phones and the projector read.</summary>
public sealed partial class LiveHub
{
    /// <summary>
    /// Opens the caption console: follows the session's slides as the room sees them (not the notes or the slides
    /// ahead) and its captions. Returns the current slide, the latest lines and whether they are kept after the talk.
    /// </summary>
    [Staff(StaffRight.Caption)]
    public async Task<CaptionerJoined> JoinAsCaptioner(string code)
    {
        var session = await RequireAsync(code);
        followers.Add(Context.ConnectionId, session.Code, presenter: false);
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Followers(session.Code), Context.ConnectionAborted);
        // Slide changes go to each language's group: the console reads the deck in its own language, as the projector.
        await ReadInAsync(session.Code, translation: null);
        await ReadCaptionsAsync(session.Code);
        var lines = await captions.RecentAsync(session.Code, Context.ConnectionAborted);
        var settings = await captions.SettingsAsync(session.Code, Context.ConnectionAborted);
        return new CaptionerJoined(messages.SlideState(await RequireAsync(session.Code)), lines.Select(LiveCaption.From).ToList(), settings.Kept);
    }

    /// <summary>
    /// The line being typed, sent to the readers as it grows (the console sends it a few times a second). A number at
    /// its end waits until a word follows it; what is sent is masked. Returns what the readers were sent.
    /// </summary>
    [Staff(StaffRight.Caption)]
    public async Task<CaptionDraftState> TypeCaption(string code, string text)
    {
        ThrowIfCaptionTooLong(text);
        if (!captionLimits.TryTakeDraft(CaptionWriter(), out var wait))
        {
            throw HubRefusal.Create(HubRefusal.RateLimited, "too-fast", CaptionLimits.TooQuickly(wait), [RetryAfter.Seconds(wait)]);
        }

        var draft = await captions.TypeAsync(code, text, Context.ConnectionAborted);
        return new CaptionDraftState(draft.SessionCode, draft.Text);
    }

    /// <summary>
    /// A finished line: stored, masked, with the slide it was said on, and sent to the readers. <paramref name="slide"/>
    /// is the slide the room was on when the line was begun, or null for the current one.
    /// </summary>
    [Staff(StaffRight.Caption)]
    public async Task<CaptionReceipt> CommitCaption(string code, string text, int? slide)
    {
        ThrowIfCaptionTooLong(text);
        if (!captionLimits.TryTakeLines(CaptionWriter(), 1, out var wait))
        {
            throw HubRefusal.Create(HubRefusal.RateLimited, "too-fast", CaptionLimits.TooQuickly(wait), [RetryAfter.Seconds(wait)]);
        }

        return CaptionReceipt.From(await captions.CommitAsync(code, text, slide, Context.ConnectionAborted));
    }

    /// <summary>
    /// Turns captions on (<paramref name="follow"/>) or off for this connection. On, it gets <c>CaptionTyping</c> and
    /// <c>CaptionCommitted</c> from now on, and the answer holds the latest lines of the slides the room was shown.
    /// </summary>
    [AllowAudience]
    public async Task<CaptionHistory> FollowCaptions(string code, bool follow)
    {
        var session = await RequireAsync(code);
        if (!follow)
        {
            captionReaders.Remove(Context.ConnectionId);
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Captions(session.Code), Context.ConnectionAborted);
            return new CaptionHistory(session.Code, false, []);
        }

        // Join first, then read: a line committed in between arrives twice rather than not at all (readers skip known ids).
        await ReadCaptionsAsync(session.Code);
        var lines = await captions.RecentForAudienceAsync(session.Code, Context.ConnectionAborted);
        return new CaptionHistory(session.Code, true, lines.Select(LiveCaption.From).ToList(), captions.Draft(session.Code)?.Text);
    }

    /// <summary>The lines said on <paramref name="slide"/> (0-based), when the room has been shown it; refused otherwise.</summary>
    [AllowAudience]
    public async Task<IReadOnlyList<LiveCaption>> GetCaptions(string code, int slide)
    {
        var session = await RequireAsync(code);
        return (await captions.ForSlideAsync(session.Code, slide, Context.ConnectionAborted)).Select(LiveCaption.From).ToList();
    }

    /// <summary>Keeps the captions after the talk, or not (the default: deleted when it ends; not keeping them after the end deletes them now).</summary>
    [Staff(StaffRight.Drive)]
    public async Task<CaptionSettingsChanged> SetCaptionsKept(string code, bool keep)
    {
        var settings = await captions.SetKeptAsync((await RequireAsync(code)).Code, keep, Context.ConnectionAborted);
        return new CaptionSettingsChanged(settings.SessionCode, settings.Kept);
    }

    /// <summary>Shows or hides the caption bar under the slide on the projector.</summary>
    [Staff(StaffRight.Drive)]
    public async Task<ProjectorState> SetProjectorCaptions(string code, bool visible) =>
        ProjectorState.From(await sessions.SetProjectorCaptionsAsync((await RequireAsync(code)).Code, visible, Context.ConnectionAborted));

    private async Task ReadCaptionsAsync(string code)
    {
        captionReaders.Add(Context.ConnectionId, code);
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Captions(code), Context.ConnectionAborted);
    }

    /// <summary>Whose allowance a caption write takes: the sign-in's, which no new connection or copied header resets.</summary>
    private string CaptionWriter() => "sign-in:" + (StaffMember.Of(Context.User)?.SignInId ?? Context.ConnectionId);

    private static void ThrowIfCaptionTooLong(string? text)
    {
        if (text?.Length > CaptionText.MaxLength)
        {
            throw HubRefusal.Create(HubRefusal.Invalid, RefusalCodes.CaptionTooLong, CaptionText.TooLong, [CaptionText.MaxLength]);
        }
    }
}
