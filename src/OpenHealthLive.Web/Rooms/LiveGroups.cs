namespace OpenHealthLive.Web.Rooms;

/// <summary>SignalR group names.</summary>
internal static class LiveGroups
{
    /// <summary>Everyone following a session: phones, projector and presenter devices.</summary>
    public static string Followers(string code) => "s:" + code;

    /// <summary>Presenter devices only.</summary>
    public static string Presenters(string code) => "p:" + code;

    /// <summary>
    /// Consoles that show the room (how many phones follow, how fast a slide reached them): asked for with
    /// the hub's <c>WatchRoom</c>, so the projector, the remote and the moderator's page are not sent figures they
    /// do not show, every second of a talk.
    /// </summary>
    public static string RoomWatchers(string code) => "r:" + code;

    /// <summary>Caption readers: phones with their captions panel on, the projector, the caption and presenter consoles.</summary>
    public static string Captions(string code) => "c:" + code;

    /// <summary>
    /// Everyone following a session who reads the deck in one language: in the deck's own (<paramref name="translation"/>
    /// null: presenter devices and most phones) or in one of its translations. Each follower is in exactly one, so what
    /// differs by language (the slide, a poll's words) reaches each phone once, in its language.
    /// </summary>
    public static string Language(string code, string? translation) =>
        translation is null ? "l:" + code : "l:" + code + ":" + translation.ToLowerInvariant();
}
