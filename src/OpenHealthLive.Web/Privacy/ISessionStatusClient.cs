namespace OpenHealthLive.Web.Privacy;

/// <summary>What the talk's status and its audience's data push to clients (part of the hub's client, ILiveClient).</summary>
public interface ISessionStatusClient
{
    /// <summary>The talk ended, opened again, or its audience's data was deleted; sent to everyone following.</summary>
    Task SessionStatusChanged(SessionStatus status);
}
