namespace OpenHealthLive.Core.Sessions;

/// <summary>
/// The <see cref="ISlideFollower"/>s, read when the talk moves rather than when <see cref="LiveSessionService"/> is
/// made: they read sessions through that service themselves, so taking them in its constructor would be a cycle.
/// </summary>
/// <param name="all">Gives the followers (the container's registrations).</param>
public sealed class SlideFollowers(Func<IEnumerable<ISlideFollower>> all)
{
    /// <summary>No follower (a service on its own, in tests).</summary>
    public static SlideFollowers None { get; } = new(() => []);

    /// <summary>Calls each follower in turn, in registration order.</summary>
    public async Task SlideReachedAsync(LiveSessionState session, bool slideChanged, CancellationToken cancellationToken)
    {
        foreach (var follower in all())
        {
            await follower.SlideReachedAsync(session, slideChanged, cancellationToken);
        }
    }
}
