using OpenHealthLive.Core.Sessions;

namespace OpenHealthLive.Web.Archive;

/// <summary>Nothing drawn on any slide: the archive's overlay until the pen registers its own <see cref="ISlideOverlay"/>.</summary>
internal sealed class NoSlideOverlay : ISlideOverlay
{
    public ValueTask<IReadOnlyDictionary<int, string>> SvgBySlideAsync(LiveSessionState session, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyDictionary<int, string>>(new Dictionary<int, string>());
}
