using OpenHealthLive.Core.Captions;
using OpenHealthLive.Web.Rooms;

namespace OpenHealthLive.Web.Captions;

/// <summary>
/// Sends caption changes to the session's caption readers only (phones with their panel on, the projector, the
/// consoles): a phone that does not read captions is not sent a few messages a second for nothing. Through
/// <see cref="FollowerBroadcast{TClient}"/>, so in a cluster they cross the Redis backplane like every other change.
/// </summary>
internal sealed class CaptionBroadcaster(FollowerBroadcast<ICaptionsClient> broadcast, CaptionReaders readers) : ICaptionNotifier
{
    public Task CaptionTypingAsync(CaptionDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var message = new CaptionDraftState(draft.SessionCode, draft.Text);
        return ToReadersAsync(draft.SessionCode, client => client.CaptionTyping(message));
    }

    public Task CaptionCommittedAsync(CaptionLine line, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(line);
        var message = LiveCaption.From(line);
        return ToReadersAsync(line.SessionCode, client => client.CaptionCommitted(message));
    }

    public Task CaptionsClearedAsync(string sessionCode, CancellationToken cancellationToken) =>
        ToReadersAsync(sessionCode, client => client.CaptionsCleared(new CaptionsCleared(sessionCode)));

    public async Task SettingsChangedAsync(CaptionSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var message = new CaptionSettingsChanged(settings.SessionCode, settings.Kept);
        await ToReadersAsync(settings.SessionCode, client => client.CaptionSettingsChanged(message));
        await broadcast.SendToPresentersAsync(settings.SessionCode, client => client.CaptionSettingsChanged(message));
    }

    private Task ToReadersAsync(string code, Func<ICaptionsClient, Task> send) =>
        broadcast.SendAsync(code, LiveGroups.Captions(code), () => readers.ConnectionsOf(code), send);
}
