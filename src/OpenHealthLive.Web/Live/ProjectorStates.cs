using System.Collections.Concurrent;

namespace OpenHealthLive.Web.Live;

/// <summary>What the projector shows besides the slide: blacked out, the large join QR code, the caption bar.</summary>
public sealed class ProjectorStates
{
    private readonly ConcurrentDictionary<string, ProjectorState> _states = new(StringComparer.Ordinal);

    public ProjectorState Get(string code) => _states.GetValueOrDefault(code) ?? new ProjectorState(code, false, false);

    public ProjectorState Set(string code, bool blackout, bool joinOverlay) =>
        _states.AddOrUpdate(code, _ => new ProjectorState(code, blackout, joinOverlay), (_, now) => now with { Blackout = blackout, JoinOverlay = joinOverlay });

    /// <summary>Shows the caption bar under the slide, or hides it; blackout and the QR code stay as they are.</summary>
    public ProjectorState SetCaptions(string code, bool captions) =>
        _states.AddOrUpdate(code, _ => new ProjectorState(code, false, false, captions), (_, now) => now with { Captions = captions });
}

/// <summary>The projector's display state.</summary>
/// <param name="Code">Join code.</param>
/// <param name="Blackout">The projector is blacked out.</param>
/// <param name="JoinOverlay">The large join QR code is shown.</param>
/// <param name="Captions">The caption bar is shown under the slide.</param>
public sealed record ProjectorState(string Code, bool Blackout, bool JoinOverlay, bool Captions = false);
