namespace OpenHealthLive.Web.Rooms;

/// <summary>Refusals said the same way by the hub and by the HTTP endpoints that serve the same room.</summary>
internal static class RoomRefusals
{
    /// <summary>The code of a refusal to a browser that never joined through the join page (it has no device cookie).</summary>
    public const string NotJoinedData = "not-joined-data";

    /// <summary>What a client is told for a session code that names no session.</summary>
    public static string NoSuchSession(string code) => $"There is no session with code {code}. Check the code on the screen.";
}
