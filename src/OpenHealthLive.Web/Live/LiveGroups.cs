namespace OpenHealthLive.Web.Live;

/// <summary>SignalR group names.</summary>
internal static class LiveGroups
{
    /// <summary>Everyone following a session: phones, projector and presenter devices.</summary>
    public static string Followers(string code) => "s:" + code;

    /// <summary>Presenter devices only.</summary>
    public static string Presenters(string code) => "p:" + code;

    /// <summary>Caption readers: phones with their captions panel on, the projector, the caption and presenter consoles.</summary>
    public static string Captions(string code) => "c:" + code;
}
