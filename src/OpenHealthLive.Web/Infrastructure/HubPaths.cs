namespace OpenHealthLive.Web.Infrastructure;

/// <summary>Where the hub listens: the middleware (origin check, rate limits, languages) treats it apart.</summary>
internal static class HubPaths
{
    /// <summary>The live hub's path.</summary>
    public const string Live = "/hubs/live";
}
