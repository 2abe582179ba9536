using Microsoft.AspNetCore.SignalR;
using OpenHealthLive.Core.Sessions;

namespace OpenHealthLive.Web.Live;

/// <summary>
/// The one hub. Thin on purpose: it checks input, calls <see cref="LiveSessionService"/>, and returns.
/// Methods without <see cref="AllowAudienceAttribute"/> are presenter-only (see <see cref="PresenterOnlyHubFilter"/>).
/// </summary>
public sealed class LiveHub(LiveSessionService sessions, LiveMessages messages, AudienceTracker audience) : Hub<ILiveClient>
{
    /// <summary>Follows a session as a phone: returns where it is now; <c>SlideChanged</c> follows every change.</summary>
    [AllowAudience]
    public async Task<SlideState> JoinSession(string code)
    {
        var session = await RequireAsync(code);
        // Join the group before reading the state: a change that lands in between arrives with a higher
        // version, so the client never misses it and never goes back.
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Followers(session.Code), Context.ConnectionAborted);
        audience.Join(Context.ConnectionId, session.Code);
        return messages.SlideState(await RequireAsync(session.Code));
    }

    /// <summary>Follows a session as a presenter device (console, remote or projector).</summary>
    public async Task<PresenterJoined> JoinAsPresenter(string code)
    {
        var session = await RequireAsync(code);
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Followers(session.Code), Context.ConnectionAborted);
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Presenters(session.Code), Context.ConnectionAborted);
        return new PresenterJoined(messages.SlideState(await RequireAsync(session.Code)), audience.CountOf(session.Code));
    }

    /// <summary>Next fragment, or next slide.</summary>
    public Task<SlideState> NextStep(string code) => NavigateAsync(code, Navigation.Next);

    /// <summary>Previous fragment, or previous slide.</summary>
    public Task<SlideState> PreviousStep(string code) => NavigateAsync(code, Navigation.Previous);

    /// <summary>A given slide (0-based) and fragment.</summary>
    public Task<SlideState> GoToSlide(string code, int slide, int fragment) => NavigateAsync(code, Navigation.GoTo(slide, fragment));

    /// <summary>The first slide.</summary>
    public Task<SlideState> FirstSlide(string code) => NavigateAsync(code, new Navigation(NavigationKind.First));

    /// <summary>The last slide.</summary>
    public Task<SlideState> LastSlide(string code) => NavigateAsync(code, new Navigation(NavigationKind.Last));

    /// <inheritdoc />
    public override Task OnDisconnectedAsync(Exception? exception)
    {
        audience.Leave(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    private async Task<SlideState> NavigateAsync(string code, Navigation navigation) =>
        messages.SlideState(await sessions.NavigateAsync((await RequireAsync(code)).Code, navigation, Context.ConnectionAborted));

    private async Task<LiveSessionState> RequireAsync(string code)
    {
        if (!JoinCode.TryNormalize(code, out var normalized, out var error))
        {
            throw new HubException(error);
        }

        return await sessions.FindAsync(normalized, Context.ConnectionAborted)
            ?? throw new HubException($"There is no session with code {normalized}. Check the code on the screen.");
    }
}
