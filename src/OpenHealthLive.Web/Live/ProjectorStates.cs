using System.Collections.Concurrent;

namespace OpenHealthLive.Web.Live;

/// <summary>What the projector shows besides the slide: blacked out, or the large join QR code.</summary>
public sealed class ProjectorStates
{
    private readonly ConcurrentDictionary<string, ProjectorState> _states = new(StringComparer.Ordinal);

    public ProjectorState Get(string code) => _states.GetValueOrDefault(code) ?? new ProjectorState(code, false, false);

    public ProjectorState Set(string code, bool blackout, bool joinOverlay) => _states[code] = new ProjectorState(code, blackout, joinOverlay);
}

/// <summary>The projector's display state.</summary>
public sealed record ProjectorState(string Code, bool Blackout, bool JoinOverlay);
